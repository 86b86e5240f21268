import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Checkpoint,
  PRIMARY_CHECKPOINTS,
  type PrimaryGridInput,
  parsePrimaryTestScore,
} from '#contracts/results.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type PrimaryGrid as Grid, savePrimaryEvaluations, usePrimaryGrid } from './api.ts';

const SUBJECT = ['completed_well', 'completed', 'not_completed'];
const TRAIT = ['good', 'pass', 'needs_effort'];

/** A cell as the teacher is editing it: the score kept as typed, so "7,5" is shown and refused, never cut. */
interface Edit {
  studentId: string;
  aspect: string;
  level: string;
  scoreText: string;
  comment: string;
}

/** Why an edited cell cannot be saved, or null. */
function problemOf(edit: Edit, needLevel: string): string | null {
  const score = parsePrimaryTestScore(edit.scoreText);
  if (!score.ok) return score.reason;
  if (edit.level === '' && (score.score !== null || edit.comment.trim() !== '')) return needLevel;
  return null;
}

/**
 * The TT27 periodic evaluation of a class at one checkpoint: one row per pupil, one column per subject, quality
 * and competence — the level, the periodic test score where one is due, and a comment. The homeroom teacher edits
 * every column, a subject teacher their subjects (`editable`). Switching checkpoint with unsaved edits asks first.
 */
export function PrimaryGrid({ classId }: { classId: string }) {
  const { t } = useTranslation('results');
  const [checkpoint, setCheckpoint] = useState<Checkpoint>('end2');
  const [switchTo, setSwitchTo] = useState<Checkpoint | null>(null);
  const [showComments, setShowComments] = useState(false);
  const client = useQueryClient();
  const grid = usePrimaryGrid(classId, checkpoint);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const data = grid.data;
  const pending = Object.values(edits);
  const problems = pending.filter((e) => problemOf(e, t('pg.needLevel')) !== null);
  const save = useMutation({
    mutationFn: () =>
      savePrimaryEvaluations(classId, {
        checkpoint,
        // A cell cleared to no level is not sent: there is nothing to store for it.
        rows: pending
          .filter((e) => e.level !== '')
          .map((e) => {
            const score = parsePrimaryTestScore(e.scoreText);
            return {
              studentId: e.studentId,
              aspect: e.aspect,
              level: e.level as PrimaryGridInput['rows'][number]['level'],
              testScore: score.ok ? score.score : null,
              comment: e.comment.trim() === '' ? null : e.comment,
            };
          }),
      }),
    onSuccess: (saved) => {
      setEdits({});
      notifySaved(
        t('pg.saved', {
          checkpoint: t(`checkpoint.${checkpoint}`),
          cells: saved.saved,
          students: saved.students,
          scores: saved.testScores,
          comments: saved.comments,
        }),
      );
      void client.invalidateQueries({ queryKey: ['results'] });
    },
    onError: notifyError,
  });
  const editable = new Set(data?.editable ?? []);
  const stored = (studentId: string, aspect: string) =>
    data?.students.find((s) => s.studentId === studentId)?.values[aspect];
  const cellOf = (studentId: string, aspect: string): Edit => {
    const edit = edits[`${studentId}|${aspect}`];
    if (edit) return edit;
    const v = stored(studentId, aspect);
    return {
      studentId,
      aspect,
      level: v?.level ?? '',
      scoreText: v?.testScore == null ? '' : String(v.testScore),
      comment: v?.comment ?? '',
    };
  };
  const editCell = (studentId: string, aspect: string, patch: Partial<Edit>) =>
    setEdits((current) => ({
      ...current,
      [`${studentId}|${aspect}`]: { ...cellOf(studentId, aspect), ...patch },
    }));
  const choose = (next: Checkpoint) => {
    if (pending.length > 0) setSwitchTo(next);
    else setCheckpoint(next);
  };
  const subjectsMine = data?.aspects.filter((a) => a.kind === 'subject' && editable.has(a.aspect)) ?? [];
  const role = !data?.canEdit
    ? t('pg.readOnly')
    : editable.size === data.aspects.length
      ? t('pg.roleAll')
      : t('pg.roleSubjects', { subjects: subjectsMine.map((a) => a.label).join(', ') });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={checkpoint}
          onChange={(v) => choose(v as Checkpoint)}
          data={PRIMARY_CHECKPOINTS.map((c) => ({ value: c, label: t(`checkpoint.${c}`) }))}
          data-testid="primary-checkpoint"
        />
        <Group gap="sm">
          <Switch
            label={t('pg.comments')}
            checked={showComments}
            onChange={(e) => setShowComments(e.currentTarget.checked)}
            data-testid="primary-comments"
          />
          {data?.canEdit && (
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={pending.length === 0 || problems.length > 0}
              data-testid="primary-save"
            >
              {t('pg.save')} ({pending.length})
            </Button>
          )}
        </Group>
      </Group>
      {data && (
        <Text size="sm" c="dimmed">
          {role} {t('pg.legend')}
        </Text>
      )}
      {problems.length > 0 && (
        <Alert color="red" data-testid="primary-invalid">
          {t('pg.invalid', { count: problems.length })}
        </Alert>
      )}
      {grid.error && <ErrorAlert error={grid.error} onRetry={() => grid.refetch()} />}
      {grid.isPending && <Loading />}
      {data && <GridTable data={data} cellOf={cellOf} editCell={editCell} showComments={showComments} />}
      <ConfirmModal
        opened={switchTo !== null}
        title={t('pg.unsavedTitle')}
        confirmLabel={t('pg.discard')}
        onClose={() => setSwitchTo(null)}
        onConfirm={() => {
          setEdits({});
          if (switchTo) setCheckpoint(switchTo);
          setSwitchTo(null);
        }}
      >
        {t('pg.unsavedBody', {
          count: pending.length,
          checkpoint: t(`checkpoint.${checkpoint}`),
          next: switchTo ? t(`checkpoint.${switchTo}`) : '',
        })}
      </ConfirmModal>
    </Stack>
  );
}

function GridTable({
  data,
  cellOf,
  editCell,
  showComments,
}: {
  data: Grid;
  cellOf: (studentId: string, aspect: string) => Edit;
  editCell: (studentId: string, aspect: string, patch: Partial<Edit>) => void;
  showComments: boolean;
}) {
  const { t } = useTranslation('results');
  const editable = new Set(data.editable);
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table withColumnBorders stickyHeader data-testid="primary-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fullName')}</Table.Th>
            {data.aspects.map((a) => (
              <Table.Th key={a.aspect} style={{ minWidth: showComments ? 180 : a.test ? 130 : 90 }}>
                <Text size="xs">{a.label}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.students.map((s) => (
            <Table.Tr key={s.studentId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.fullName}</Table.Td>
              {data.aspects.map((a) => {
                const v = cellOf(s.studentId, a.aspect);
                const levels = a.kind === 'subject' ? SUBJECT : TRAIT;
                const disabled = !editable.has(a.aspect);
                const problem = problemOf(v, t('pg.needLevel'));
                const name = `${s.fullName} — ${a.label}`;
                return (
                  <Table.Td key={a.aspect} style={{ verticalAlign: 'top' }}>
                    <Stack gap={2}>
                      <Group gap={2} wrap="nowrap">
                        <NativeSelect
                          size="xs"
                          disabled={disabled}
                          value={v.level}
                          onChange={(e) => editCell(s.studentId, a.aspect, { level: e.currentTarget.value })}
                          data={[
                            { value: '', label: '—' },
                            ...levels.map((l) => ({ value: l, label: t(`letter.${l}`) })),
                          ]}
                          aria-label={name}
                        />
                        {a.test && (
                          <TextInput
                            size="xs"
                            w={44}
                            inputMode="numeric"
                            disabled={disabled}
                            value={v.scoreText}
                            error={problem !== null}
                            title={problem ?? undefined}
                            onChange={(e) =>
                              editCell(s.studentId, a.aspect, { scoreText: e.currentTarget.value })
                            }
                            aria-label={`${name} — ${t('pg.score')}`}
                            aria-invalid={problem !== null}
                          />
                        )}
                      </Group>
                      {problem && (
                        <Text size="xs" c="red" role="alert">
                          {problem}
                        </Text>
                      )}
                      {showComments && (
                        <Textarea
                          size="xs"
                          autosize
                          minRows={1}
                          maxRows={4}
                          maxLength={500}
                          disabled={disabled}
                          value={v.comment}
                          onChange={(e) =>
                            editCell(s.studentId, a.aspect, { comment: e.currentTarget.value })
                          }
                          aria-label={`${name} — ${t('pg.comment')}`}
                        />
                      )}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
