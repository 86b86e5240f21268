import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type PrimaryCell, savePrimaryEvaluations, usePrimaryGrid } from './api.ts';

const SUBJECT = ['completed_well', 'completed', 'not_completed'];
const TRAIT = ['good', 'pass', 'needs_effort'];

/** The homeroom teacher's grid of TT27 periodic evaluations: one row per student, one column per aspect. */
export function PrimaryGrid({ classId }: { classId: string }) {
  const { t } = useTranslation('results');
  const [checkpoint, setCheckpoint] = useState('end2');
  const client = useQueryClient();
  const grid = usePrimaryGrid(classId, checkpoint);
  const [edits, setEdits] = useState<Record<string, PrimaryCell & { studentId: string; aspect: string }>>({});
  const save = useMutation({
    mutationFn: () =>
      savePrimaryEvaluations(classId, {
        checkpoint,
        rows: Object.values(edits).map((e) => ({
          studentId: e.studentId,
          aspect: e.aspect,
          level: e.level,
          testScore: e.testScore,
        })),
      }),
    onSuccess: () => {
      setEdits({});
      notifySaved(t('saved'));
      void client.invalidateQueries({ queryKey: ['results'] });
    },
    onError: notifyError,
  });
  const data = grid.data;
  const cellOf = (studentId: string, aspect: string): PrimaryCell | undefined =>
    edits[`${studentId}|${aspect}`] ?? data?.students.find((s) => s.studentId === studentId)?.values[aspect];
  const editCell = (studentId: string, aspect: string, patch: Partial<PrimaryCell>) => {
    const current = cellOf(studentId, aspect) ?? { level: '', testScore: null, comment: null };
    setEdits({ ...edits, [`${studentId}|${aspect}`]: { ...current, ...patch, studentId, aspect } });
  };
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={checkpoint}
          onChange={(v) => {
            setEdits({});
            setCheckpoint(v);
          }}
          data={['mid1', 'end1', 'mid2', 'end2'].map((c) => ({ value: c, label: t(`checkpoint.${c}`) }))}
        />
        {data?.canEdit && (
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={Object.keys(edits).length === 0}
            data-testid="primary-save"
          >
            {t('save')} ({Object.keys(edits).length})
          </Button>
        )}
      </Group>
      {grid.error && <ErrorAlert error={grid.error} onRetry={() => grid.refetch()} />}
      {grid.isPending && <Loading />}
      {data && (
        <Table.ScrollContainer minWidth={800}>
          <Table withColumnBorders stickyHeader data-testid="primary-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fullName')}</Table.Th>
                {data.aspects.map((a) => (
                  <Table.Th key={a.aspect} style={{ minWidth: a.test ? 130 : 90 }}>
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
                    return (
                      <Table.Td key={a.aspect}>
                        <Group gap={2} wrap="nowrap">
                          <NativeSelect
                            size="xs"
                            disabled={!data.canEdit}
                            value={v?.level ?? ''}
                            onChange={(e) =>
                              editCell(s.studentId, a.aspect, { level: e.currentTarget.value })
                            }
                            data={[
                              { value: '', label: '—' },
                              ...levels.map((l) => ({ value: l, label: t(`letter.${l}`) })),
                            ]}
                            aria-label={`${s.fullName} — ${a.label}`}
                          />
                          {a.test && (
                            <NumberInput
                              size="xs"
                              w={52}
                              min={0}
                              max={10}
                              allowDecimal={false}
                              hideControls
                              disabled={!data.canEdit}
                              value={v?.testScore ?? ''}
                              onChange={(n) =>
                                editCell(s.studentId, a.aspect, { testScore: n === '' ? null : Number(n) })
                              }
                              aria-label={`${s.fullName} — ${a.label} — điểm`}
                            />
                          )}
                        </Group>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
