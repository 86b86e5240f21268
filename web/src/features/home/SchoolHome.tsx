import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconCalendarCheck,
  IconClipboardCheck,
  IconLock,
  IconNotebook,
  IconSchool,
  IconUsers,
  IconUserX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { vietnameseDate } from '#domain/calendar/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { type SchoolHome as Summary, useSchoolHome } from './api.ts';
import { StatCard } from './StatCard.tsx';

const gridLink = (e: Summary['entry'][number], term: number) =>
  `/gradebook/classes/${e.classId}/subjects/${e.subjectCode}?term=${term}`;

/** The principal's page: today's register, score entry against the deadline, locks, DX and jobs. */
export function SchoolHome({ unitId, schoolYear }: { unitId: string; schoolYear: string | null }) {
  const { t } = useTranslation('home');
  const home = useSchoolHome(unitId, schoolYear, true);
  if (home.isPending) return <Loading />;
  if (home.error) return <ErrorAlert error={home.error} onRetry={() => home.refetch()} />;
  const d = home.data;
  const notTaken = d.attendance.classesNotTaken;
  const term = d.term;
  const totals = d.entryTotals;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <StatCard
          testId="home-students"
          icon={IconUsers}
          label={t('students')}
          value={d.students}
          to="/students"
        />
        <StatCard
          testId="home-classes"
          icon={IconSchool}
          label={t('classes')}
          value={d.classes}
          to="/classes"
        />
        <StatCard
          testId="home-absent"
          icon={IconUserX}
          color="orange"
          label={t('absentToday')}
          value={d.attendance.absentStudents}
          hint={vietnameseDate(d.today)}
        />
        <StatCard
          testId="home-not-taken"
          icon={IconCalendarCheck}
          color={notTaken.length > 0 ? 'red' : 'teal'}
          label={t('registerNotTaken')}
          value={notTaken.length}
          hint={t('registerTaken', { count: d.attendance.classesTaken })}
        />
      </SimpleGrid>
      {notTaken.length > 0 && (
        <Card withBorder padding="sm">
          <Text size="sm" fw={600} mb={4}>
            {t('registerNotTakenList')}
          </Text>
          <Group gap={6}>
            {notTaken.map((c) => (
              <Badge
                key={c.id}
                component={Link}
                to={`/gradebook/classes/${c.id}/attendance`}
                variant="light"
                color="red"
                style={{ cursor: 'pointer' }}
              >
                {c.name}
              </Badge>
            ))}
          </Group>
        </Card>
      )}
      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs" gap="xs">
          <Title order={3} size="h5">
            {term ? t('entryTitle', { term: term.term === 1 ? 'I' : 'II' }) : t('entryTitleNoTerm')}
          </Title>
          {term && <TermBadges term={term} />}
        </Group>
        <Text size="sm" mb={6} data-testid="home-entry-summary">
          {t('entrySummary', {
            complete: totals.completePairs,
            pairs: totals.pairs,
            missing: totals.missingCells,
          })}
        </Text>
        <Progress
          value={totals.pairs ? (100 * totals.completePairs) / totals.pairs : 0}
          aria-label={t('entryTitleNoTerm')}
          mb="sm"
        />
        {d.entry.length > 0 && term && (
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classSubject')}</Table.Th>
                <Table.Th ta="right">{t('complete')}</Table.Th>
                <Table.Th ta="right">{t('missingCells')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.entry.map((e) => (
                <Table.Tr key={`${e.classId}/${e.subjectCode}`}>
                  <Table.Td>
                    <Anchor component={Link} to={gridLink(e, term.term)} size="sm">
                      {e.className} · {e.subjectName}
                    </Anchor>
                    {e.teacherName && (
                      <Text size="xs" c="gray.7">
                        {e.teacherName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {e.complete}/{e.students}
                  </Table.Td>
                  <Table.Td ta="right" c={e.missingCells > 0 ? 'red.9' : 'teal.9'} fw={600}>
                    {e.missingCells}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <StatCard
          testId="home-unlocks"
          icon={IconLock}
          color="grape"
          label={t('openUnlocks')}
          value={d.openUnlocks}
          to="/gradebook/assignments"
        />
        <DxCard items={d.dx} />
        <JobsCard jobs={d.jobs} />
      </SimpleGrid>
    </Stack>
  );
}

function TermBadges({ term }: { term: NonNullable<Summary['term']> }) {
  const { t } = useTranslation('home');
  return (
    <Group gap={4}>
      {term.entryDeadline && (
        <Badge color={term.pastDeadline ? 'red' : 'blue'} variant="light">
          {t(term.pastDeadline ? 'deadlinePassed' : 'deadline', { date: vietnameseDate(term.entryDeadline) })}
        </Badge>
      )}
      {term.locked && (
        <Badge color="gray" variant="light">
          {t('locked')}
        </Badge>
      )}
    </Group>
  );
}

function DxCard({ items }: { items: Summary['dx'] }) {
  const { t } = useTranslation('home');
  const first = items[0];
  return (
    <StatCard
      testId="home-dx"
      icon={IconClipboardCheck}
      color="cyan"
      label={t('dx')}
      value={first ? t(`assessments:status_${first.status}`) : t('dxNone')}
      hint={first ? t('deadline', { date: vietnameseDate(first.submissionDeadline) }) : undefined}
      to={first ? `/assessments/${first.assessmentId}` : '/assessments'}
    />
  );
}

function JobsCard({ jobs }: { jobs: Summary['jobs'] }) {
  const { t } = useTranslation('home');
  return (
    <StatCard
      testId="home-jobs"
      icon={IconNotebook}
      color="gray"
      label={t('jobsRunning')}
      value={jobs.length}
      hint={jobs
        .map(
          (j) =>
            `${t(`job_${j.kind.replace('.', '_')}`, { defaultValue: j.kind })} ${j.progressDone}/${j.progressTotal}`,
        )
        .join(' · ')}
    />
  );
}
