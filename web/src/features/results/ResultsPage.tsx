import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { IconArrowForward, IconCalculator, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nextSchoolYear } from '#domain/calendar/index.ts';
import { formatAverage } from '#domain/grading/index.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useClasses } from '../classes/api.ts';
import { type ClassResults, type StudentResult, useClassResults, useQueueClose } from './api.ts';
import { JobStatus } from './CloseJobStatus.tsx';
import { IndividualPlanModal } from './IndividualPlanModal.tsx';
import { PrimaryGrid } from './PrimaryGrid.tsx';
import { PrimarySummaryCard } from './PrimarySummary.tsx';
import { RecognitionModal } from './RecognitionModal.tsx';
import { RecordBookButtons } from './RecordBookButtons.tsx';
import { SchoolSummary } from './SchoolSummary.tsx';
import { SummerModal } from './SummerModal.tsx';

export default function ResultsPage() {
  return (
    <RequirePermission permission="classes.read">
      <Results />
    </RequirePermission>
  );
}

function Results() {
  const { t } = useTranslation('results');
  const { unitId, schoolYear, can, unit } = useWorkspace();
  const classes = useClasses(unitId, schoolYear);
  const [classId, setClassId] = useState<string | null>(null);
  const [term, setTerm] = useState('0');
  const results = useClassResults(classId, Number(term));
  if (!schoolYear) return <Text c="dimmed">{t('noYear')}</Text>;
  const options = (classes.data?.classes ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Stack>
      <PageHeader
        title={unit?.level === 'primary' ? t('titlePrimary') : t('title')}
        subtitle={t('subtitle', { year: schoolYear })}
        actions={
          can('gradebook.read') && (
            <Button
              component={Link}
              to="/results/promotion-list"
              variant="light"
              leftSection={<IconListDetails size={16} />}
              data-testid="open-promotion-list"
            >
              {t('openPromotionList')}
            </Button>
          )
        }
      />
      {can('gradebook.manage') && <CloseCard unitId={unitId} schoolYear={schoolYear} />}
      <Group align="end" wrap="wrap">
        <Select
          label={t('chooseClass')}
          data={options}
          value={classId}
          onChange={setClassId}
          searchable
          w={{ base: '100%', xs: 200 }}
          data-testid="results-class"
        />
        <SegmentedControl
          value={term}
          onChange={setTerm}
          data={[
            { value: '1', label: t('term1') },
            { value: '2', label: t('term2') },
            { value: '0', label: t('year') },
          ]}
        />
      </Group>
      {can('gradebook.read') && <SchoolSummary unitId={unitId} schoolYear={schoolYear} term={Number(term)} />}
      {results.error && <ErrorAlert error={results.error} onRetry={() => results.refetch()} />}
      {classId && results.isPending && <Loading />}
      {results.data && results.data.class.grade < 6 && (
        <Tabs defaultValue="evaluations" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="evaluations">{t('evaluations')}</Tabs.Tab>
            <Tabs.Tab value="results">{t('results')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="evaluations" pt="sm">
            <PrimaryGrid classId={results.data.class.id} />
          </Tabs.Panel>
          <Tabs.Panel value="results" pt="sm">
            <ClassResultsView data={results.data} />
          </Tabs.Panel>
        </Tabs>
      )}
      {results.data && results.data.class.grade >= 6 && <ClassResultsView data={results.data} />}
    </Stack>
  );
}

function CloseCard({ unitId, schoolYear }: { unitId: string; schoolYear: string }) {
  const { t } = useTranslation('results');
  const close = useQueueClose();
  const [jobId, setJobId] = useState<string | null>(null);
  const queue = (scope: 'term1' | 'term2' | 'year') =>
    close.mutate(
      { unitId, schoolYear, scope },
      { onSuccess: (r) => setJobId(r.jobId), onError: notifyError },
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('closeHint')}
        </Text>
        <Group wrap="wrap">
          <Button
            variant="light"
            leftSection={<IconCalculator size={16} />}
            onClick={() => queue('term1')}
            data-testid="close-term1"
          >
            {t('closeTerm1')}
          </Button>
          <Button variant="light" leftSection={<IconCalculator size={16} />} onClick={() => queue('term2')}>
            {t('closeTerm2')}
          </Button>
          <Button
            leftSection={<IconCalculator size={16} />}
            onClick={() => queue('year')}
            data-testid="close-year"
          >
            {t('closeYear')}
          </Button>
          <Button
            variant="default"
            component={Link}
            to="/results/rollover"
            leftSection={<IconArrowForward size={16} />}
            data-testid="open-rollover"
          >
            {t('rollover', { year: nextSchoolYear(schoolYear) })}
          </Button>
        </Group>
        {jobId && <JobStatus jobId={jobId} />}
      </Stack>
    </Card>
  );
}

const LEVEL_COLOR = { excellent: 'teal', good: 'blue', pass: 'yellow', fail: 'red' } as const;

function ClassResultsView({ data }: { data: ClassResults }) {
  const { t } = useTranslation('results');
  const [summerFor, setSummerFor] = useState<StudentResult | null>(null);
  const [recogniseFor, setRecogniseFor] = useState<StudentResult | null>(null);
  const [planFor, setPlanFor] = useState<StudentResult | null>(null);
  const year = data.term === 0;
  const primary = data.class.grade < 6;
  const cell = (s: StudentResult, code: string) => {
    const v = s.subjects[code];
    if (!v) return '—';
    // One decimal with a comma, as the học bạ prints it — the re-test score too ("5,0").
    const main = v.average !== null ? formatAverage(v.average) : v.result ? t(`pf.${v.result}`) : '—';
    const retest =
      v.retestScore !== null
        ? ` → ${formatAverage(v.retestScore)}`
        : v.retestResult
          ? ` → ${t(`pf.${v.retestResult}`)}`
          : '';
    return main + retest;
  };
  /** The results stored after the summer: learning after the re-test (Điều 14), conduct after training (Điều 13). */
  const afterSummer = (s: StudentResult) => {
    const parts = [
      s.learningAfterRetest ? `${t('learning')}: ${t(`level.${s.learningAfterRetest}`)}` : null,
      s.summerConductResult ? `${t('conduct')}: ${t(`level.${s.summerConductResult}`)}` : null,
    ].filter((p) => p !== null);
    return parts.length > 0 ? parts.join(' · ') : '';
  };
  const level = (l: StudentResult['learningResult']) =>
    l ? (
      <Badge color={LEVEL_COLOR[l]} variant="light">
        {t(`level.${l}`)}
      </Badge>
    ) : (
      '—'
    );
  return (
    <Stack>
      {!primary && <RecordBookButtons classId={data.class.id} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {primary && data.summary.primary ? (
          <PrimarySummaryCard summary={data.summary.primary} />
        ) : (
          <Card withBorder>
            <Text fw={500}>{t('summary')}</Text>
            <Text size="sm" c="dimmed">
              {t('summaryComputed', { computed: data.summary.computed, students: data.summary.students })}
            </Text>
            <Table mt="xs" data-testid="results-summary">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {data.summary.learning.map((l) => (
                    <Table.Th key={l.level}>{t(`level.${l.level}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['learning', 'conduct'] as const).map((kind) => (
                  <Table.Tr key={kind}>
                    <Table.Td>{t(kind)}</Table.Td>
                    {data.summary[kind].map((l) => (
                      <Table.Td key={l.level}>
                        {l.count} ({String(l.percent).replace('.', ',')}%)
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        {year && !primary && (
          <Card withBorder>
            <Text fw={500}>{t('promotionList')}</Text>
            <Stack gap={4} mt="xs">
              {(['promoted', 'retest', 'summer_conduct', 'retained', 'principal_decision'] as const).map(
                (p) => {
                  const list = data.students.filter((s) => s.promotion === p);
                  return (
                    <Text size="sm" key={p}>
                      <b>
                        {t(`promotion.${p}`)} ({list.length}):
                      </b>{' '}
                      {list.map((s) => s.fullName).join(', ') || '—'}
                    </Text>
                  );
                },
              )}
            </Stack>
          </Card>
        )}
      </SimpleGrid>
      {data.students.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover stickyHeader data-testid="results-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fullName')}</Table.Th>
                {data.subjects.map((s) => (
                  <Table.Th key={s.code} ta="center">
                    {s.name}
                  </Table.Th>
                ))}
                {primary ? (
                  <Table.Th>{t('primaryOutcome')}</Table.Th>
                ) : (
                  <>
                    <Table.Th>{t('learning')}</Table.Th>
                    <Table.Th>{t('conduct')}</Table.Th>
                  </>
                )}
                {year && (
                  <>
                    <Table.Th ta="right">{t('absent')}</Table.Th>
                    <Table.Th>{t('promotion')}</Table.Th>
                    <Table.Th>{t('award')}</Table.Th>
                    {!primary && <Table.Th>{t('afterSummer')}</Table.Th>}
                    {!primary && <Table.Th>{t('final')}</Table.Th>}
                  </>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.students.map((s) => (
                <Table.Tr key={s.studentId}>
                  <Table.Td>{s.fullName}</Table.Td>
                  {data.subjects.map((sub) => (
                    <Table.Td key={sub.code} ta="center">
                      {cell(s, sub.code)}
                    </Table.Td>
                  ))}
                  {primary ? (
                    <Table.Td>
                      {s.primaryOutcome ? t(`primary.${s.primaryOutcome}`) : t('notComputed')}
                    </Table.Td>
                  ) : (
                    <>
                      <Table.Td>
                        {!s.computed
                          ? t('notComputed')
                          : s.learningResult
                            ? level(s.learningResult)
                            : t('missingScores')}
                      </Table.Td>
                      <Table.Td>{level(s.conductResult)}</Table.Td>
                    </>
                  )}
                  {year && (
                    <>
                      <Table.Td ta="right">{s.absentSessions ?? '—'}</Table.Td>
                      <Table.Td>{s.promotion ? t(`promotion.${s.promotion}`) : '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {s.award ? t(`award.${s.award}`) : ''}
                          {primary && data.canManage && s.primaryOutcome === 'completed_well' && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => setRecogniseFor(s)}
                              data-testid={`recognise-${s.studentId}`}
                            >
                              {t('pg.recognise')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                      {!primary && <Table.Td>{afterSummer(s)}</Table.Td>}
                      {!primary && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {s.finalPromotion ? t(`final.${s.finalPromotion}`) : '—'}
                            {data.canManage &&
                              (s.promotion === 'retest' || s.promotion === 'summer_conduct') && (
                                <Button size="compact-xs" variant="light" onClick={() => setSummerFor(s)}>
                                  {t('summer')}
                                </Button>
                              )}
                            {data.canManage && (
                              <Button
                                size="compact-xs"
                                variant={s.individualPlan ? 'filled' : 'subtle'}
                                color="grape"
                                onClick={() => setPlanFor(s)}
                                title={s.principalDecisionReason ?? undefined}
                                data-testid={`individual-plan-${s.studentId}`}
                              >
                                {t('ip.button')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </>
                  )}
                </Table.Tr>
              ))}
              {!primary && (
                <Table.Tr>
                  <Table.Td fw={500}>{t('average')}</Table.Td>
                  {data.summary.subjectAverages.map((a) => (
                    <Table.Td key={a.code} ta="center" fw={500}>
                      {a.average === null ? '' : formatAverage(a.average)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {summerFor && <SummerModal data={data} student={summerFor} onClose={() => setSummerFor(null)} />}
      {planFor && (
        <IndividualPlanModal
          student={planFor}
          schoolYear={data.class.schoolYear}
          onClose={() => setPlanFor(null)}
        />
      )}
      {recogniseFor && (
        <RecognitionModal
          student={recogniseFor}
          schoolYear={data.class.schoolYear}
          onClose={() => setRecogniseFor(null)}
        />
      )}
    </Stack>
  );
}
