import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, updateUserBody } from '#contracts/users.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { StaffSelect } from '../staff/StaffSelect.tsx';
import { linkUserToStaff, resetUserPassword, setUserActive, updateUser, useUser } from './api.ts';
import { PasswordReveal } from './PasswordReveal.tsx';
import { RoleEditor } from './RoleEditor.tsx';

type Confirming = 'reset' | 'deactivate' | null;

/** One account: profile, roles, staff link, password reset and (de)activation, as far as the actor may. */
export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const user = useUser(userId);
  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={user.data ? t('manageTitle', { username: user.data.username }) : ''}
    >
      {user.isPending && <Loading />}
      {user.error && <ErrorAlert error={user.error} />}
      {user.data && <UserPanel key={user.data.id} user={user.data} />}
    </Drawer>
  );
}

function UserPanel({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const workspace = useWorkspace();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['users'] });
  const form = useForm({
    initialValues: { fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' },
    validate: schemaResolver(updateUserBody, { sync: true }),
  });
  const update = useMutation({
    mutationFn: (values: typeof form.values) => updateUser(user.id, values),
    onSuccess: () => {
      refresh();
      notifySaved(t('common:saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fields);
    },
  });
  const link = useMutation({
    mutationFn: (staffId: string | null) => linkUserToStaff(user.id, staffId),
    onSuccess: (_, staffId) => {
      notifySaved(staffId ? t('staffLinked') : t('staffUnlinked'));
      refresh();
    },
  });
  const reset = useMutation({
    mutationFn: () => resetUserPassword(user.id),
    onSuccess: (result) => {
      setRevealed(result.temporaryPassword);
      refresh();
    },
    onSettled: () => setConfirming(null),
  });
  const activate = useMutation({
    mutationFn: (active: boolean) => setUserActive(user.id, active),
    onSuccess: (_, active) => {
      notifySaved(active ? t('reactivated') : t('deactivated'));
      refresh();
    },
    onSettled: () => setConfirming(null),
  });
  const editable = user.manageable;
  const failure = update.error ?? link.error ?? reset.error ?? activate.error;

  return (
    <Stack>
      {!editable && <Alert color="gray">{t('notManageable')}</Alert>}
      <Title order={4}>{t('profile')}</Title>
      <form onSubmit={form.onSubmit((values) => update.mutate(values))}>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <TextInput label={t('fullName')} {...form.getInputProps('fullName')} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput label={t('email')} {...form.getInputProps('email')} />
              <TextInput label={t('phone')} {...form.getInputProps('phone')} />
            </SimpleGrid>
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" size="xs" loading={update.isPending}>
                  {t('common:save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <Divider />
      <Title order={4}>{t('roles')}</Title>
      <RoleEditor user={user} editable={editable} />
      <Divider />
      {workspace.can('staff.read') ? (
        <StaffSelect
          unitId={user.unitId}
          label={t('linkStaff')}
          value={user.staff?.id ?? null}
          disabled={!editable}
          onChange={(staffId) => link.mutate(staffId)}
        />
      ) : (
        <Text size="sm">
          {t('staff')}: {user.staff?.fullName ?? '—'}
        </Text>
      )}
      {failure && <ErrorAlert error={failure} />}
      {editable && (
        <>
          <Divider />
          <Group>
            <Button variant="light" onClick={() => setConfirming('reset')} data-testid="user-reset-password">
              {t('resetPassword')}
            </Button>
            {user.isActive ? (
              <Button variant="light" color="red" onClick={() => setConfirming('deactivate')}>
                {t('deactivate')}
              </Button>
            ) : (
              <Button
                variant="light"
                color="teal"
                loading={activate.isPending}
                onClick={() => activate.mutate(true)}
              >
                {t('reactivate')}
              </Button>
            )}
          </Group>
        </>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming === 'reset' ? t('resetPassword') : t('deactivate')}
        confirmLabel={confirming === 'reset' ? t('resetPassword') : t('deactivate')}
        loading={reset.isPending || activate.isPending}
        onConfirm={() => (confirming === 'reset' ? reset.mutate() : activate.mutate(false))}
        onClose={() => setConfirming(null)}
      >
        {confirming === 'reset'
          ? t('resetConfirm', { username: user.username })
          : t('deactivateConfirm', { username: user.username })}
      </ConfirmModal>
      <PasswordReveal
        reveal={revealed ? { username: user.username, password: revealed } : null}
        onClose={() => setRevealed(null)}
      />
    </Stack>
  );
}
