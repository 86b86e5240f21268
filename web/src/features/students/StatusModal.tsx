import { Button, Modal, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { type StudentDetail, useChangeStatus } from './api.ts';
import { statusOptions } from './labels.tsx';

/** Records a status change effective on a date (transfer, dropout, graduation, return). */
/** A dialog acting on one student's record. */
export interface StudentModalProps {
  student: StudentDetail;
  opened: boolean;
  onClose(): void;
}

export function StatusModal({ student, opened, onClose }: StudentModalProps) {
  const { t } = useTranslation('students');
  const change = useChangeStatus(student.id);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { status: '', effectiveOn: new Date().toLocaleDateString('en-CA'), reason: '' },
  });
  const submit = (values: { status: string; effectiveOn: string; reason: string }) =>
    change.mutate(
      { ...values, reason: values.reason.trim() || undefined },
      {
        onSuccess: () => {
          notifySaved(t('statusChanged'));
          form.reset();
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError) form.setErrors(error.fields);
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('changeStatus')}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <Select
            label={t('newStatus')}
            data={statusOptions(t).filter((o) => o.value !== student.status)}
            required
            {...form.getInputProps('status')}
            key={form.key('status')}
            data-testid="new-status"
          />
          <DateInput
            label={t('effectiveOn')}
            valueFormat="DD/MM/YYYY"
            required
            {...form.getInputProps('effectiveOn')}
            key={form.key('effectiveOn')}
          />
          <Textarea
            label={t('reason')}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
            key={form.key('reason')}
          />
          {change.error && <ErrorAlert error={change.error} />}
          <Button type="submit" loading={change.isPending}>
            {t('common:save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
