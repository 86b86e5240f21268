import { Alert, Button, Checkbox, Divider, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type StudentResult, useRecordPrincipalDecision, useSetIndividualPlan } from './api.ts';

/**
 * TT22 Điều 11, Điều 12 khoản 4: the school's flag "đánh giá theo kế hoạch giáo dục cá nhân" for one student, and
 * — once the year close lists the student as "Hiệu trưởng quyết định" — the principal's decision with its reason.
 */
export function IndividualPlanModal({
  student,
  schoolYear,
  onClose,
}: {
  student: StudentResult;
  schoolYear: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('results');
  const setPlan = useSetIndividualPlan();
  const decide = useRecordPrincipalDecision();
  const [enabled, setEnabled] = useState(student.individualPlan);
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState<string | null>(student.finalPromotion);
  const [reason, setReason] = useState(student.principalDecisionReason ?? '');
  const fields = decide.error instanceof ApiError ? decide.error.fields : {};
  const done = () => {
    notifySaved(t('ip.saved'));
    onClose();
  };
  const saveFlag = () =>
    setPlan.mutate(
      { studentId: student.studentId, schoolYear, enabled, note: note.trim() || undefined },
      { onSuccess: done, onError: notifyError },
    );
  const saveDecision = () =>
    decide.mutate(
      {
        studentId: student.studentId,
        schoolYear,
        decision: (decision ?? 'promoted') as 'promoted' | 'retained',
        reason,
      },
      {
        onSuccess: done,
        onError: (e) => {
          if (!(e instanceof ApiError && e.status === 400)) notifyError(e);
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('ip.title', { name: student.fullName })} centered size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('ip.hint')}
        </Text>
        <Checkbox
          label={t('ip.enabled')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          data-testid="individual-plan-flag"
        />
        {enabled && (
          <Textarea
            label={t('ip.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
          />
        )}
        <Group justify="flex-end">
          <Button variant="light" onClick={saveFlag} loading={setPlan.isPending}>
            {t('ip.saveFlag')}
          </Button>
        </Group>
        {student.promotion === 'principal_decision' && (
          <>
            <Divider />
            {decide.error && <Alert color="red">{decide.error.message}</Alert>}
            <Select
              label={t('ip.decision')}
              data={[
                { value: 'promoted', label: t('final.promoted') },
                { value: 'retained', label: t('final.retained') },
              ]}
              value={decision}
              onChange={setDecision}
              error={fields.decision}
            />
            <Textarea
              label={t('ip.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fields.reason}
              autosize
              minRows={2}
              data-testid="principal-reason"
            />
            <Group justify="flex-end">
              <Button onClick={saveDecision} loading={decide.isPending} disabled={!decision}>
                {t('ip.saveDecision')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
