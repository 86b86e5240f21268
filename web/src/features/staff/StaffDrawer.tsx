import { Button, Drawer, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { deleteStaff, saveStaff, useDepartments, useStaffRecord } from './api.ts';
import { StaffForm, type StaffFormValues } from './StaffForm.tsx';

/** Create (`staffId` = 'new') or view/edit one staff record; full screen on a phone. */
export function StaffDrawer({ staffId, onClose }: { staffId: string | null; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const workspace = useWorkspace();
  const client = useQueryClient();
  const creating = staffId === 'new';
  const record = useStaffRecord(creating ? null : staffId);
  const unitId = record.data?.unitId ?? workspace.unitId;
  const departments = useDepartments(unitId, staffId !== null);
  const canWrite = workspace.can('staff.write');

  const save = useMutation({
    mutationFn: (values: StaffFormValues) => saveStaff(workspace.unitId, creating ? null : staffId, values),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['staff'] });
      void client.invalidateQueries({ queryKey: ['staffing'] });
      if (saved.warnings.length > 0) {
        notifications.show({
          color: 'yellow',
          title: t('savedWithWarnings'),
          message: saved.warnings.map((w) => w.message).join(' '),
          autoClose: false,
        });
      } else {
        notifySaved(creating ? t('created') : t('common:saved'));
      }
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteStaff(staffId ?? ''),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['staff'] });
      notifySaved(t('deleted'));
      onClose();
    },
    onError: notifyError,
  });
  const [confirming, confirm] = useDisclosure(false);

  const ready = creating || record.data;
  return (
    <Drawer
      opened={staffId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={creating ? t('createTitle') : (record.data?.fullName ?? t('editTitle'))}
      styles={{ content: { maxWidth: '100vw' } }}
    >
      {!ready && <Loading />}
      {ready && (
        <>
          {!creating && !canWrite && (
            <Text size="sm" c="dimmed" mb="sm">
              {t('readOnly')} {record.data?.personalDataVisible ? '' : t('restricted')}
            </Text>
          )}
          <StaffForm
            key={record.data?.id ?? 'new'}
            staff={record.data}
            departments={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            readOnly={!canWrite}
            saving={save.isPending}
            error={save.error}
            onSubmit={(values, setErrors) =>
              save.mutate(values, {
                onError: (error) => {
                  if (error instanceof ApiError) setErrors(error.fields);
                },
              })
            }
          />
          {!creating && canWrite && record.data && (
            <Group mt="xl">
              <Button variant="subtle" color="red" size="xs" onClick={confirm.open}>
                {t('common:delete')}
              </Button>
              <ConfirmModal
                opened={confirming}
                title={t('common:delete')}
                confirmLabel={t('common:delete')}
                loading={remove.isPending}
                onConfirm={() => remove.mutate(undefined, { onSettled: confirm.close })}
                onClose={confirm.close}
              >
                {t('deleteConfirm', { name: record.data.fullName })}
              </ConfirmModal>
            </Group>
          )}
        </>
      )}
    </Drawer>
  );
}
