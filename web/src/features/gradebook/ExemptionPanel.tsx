import { Alert, Button, Checkbox, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExemptionInput } from '#contracts/exemptions.ts';
import {
  EXEMPTION_GROUNDS,
  EXEMPTION_PERIODS,
  PRACTICAL_EXEMPTION_SUBJECTS,
} from '#domain/grading/exemptions.ts';
import { ApiError } from '../../api/client.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type Grid, useRecordExemption, useStudentExemptions, useWithdrawExemption } from './api.ts';

/**
 * TT22 Điều 10 on the score grid of GDTC / GDQP-AN: which students are exempted from the practical part this term
 * (every assessment still applies, on theory — khoản 4), and for the school's leaders the principal's decision.
 */
export function ExemptionPanel({ grid }: { grid: Grid }) {
  const { t } = useTranslation('gradebook');
  const [open, setOpen] = useState(false);
  const exempted = grid.rows.filter((r) => r.exemption);
  const concerned = (PRACTICAL_EXEMPTION_SUBJECTS as readonly string[]).includes(grid.subject.code);
  if (!concerned && exempted.length === 0) return null;
  return (
    <>
      {exempted.length > 0 && (
        <Alert color="grape" title={t('exemptionsTitle')} data-testid="grid-exemptions">
          <List size="sm">
            {exempted.map((r) => (
              <List.Item key={r.studentId}>
                <b>{r.fullName}</b>: {r.exemption}
              </List.Item>
            ))}
          </List>
          <Text size="xs" mt="xs">
            {t('exemptionsHint')}
          </Text>
        </Alert>
      )}
      {concerned && grid.canManage && (
        <Group>
          <Button variant="light" color="grape" size="xs" onClick={() => setOpen(true)}>
            {t('exemptionRecord')}
          </Button>
        </Group>
      )}
      {open && <ExemptionModal grid={grid} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExemptionModal({ grid, onClose }: { grid: Grid; onClose: () => void }) {
  const { t } = useTranslation('gradebook');
  const record = useRecordExemption();
  const withdraw = useWithdrawExemption();
  const [studentId, setStudentId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string>(grid.term === 2 ? 'term2' : 'term1');
  const [ground, setGround] = useState<string | null>(null);
  const [evidence, setEvidence] = useState(false);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const existing = useStudentExemptions(studentId, grid.class.schoolYear);
  const fields = record.error instanceof ApiError ? record.error.fields : {};
  const submit = () => {
    if (!studentId) return;
    const input: ExemptionInput & { studentId: string } = {
      studentId,
      schoolYear: grid.class.schoolYear,
      subjectCode: grid.subject.code as ExemptionInput['subjectCode'],
      period: period as ExemptionInput['period'],
      ground: (ground ?? '') as ExemptionInput['ground'],
      medicalEvidence: evidence,
      decisionNumber: number,
      decisionDate: date,
    };
    record.mutate(input, {
      onSuccess: () => {
        notifySaved(t('exemptionSaved'));
        onClose();
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 400)) notifyError(e);
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('exemptionModalTitle', { subject: grid.subject.name })} centered>
      <Stack>
        {record.error && <Alert color="red">{record.error.message}</Alert>}
        <Select
          label={t('exemptionStudent')}
          searchable
          data={grid.rows.map((r) => ({ value: r.studentId, label: r.fullName }))}
          value={studentId}
          onChange={setStudentId}
          error={fields.studentId}
        />
        {existing.data?.exemptions
          .filter((e) => e.subjectCode === grid.subject.code)
          .map((e) => (
            <Group key={e.id} justify="space-between">
              <Text size="sm">
                {t(`exemptionPeriod.${e.period}`)} — {e.decisionNumber}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={withdraw.isPending}
                onClick={() =>
                  studentId &&
                  withdraw.mutate(
                    { studentId, id: e.id },
                    { onSuccess: () => notifySaved(t('exemptionWithdrawn')), onError: notifyError },
                  )
                }
              >
                {t('exemptionWithdraw')}
              </Button>
            </Group>
          ))}
        <Select
          label={t('exemptionPeriod')}
          data={EXEMPTION_PERIODS.map((p) => ({ value: p, label: t(`exemptionPeriod.${p}`) }))}
          value={period}
          onChange={(v) => setPeriod(v ?? 'term1')}
          error={fields.period}
        />
        <Select
          label={t('exemptionGround')}
          data={EXEMPTION_GROUNDS.map((g) => ({ value: g, label: t(`exemptionGround.${g}`) }))}
          value={ground}
          onChange={setGround}
          error={fields.ground}
        />
        <Checkbox
          label={t('exemptionEvidence')}
          checked={evidence}
          onChange={(e) => setEvidence(e.currentTarget.checked)}
          error={fields.medicalEvidence}
        />
        <TextInput
          label={t('exemptionNumber')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={fields.decisionNumber}
        />
        <TextInput
          label={t('exemptionDate')}
          placeholder="2025-09-20"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fields.decisionDate}
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={record.isPending} disabled={!studentId}>
            {t('exemptionSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
