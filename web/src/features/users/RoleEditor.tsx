import { ActionIcon, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#contracts/roles.ts';
import type { User } from '#contracts/users.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { foldedFilter } from '../staff/options.ts';
import { grantRole, revokeRole, unitsUnder, useGrantableRoles } from './api.ts';

/** The roles of an account, with remove buttons and a unit + role picker limited to what the actor may grant. */
export function RoleEditor({ user, editable }: { user: User; editable: boolean }) {
  const { t } = useTranslation('users');
  const enums = useEnumLabels();
  const workspace = useWorkspace();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(workspace.unitId);
  const [role, setRole] = useState<Role | null>(null);
  const grantable = useGrantableRoles(editable ? unitId : null);
  const done = () => void client.invalidateQueries({ queryKey: ['users'] });
  const grant = useMutation({
    mutationFn: () => grantRole(user.id, { role, unitId }),
    onSuccess: () => {
      notifySaved(t('roleGranted', { role: role ? enums.label('role', role) : '', name: user.fullName }));
      setRole(null);
      done();
    },
  });
  const revoke = useMutation({
    mutationFn: (assignmentId: string) => revokeRole(user.id, assignmentId),
    onSuccess: () => {
      notifySaved(t('roleRevoked', { name: user.fullName }));
      done();
    },
  });
  const units = unitsUnder(workspace.units, workspace.unitId).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack gap="xs">
      {user.roles.map((r) => (
        <Group key={r.id} gap="xs" wrap="nowrap">
          <Badge variant="light">{enums.label('role', r.role)}</Badge>
          <Text size="sm" style={{ flex: 1 }}>
            {r.unitName}
          </Text>
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('removeRole', { role: enums.label('role', r.role) })}
              loading={revoke.isPending && revoke.variables === r.id}
              onClick={() => revoke.mutate(r.id)}
            >
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group align="flex-end" gap="xs">
          <Select
            label={t('unit')}
            data={units}
            value={unitId}
            onChange={(id) => {
              // The roles offered follow the unit's kind: a role chosen for another unit may not fit this one.
              setUnitId(id);
              setRole(null);
            }}
            searchable
            filter={foldedFilter}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('addRole')}
            data={enums.options('role', grantable.data?.roles ?? [])}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            placeholder={grantable.data?.roles.length === 0 ? t('noGrantable') : undefined}
            w={{ base: '100%', xs: 200 }}
            data-testid="role-select"
          />
          <Button disabled={!role || !unitId} loading={grant.isPending} onClick={() => grant.mutate()}>
            {t('grant')}
          </Button>
        </Group>
      )}
      {(grant.error || revoke.error) && <ErrorAlert error={grant.error ?? revoke.error} />}
    </Stack>
  );
}
