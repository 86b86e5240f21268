import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** The end of a form: the server's error, then the submit button. */
export function FormActions({
  error,
  pending,
  label,
  testId,
}: {
  error: unknown;
  pending: boolean;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {Boolean(error) && <ErrorAlert error={error} />}
      <Group justify="flex-end">
        <Button type="submit" loading={pending} data-testid={testId}>
          {label ?? t('save')}
        </Button>
      </Group>
    </>
  );
}
