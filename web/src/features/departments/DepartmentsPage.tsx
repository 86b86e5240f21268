import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Department, updateDepartmentBody } from '#contracts/departments.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { StaffSelect } from '../staff/StaffSelect.tsx';
import { type DepartmentValues, useDeleteDepartment, useDepartments, useSaveDepartment } from './api.ts';

export default function DepartmentsPage() {
  return (
    <RequirePermission permission="staff.read">
      <Departments />
    </RequirePermission>
  );
}

function Departments() {
  const { t } = useTranslation('departments');
  const workspace = useWorkspace();
  const list = useDepartments(workspace.unitId);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const canWrite = workspace.can('staff.write');
  const remove = useDeleteDepartment();
  const removeDeleting = () =>
    deleting &&
    remove.mutate(deleting.id, {
      onSuccess: () => notifySaved(t('common:saved')),
      onError: notifyError,
      onSettled: () => setDeleting(null),
    });

  return (
    <ListPage
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        canWrite && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="department-add"
          >
            {t('add')}
          </Button>
        )
      }
      list={list}
      isEmpty={(data) => data.length === 0}
      empty={t('common:noData')}
      after={
        <>
          <Modal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            title={editing === 'new' ? t('createTitle') : t('editTitle')}
          >
            {editing !== null && (
              <DepartmentForm
                key={editing === 'new' ? 'new' : editing.id}
                department={editing === 'new' ? undefined : editing}
                onDone={() => setEditing(null)}
              />
            )}
          </Modal>
          <ConfirmModal
            opened={deleting !== null}
            title={t('common:delete')}
            confirmLabel={t('common:delete')}
            loading={remove.isPending}
            onConfirm={removeDeleting}
            onClose={() => setDeleting(null)}
          >
            {t('deleteConfirm', { name: deleting?.name ?? '' })}
          </ConfirmModal>
        </>
      }
    >
      {(data) => (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('head')}</Table.Th>
                <Table.Th ta="right">{t('members')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((d) => (
                <DepartmentRow
                  key={d.id}
                  department={d}
                  canWrite={canWrite}
                  onEdit={() => setEditing(d)}
                  onDelete={() => setDeleting(d)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  );
}

function DepartmentRow({
  department: d,
  canWrite,
  onEdit,
  onDelete,
}: {
  department: Department;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('departments');
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {d.name}
          </Text>
          {d.isMine && <Badge size="sm">{t('mine')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>{d.headName ?? '—'}</Table.Td>
      <Table.Td ta="right">{d.memberCount}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <ActionIcon
            variant="subtle"
            component={Link}
            to={`/staff?departmentId=${d.id}`}
            aria-label={t('viewStaff')}
          >
            <IconUsers size={16} />
          </ActionIcon>
          {canWrite && (
            <>
              <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('common:edit')}>
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('common:delete')}>
                <IconTrash size={16} />
              </ActionIcon>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function DepartmentForm({ department, onDone }: { department?: Department; onDone: () => void }) {
  const { t } = useTranslation('departments');
  const workspace = useWorkspace();
  const form = useForm({
    initialValues: { name: department?.name ?? '', headStaffId: department?.headStaffId ?? null },
    validate: schemaResolver(updateDepartmentBody, { sync: true }),
  });
  const save = useSaveDepartment(workspace.unitId, department);
  const submit = (values: DepartmentValues) =>
    save.mutate(values, {
      onSuccess: () => {
        notifySaved(t('common:saved'));
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label={t('name')} required data-testid="department-name" {...form.getInputProps('name')} />
        <StaffSelect unitId={workspace.unitId} label={t('head')} {...form.getInputProps('headStaffId')} />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
