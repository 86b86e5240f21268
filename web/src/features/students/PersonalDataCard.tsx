import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { downloadPersonalData, type StudentDetail, useEraseStudent } from './api.ts';
import type { StudentModalProps } from './StatusModal.tsx';
import { Section } from './StudentSections.tsx';

/** For principals: export the student's data and erase it on request (Law 91/2025/QH15). */
export function PersonalDataCard({ student }: { student: StudentDetail }) {
  const { t } = useTranslation('students');
  const [opened, modal] = useDisclosure();
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadPersonalData(student.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
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
            loading={downloading}
            onClick={download}
          >
            {t('exportData')}
          </Button>
          {!student.erased && (
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={modal.open}>
              {t('eraseData')}
            </Button>
          )}
        </Group>
      </Stack>
      <EraseModal student={student} opened={opened} onClose={modal.close} />
    </Section>
  );
}

function EraseModal({ student, opened, onClose }: StudentModalProps) {
  const { t } = useTranslation('students');
  const [reason, setReason] = useState('');
  const erase = useEraseStudent(student.id);
  const fieldError = erase.error instanceof ApiError ? erase.error.fields.reason : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('eraseTitle')}>
      <Stack>
        <Alert color="red">{t('eraseWarning')}</Alert>
        <Text fw={500}>{student.fullName}</Text>
        <Textarea
          label={t('eraseReason')}
          description={t('eraseReasonHint')}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError}
        />
        {erase.error && !fieldError && <ErrorAlert error={erase.error} />}
        <Button
          color="red"
          loading={erase.isPending}
          onClick={() =>
            erase.mutate(
              { reason: reason.trim() || undefined },
              {
                onSuccess: () => {
                  notifySaved(t('erased'));
                  onClose();
                },
              },
            )
          }
        >
          {t('eraseConfirm')}
        </Button>
      </Stack>
    </Modal>
  );
}
