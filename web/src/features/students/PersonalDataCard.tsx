import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasurePreview } from '#contracts/students.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { downloadPersonalData, type StudentDetail, useEraseStudent, useErasurePreview } from './api.ts';
import type { StudentModalProps } from './StatusModal.tsx';
import { Section } from './StudentSections.tsx';

/**
 * The rights over a student's personal data (Law 91/2025/QH15): the principal exports and erases; the student and
 * their guardians export their own (the server offers `personal_data.export_own` on their record).
 */
export function PersonalDataCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  const [opened, modal] = useDisclosure();
  const [downloading, setDownloading] = useState<'json' | 'pdf' | null>(null);
  const canErase = student.permissions.includes('students.personal_data') && !student.erased;
  const download = async (format: 'json' | 'pdf') => {
    setDownloading(format);
    try {
      await downloadPersonalData(student.id, format);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  };
  return (
    <Section title={t('sectionPersonalData')} testId="personal-data">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('personalDataHint')}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            loading={downloading === 'pdf'}
            onClick={() => download('pdf')}
          >
            {t('exportDataPdf')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={downloading === 'json'}
            onClick={() => download('json')}
          >
            {t('exportData')}
          </Button>
          {canErase && (
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={modal.open}>
              {t('eraseData')}
            </Button>
          )}
        </Group>
      </Stack>
      {canErase && <EraseModal student={student} opened={opened} onClose={modal.close} />}
    </Section>
  );
}

function EraseModal({ student, opened, onClose }: StudentModalProps) {
  const { t } = useTranslation('students');
  const preview = useErasurePreview(student.id, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={t('eraseTitle')} size="lg">
      {preview.isPending && <Loader size="sm" />}
      {preview.error && <ErrorAlert error={preview.error} />}
      {preview.data && <EraseForm student={student} preview={preview.data} onDone={onClose} />}
    </Modal>
  );
}

function EraseForm(props: { student: StudentDetail; preview: ErasurePreview; onDone: () => void }) {
  const { student, preview, onDone } = props;
  const { t } = useTranslation('students');
  const [reason, setReason] = useState('');
  const [withdrawnOn, setWithdrawnOn] = useState<string | null>(new Date().toLocaleDateString('en-CA'));
  const erase = useEraseStudent(student.id);
  const fields = erase.error instanceof ApiError ? erase.error.fields : {};
  const submit = () =>
    erase.mutate(
      {
        reason: reason.trim() || undefined,
        withdrawnOn: preview.withdrawsFirst ? (withdrawnOn ?? undefined) : undefined,
      },
      {
        onSuccess: () => {
          notifySaved(t('erased'));
          onDone();
        },
      },
    );
  return (
    <Stack>
      <Text fw={500}>{student.fullName}</Text>
      {preview.withdrawsFirst && <Alert color="orange">{t('eraseWithdraws')}</Alert>}
      <KindList title={t('eraseWillErase')} kinds={preview.erased} testId="erase-list" />
      <KindList title={t('eraseWillKeep')} kinds={preview.restricted} testId="keep-list" withBasis />
      {preview.withdrawsFirst && (
        <DateInput
          label={t('withdrawnOn')}
          valueFormat="DD/MM/YYYY"
          value={withdrawnOn}
          onChange={setWithdrawnOn}
          maxDate={new Date()}
          error={fields.withdrawnOn}
          required
        />
      )}
      <Textarea
        label={t('eraseReason')}
        description={t('eraseReasonHint')}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={fields.reason}
        required={preview.withdrawsFirst}
        data-testid="erase-reason"
      />
      {erase.error && !fields.reason && !fields.withdrawnOn && <ErrorAlert error={erase.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common:cancel')}
        </Button>
        <Button color="red" loading={erase.isPending} onClick={submit}>
          {t('eraseConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function KindList(props: {
  title: string;
  kinds: ErasurePreview['erased'];
  testId: string;
  withBasis?: boolean;
}) {
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Title order={5}>{props.title}</Title>
      <List size="sm" spacing={4}>
        {props.kinds.map((k) => (
          <List.Item key={k.key}>
            {k.label}
            {props.withBasis && (
              <Text size="xs" c="dimmed">
                {k.basis}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
