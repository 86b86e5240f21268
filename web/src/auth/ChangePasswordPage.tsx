import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { notifySaved } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useMe } from './session.ts';

export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.newPassword ? null : t('mismatch')) },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => apiPost<void>('/auth/password', v),
    onSuccess: () => {
      notifySaved(t('passwordChanged'));
      form.reset();
      // With a temporary password the server refused everything but /auth/me (password_change_required):
      // refetch all, so the workspace (units, school years) loads now.
      void client.invalidateQueries();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fields);
    },
  });
  return (
    <Stack maw={460}>
      <PageHeader title={t('common:changePassword')} />
      {me.data?.user.mustChangePassword && <Alert color="yellow">{t('mustChange')}</Alert>}
      <Paper withBorder p="md">
        <form
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
            change.mutate({ currentPassword, newPassword }),
          )}
        >
          <Stack>
            <PasswordInput
              label={t('currentPassword')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('newPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('confirmPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            {change.error &&
              !(change.error instanceof ApiError && Object.keys(change.error.fields).length) && (
                <ErrorAlert error={change.error} />
              )}
            <Button type="submit" loading={change.isPending} w="fit-content">
              {t('common:save')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
