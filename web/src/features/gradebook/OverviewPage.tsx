import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatAverage } from '#domain/grading/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type ClassOverview, useClassOverview } from './api.ts';

type Cell = ClassOverview['rows'][number]['cells'][string];
type Subject = ClassOverview['subjects'][number];

/**
 * Tổng hợp điểm: the homeroom teacher's (and leaders') table of a class for one term — students × subjects with
 * ĐTBmhk (scored) or Đ/CĐ (comment subjects), cells still missing assessments marked. Read only.
 */
export default function OverviewPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation('gradebook');
  const [term, setTerm] = useState<1 | 2>(1);
  const overview = useClassOverview(classId, term);
  const data = overview.data;
  return (
    <Stack>
      <PageHeader
        title={t('overviewTitle', { className: data?.class.name ?? '' })}
        subtitle={data && t('overviewSubtitle', { year: data.class.schoolYear })}
      />
      <SegmentedControl
        w="fit-content"
        value={String(term)}
        onChange={(value) => setTerm(value === '2' ? 2 : 1)}
        data={[
          { value: '1', label: t('term1') },
          { value: '2', label: t('term2') },
        ]}
        data-testid="overview-term"
      />
      {overview.error && <ErrorAlert error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.isPending && <Loading />}
      {data && data.rows.length === 0 && <Text c="dimmed">{t('noStudents')}</Text>}
      {data && data.rows.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('overviewLegend')}
          </Text>
          <Table.ScrollContainer minWidth={220 + 76 * data.subjects.length}>
            <Table withColumnBorders striped stickyHeader data-testid="overview-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44} visibleFrom="sm">
                    {t('index')}
                  </Table.Th>
                  <Table.Th style={STICKY}>{t('fullName')}</Table.Th>
                  {data.subjects.map((s) => (
                    <SubjectHeader
                      key={s.code}
                      subject={s}
                      classId={data.class.id}
                      total={data.rows.length}
                    />
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r, i) => (
                  <Table.Tr key={r.studentId}>
                    <Table.Td visibleFrom="sm">{i + 1}</Table.Td>
                    <Table.Td style={STICKY} fw={500}>
                      {r.fullName}
                    </Table.Td>
                    {data.subjects.map((s) => (
                      <ScoreCell key={s.code} cell={r.cells[s.code]} subject={s} />
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/** The name column stays in view while a phone scrolls across the subjects. */
const STICKY = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  zIndex: 1,
  minWidth: 170,
} as const;

function SubjectHeader({ subject, classId, total }: { subject: Subject; classId: string; total: number }) {
  const { t } = useTranslation('gradebook');
  return (
    <Table.Th title={[subject.name, subject.teacherName].filter(Boolean).join(' — ')} ta="center">
      <Anchor component={Link} to={`/gradebook/classes/${classId}/subjects/${subject.code}`} size="sm">
        {subject.shortName}
      </Anchor>
      <Text size="xs" c="dimmed" fw={400}>
        {t('completeOf', { complete: subject.complete, total })}
      </Text>
    </Table.Th>
  );
}

function ScoreCell({ cell, subject }: { cell: Cell | undefined; subject: Subject }) {
  const { t } = useTranslation('gradebook');
  const nothing = !cell || cell.missing === subject.regularCount + 2;
  if (nothing) {
    return (
      <Table.Td ta="center" c="dimmed">
        —
      </Table.Td>
    );
  }
  if (cell.missing > 0) {
    return (
      <Table.Td ta="center" bg="var(--mantine-color-yellow-light)" data-missing={cell.missing}>
        <Badge size="xs" color="yellow" variant="light">
          {t('missingCount', { count: cell.missing })}
        </Badge>
      </Table.Td>
    );
  }
  const text =
    subject.kind === 'score'
      ? cell.average === null
        ? '—'
        : formatAverage(cell.average)
      : cell.result === 'pass'
        ? t('passShort')
        : t('failShort');
  return (
    <Table.Td ta="center" c={cell.result === 'fail' || (cell.average ?? 10) < 5 ? 'red' : undefined}>
      {text}
    </Table.Td>
  );
}
