import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shows a generated password once, with a copy button; it is not stored anywhere readable. */
export function PasswordReveal({
  reveal,
  onClose,
}: {
  reveal: { username: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  return (
    <Modal opened={reveal !== null} onClose={onClose} title={t('temporaryPassword')} centered>
      {reveal && (
        <Stack>
          <Text size="sm">{t('temporaryPasswordHint', { username: reveal.username })}</Text>
          <Group>
            <Code fz="lg" data-testid="temporary-password">
              {reveal.password}
            </Code>
            <CopyButton value={reveal.password}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('copied') : t('copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common:close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
