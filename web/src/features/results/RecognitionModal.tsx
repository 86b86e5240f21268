import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type StudentResult, useRecordRecognition } from './api.ts';

/** The principal records (or withdraws) "Học sinh Tiêu biểu" for a pupil who completed well (TT27 Điều 13). */
export function RecognitionModal({
  student,
  schoolYear,
  onClose,
}: {
  student: StudentResult;
  schoolYear: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('results');
  const [text, setText] = useState(student.primaryRecognition ?? '');
  const record = useRecordRecognition();
  const submit = (recognition: string | null) =>
    record.mutate(
      { studentId: student.studentId, schoolYear, recognition },
      {
        onSuccess: () => {
          notifySaved(t(recognition ? 'pg.recognised' : 'pg.withdrawn', { name: student.fullName }));
          onClose();
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('pg.recogniseTitle', { name: student.fullName })} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('pg.recognitionHint')}
        </Text>
        <Textarea
          label={t('pg.recognition')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="recognition-text"
        />
        <Group justify="flex-end">
          {student.primaryRecognition && (
            <Button variant="default" color="red" loading={record.isPending} onClick={() => submit(null)}>
              {t('pg.withdraw')}
            </Button>
          )}
          <Button
            disabled={text.trim() === ''}
            loading={record.isPending}
            onClick={() => submit(text.trim())}
            data-testid="recognition-save"
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
