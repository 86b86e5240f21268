import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '#contracts/roles.ts';
import { createUserBody, type User } from '#contracts/users.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { FormError } from '../../ui/FormError.tsx';
import { StaffSelect } from '../staff/StaffSelect.tsx';
import { createUser, useGrantableRoles } from './api.ts';

const formSchema = createUserBody.omit({ unitId: true, roles: true });

interface Values {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  password: string;
  role: Role | null;
  staffId: string | null;
}

/** A new account managed by the selected unit, with a first role there and an optional staff link. */
export function CreateUserForm({
  onCreated,
}: {
  onCreated: (user: User, temporaryPassword: string | null) => void;
}) {
  const { t } = useTranslation('users');
  const enums = useEnumLabels();
  const workspace = useWorkspace();
  const client = useQueryClient();
  const grantable = useGrantableRoles(workspace.unitId);
  const form = useForm<Values>({
    initialValues: {
      username: '',
      fullName: '',
      email: '',
      phone: '',
      password: '',
      role: null,
      staffId: null,
    },
    validate: schemaResolver(formSchema, { sync: true }),
  });
  const create = useMutation({
    mutationFn: ({ role, ...values }: Values) =>
      createUser({
        ...values,
        unitId: workspace.unitId,
        roles: role ? [{ role, unitId: workspace.unitId }] : [],
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      onCreated(created.user, created.temporaryPassword);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const { 'roles.0.role': roleError, ...fields } = error.fields;
      form.setErrors(roleError ? { ...fields, role: roleError } : fields);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack gap="sm">
        <TextInput
          label={t('username')}
          required
          autoComplete="off"
          data-testid="user-username"
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('fullName')}
          required
          data-testid="user-full-name"
          {...form.getInputProps('fullName')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('phone')} type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <PasswordInput
          label={t('password')}
          description={t('passwordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Select
          label={t('role')}
          data={enums.options('role', grantable.data?.roles ?? [])}
          clearable
          data-testid="user-role"
          {...form.getInputProps('role')}
        />
        {workspace.can('staff.read') && (
          <StaffSelect unitId={workspace.unitId} label={t('linkStaff')} {...form.getInputProps('staffId')} />
        )}
        <FormError error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="user-create">
            {t('add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
