import { Alert, Badge, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type GuardianAccount, type StudentDetail, useCreateGuardianAccount } from './api.ts';
import { Section } from './StudentSections.tsx';

type Guardian = StudentDetail['guardians'][number];

export function GuardiansCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  const [forGuardian, setForGuardian] = useState<Guardian | null>(null);
  const canCreateAccounts = student.permissions.includes('users.manage') && !student.erased;
  return (
    <Section title={t('sectionGuardians')} testId="guardians">
      <Stack gap="sm">
        {student.guardians.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('noGuardians')}
          </Text>
        )}
        {student.guardians.map((g) => (
          <Group key={g.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text fw={500}>
                {g.fullName || '—'}{' '}
                <Text span c="dimmed" size="sm">
                  ({t(`relationship_${g.relationship}`)})
                </Text>
              </Text>
              <Text size="sm">{[g.occupation, g.phone, g.email].filter(Boolean).join(' · ') || '—'}</Text>
            </Stack>
            {g.hasAccount ? (
              <Badge variant="light" color="teal">
                {t('hasAccount')}
              </Badge>
            ) : (
              canCreateAccounts && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconKey size={14} />}
                  onClick={() => setForGuardian(g)}
                >
                  {t('createAccount')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
      {forGuardian && (
        <AccountModal studentId={student.id} guardian={forGuardian} onClose={() => setForGuardian(null)} />
      )}
    </Section>
  );
}

/** Creates the login; the generated password is shown here once and never again. */
function AccountModal({
  studentId,
  guardian,
  onClose,
}: {
  studentId: string;
  guardian: Guardian;
  onClose(): void;
}) {
  const { t } = useTranslation('students');
  const [username, setUsername] = useState('');
  const [account, setAccount] = useState<GuardianAccount | null>(null);
  const create = useCreateGuardianAccount(studentId);
  return (
    <Modal opened onClose={onClose} title={t('accountTitle')}>
      {account ? (
        <Stack>
          <Alert color="teal">{account.initialPassword ? t('accountCreated') : t('accountLinked')}</Alert>
          <Text>
            {t('accountUsername')}: <Code>{account.username}</Code>
          </Text>
          {account.initialPassword && (
            <>
              <Text>
                {t('initialPassword')}: <Code data-testid="initial-password">{account.initialPassword}</Code>
              </Text>
              <Text size="sm" c="dimmed">
                {t('mustChangeHint')}
              </Text>
            </>
          )}
          <Button onClick={onClose}>{t('common:close')}</Button>
        </Stack>
      ) : (
        <Stack>
          <Text>{guardian.fullName}</Text>
          <TextInput
            label={t('accountUsername')}
            description={t('accountUsernameHint')}
            placeholder={guardian.phone ?? ''}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={create.error instanceof ApiError ? create.error.fields.username : undefined}
          />
          {create.error && <ErrorAlert error={create.error} />}
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { guardianId: guardian.id, username: username.trim() || undefined },
                { onSuccess: setAccount },
              )
            }
          >
            {t('accountCreate')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
