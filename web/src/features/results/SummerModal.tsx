import { Button, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retestDue } from '#domain/grading/index.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type ClassResults, type Level4, type StudentResult, useRecordSummer } from './api.ts';

/** Re-test scores (TT22 Điều 14) or the re-assessed conduct (Điều 13) of one student; the server recomputes. */
export function SummerModal({
  data,
  student,
  onClose,
}: {
  data: ClassResults;
  student: StudentResult;
  onClose: () => void;
}) {
  const { t } = useTranslation('results');
  const save = useRecordSummer();
  // The subjects due for re-test: ĐTBmcn below 5,0 or a comment subject at Chưa đạt.
  const due = data.subjects.filter((s) => {
    const v = student.subjects[s.code];
    return v && (v.average !== null ? v.average < 5 : v.result === 'fail');
  });
  const [scores, setScores] = useState<Record<string, number | string>>({});
  const [results, setResults] = useState<Record<string, string | null>>({});
  const [conduct, setConduct] = useState<string | null>(student.summerConductResult);
  // The re-test opens for a student sent to it, and — conduct and learning both Chưa đạt — once the summer training
  // has raised conduct to Đạt (TT22 Điều 13, 14; src/domain/grading/summer.ts). The server checks the same rule.
  const retestOpen =
    student.learningResult !== null &&
    student.conductResult !== null &&
    retestDue(
      {
        learning: student.learningResult,
        conduct: student.conductResult,
        absentSessions: student.absentSessions ?? 0,
      },
      conduct as Level4 | null,
    );
  const levels = (['excellent', 'good', 'pass', 'fail'] as const).map((l) => ({
    value: l,
    label: t(`level.${l}`),
  }));
  const submit = () => {
    type Retest = { subjectCode: string; score?: number; result?: 'pass' | 'fail' };
    const retests = due.flatMap((s): Retest[] => {
      if (s.kind === 'score') {
        const v = scores[s.code];
        return v === undefined || v === '' ? [] : [{ subjectCode: s.code, score: Number(v) }];
      }
      const r = results[s.code];
      return r ? [{ subjectCode: s.code, result: r as 'pass' | 'fail' }] : [];
    });
    save.mutate(
      {
        studentId: student.studentId,
        schoolYear: data.class.schoolYear,
        retests: retestOpen ? retests : undefined,
        summerConduct: student.promotion === 'summer_conduct' && conduct ? (conduct as Level4) : undefined,
      },
      {
        onSuccess: () => {
          notifySaved(t('saved'));
          onClose();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('summerTitle', { name: student.fullName })} centered>
      <Stack>
        {retestOpen &&
          due.map((s) =>
            s.kind === 'score' ? (
              <NumberInput
                key={s.code}
                label={t('retestScore', { subject: s.name })}
                min={0}
                max={10}
                step={0.1}
                decimalScale={1}
                decimalSeparator=","
                value={scores[s.code] ?? student.subjects[s.code]?.retestScore ?? ''}
                onChange={(v) => setScores({ ...scores, [s.code]: v })}
              />
            ) : (
              <Select
                key={s.code}
                label={t('retestResult', { subject: s.name })}
                data={[
                  { value: 'pass', label: t('level.pass') },
                  { value: 'fail', label: t('level.fail') },
                ]}
                value={results[s.code] ?? student.subjects[s.code]?.retestResult ?? null}
                onChange={(v) => setResults({ ...results, [s.code]: v })}
              />
            ),
          )}
        {student.promotion === 'summer_conduct' && (
          <Select label={t('summerConduct')} data={levels} value={conduct} onChange={setConduct} />
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
