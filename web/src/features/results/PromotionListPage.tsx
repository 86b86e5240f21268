import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROMOTION_ACTIONS, PROMOTION_COUNT_KEYS } from '#contracts/results.ts';
import { formatAverage, PASS_FAIL_SHORT_VI } from '#domain/grading/index.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import {
  downloadPromotionList,
  type PromotionList,
  type PromotionListQuery,
  usePromotionList,
} from './api.ts';

type Student = PromotionList['students'][number];
type Counts = PromotionList['total'];

const OUTCOME_COLOR = {
  retest: 'yellow',
  summer_conduct: 'orange',
  retained: 'red',
  principal_decision: 'grape',
} as const;

/**
 * Danh sách lên lớp toàn trường, for the principal after the year close (and the office above): counts per grade,
 * the students who re-test, train in the summer or are retained, with filters and the .xlsx the school files.
 */
export default function PromotionListPage() {
  return (
    <RequirePermission permission="gradebook.read">
      <PromotionListView />
    </RequirePermission>
  );
}

function PromotionListView() {
  const { t } = useTranslation('results');
  const { unitId, schoolYear } = useWorkspace();
  const [filters, setFilters] = useState<Omit<PromotionListQuery, 'unitId' | 'schoolYear'>>({});
  const query = schoolYear ? { unitId, schoolYear, ...filters } : null;
  const list = usePromotionList(query);
  const [downloading, setDownloading] = useState(false);
  if (!query) return <Text c="dimmed">{t('noYear')}</Text>;
  const download = () => {
    setDownloading(true);
    downloadPromotionList(query)
      .catch(notifyError)
      .finally(() => setDownloading(false));
  };
  return (
    <Stack>
      <PageHeader
        title={t('promotionListTitle')}
        subtitle={t('subtitle', { year: query.schoolYear })}
        actions={
          <Button
            leftSection={<IconDownload size={16} />}
            variant="light"
            loading={downloading}
            onClick={download}
            data-testid="promotion-list-xlsx"
          >
            {t('exportXlsx')}
          </Button>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <>
          <CountsTable data={list.data} />
          <Filters data={list.data} filters={filters} onChange={setFilters} />
          <Students students={list.data.students} />
        </>
      )}
    </Stack>
  );
}

function CountsTable({ data }: { data: PromotionList }) {
  const { t } = useTranslation('results');
  if (data.grades.length === 0) return <Text c="dimmed">{t('promotionListEmpty')}</Text>;
  const row = (label: string, counts: Counts, bold = false) => (
    <Table.Tr key={label} fw={bold ? 600 : undefined}>
      <Table.Td>{label}</Table.Td>
      {PROMOTION_COUNT_KEYS.map((key) => (
        <Table.Td key={key} ta="right">
          {counts[key]}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Card withBorder>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="promotion-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grade')}</Table.Th>
              {PROMOTION_COUNT_KEYS.map((key) => (
                <Table.Th key={key} ta="right">
                  {t(`count.${key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.grades.map((g) => row(t('gradeN', { grade: g.grade }), g))}
            {row(t('wholeSchool'), data.total, true)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

type Filter = Omit<PromotionListQuery, 'unitId' | 'schoolYear'>;

function Filters({
  data,
  filters,
  onChange,
}: {
  data: PromotionList;
  filters: Filter;
  onChange: (f: Filter) => void;
}) {
  const { t } = useTranslation('results');
  const grades = [...new Set(data.classes.map((c) => c.grade))];
  const classes = data.classes.filter((c) => filters.grade === undefined || c.grade === filters.grade);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      <Select
        label={t('filterOutcome')}
        placeholder={t('all')}
        clearable
        data={PROMOTION_ACTIONS.map((o) => ({ value: o, label: t(`promotion.${o}`) }))}
        value={filters.outcome ?? null}
        onChange={(v) => onChange({ ...filters, outcome: (v as Filter['outcome']) ?? undefined })}
        data-testid="filter-outcome"
      />
      <Select
        label={t('grade')}
        placeholder={t('all')}
        clearable
        data={grades.map((g) => ({ value: String(g), label: t('gradeN', { grade: g }) }))}
        value={filters.grade === undefined ? null : String(filters.grade)}
        onChange={(v) => onChange({ ...filters, grade: v ? Number(v) : undefined, classId: undefined })}
      />
      <Select
        label={t('class')}
        placeholder={t('all')}
        clearable
        searchable
        data={classes.map((c) => ({ value: c.id, label: c.name }))}
        value={filters.classId ?? null}
        onChange={(v) => onChange({ ...filters, classId: v ?? undefined })}
      />
      <Select
        label={t('filterStatus')}
        placeholder={t('all')}
        clearable
        data={[
          { value: 'pending', label: t('status.pending') },
          { value: 'decided', label: t('status.decided') },
        ]}
        value={filters.status ?? null}
        onChange={(v) => onChange({ ...filters, status: (v as Filter['status']) ?? undefined })}
      />
    </SimpleGrid>
  );
}

/** Cards rather than a wide table so the list reads on a phone. */
function Students({ students }: { students: Student[] }) {
  const { t } = useTranslation('results');
  if (students.length === 0) return <Text c="dimmed">{t('noStudentsNeedAction')}</Text>;
  return (
    <Stack gap="xs" data-testid="promotion-students">
      <Text size="sm" c="dimmed">
        {t('studentsNeedAction', { count: students.length })}
      </Text>
      {students.map((s) => (
        <StudentCard key={s.studentId} student={s} />
      ))}
    </Stack>
  );
}

function StudentCard({ student: s }: { student: Student }) {
  const { t } = useTranslation('results');
  const level = (v: Student['learningResult']) => (v ? t(`level.${v}`) : '—');
  return (
    <Card withBorder padding="sm" data-testid="promotion-student">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600}>
          {s.fullName} · {s.className}
        </Text>
        <Badge color={OUTCOME_COLOR[s.promotion]} variant="light">
          {t(`promotion.${s.promotion}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('learning')}: {level(s.learningResult)} · {t('conduct')}: {level(s.conductResult)} · {t('absent')}:{' '}
        {s.absentSessions}
      </Text>
      {s.retestSubjects.length > 0 && (
        <Text size="sm">
          {t('retestSubjects')}: {s.retestSubjects.map(retestLabel).join('; ')}
        </Text>
      )}
      {s.learningAfterRetest && (
        <Text size="sm">
          {t('learningAfterRetest')}: {level(s.learningAfterRetest)}
        </Text>
      )}
      {s.summerConductResult && (
        <Text size="sm">
          {t('summerConduct')}: {level(s.summerConductResult)}
        </Text>
      )}
      <Text size="sm" fw={500}>
        {t('final')}: {s.finalPromotion ? t(`final.${s.finalPromotion}`) : t('status.pending')}
      </Text>
    </Card>
  );
}

/** "Toán 3,0 → 5,0": the year result and, once entered, the re-test that replaces it (TT22 Điều 14). */
function retestLabel(r: Student['retestSubjects'][number]): string {
  const mark = (score: number | null, result: 'pass' | 'fail' | null) =>
    score !== null ? formatAverage(score) : result ? PASS_FAIL_SHORT_VI[result] : null;
  const before = mark(r.yearAverage, r.yearResult) ?? '—';
  const after = mark(r.retestScore, r.retestResult);
  return after ? `${r.name} ${before} → ${after}` : `${r.name} ${before}`;
}
