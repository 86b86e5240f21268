import { BarChart, DonutChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from './dashboard-api.ts';
import {
  formatDate,
  formatPoints,
  LATENESS_COLOR,
  levelColor,
  levelTextColor,
  STATUS_COLOR,
} from './format.ts';

// The sections of the DX dashboard, top to bottom; DashboardPage.tsx holds the page and its filters.

const LEVEL_CHART_COLORS = ['red.6', 'yellow.6', 'green.6', 'blue.6', 'violet.6'];
const percent = (x: number) => `${formatPoints(x * 100)}%`;

type Level = Dashboard['levelLabels'][number];

/** Select value of an area: the schools directly under the office have no area id; '' means every area. */
const areaKey = (areaId: string | null) => areaId ?? 'direct';

export function DashboardBody({ d }: { d: Dashboard }) {
  const [area, setArea] = useState<string | null>(null);
  const levels = d.levelLabels.length
    ? d.levelLabels
    : [1, 2, 3].map((level) => ({ level, label: `Mức ${level}` }));
  const showAreas = d.areas.some((a) => a.areaId !== null);
  return (
    <Stack>
      <Figures d={d} />
      <CampaignTimeline d={d} />
      <LevelCharts d={d} levels={levels} />
      {showAreas && <AreasTable d={d} levels={levels} onPickArea={setArea} />}
      <WeakestItems d={d} />
      <UnitsTable d={d} showAreas={showAreas} area={area} onAreaChange={setArea} />
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** Units, how many have submitted, been assessed, recognised, and how many are late. */
function Figures({ d }: { d: Dashboard }) {
  const { t } = useTranslation('dxDashboard');
  const status = d.progress.byStatus;
  const count = (...keys: string[]) => keys.reduce((n, k) => n + (status[k] ?? 0), 0);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      <Stat label={t('units')} value={d.units.length} />
      <Stat label={t('submitted')} value={count('submitted', 'under_review', 'assessed', 'recognised')} />
      <Stat label={t('assessed')} value={count('assessed', 'recognised')} />
      <Stat label={t('recognised')} value={count('recognised')} color="green" />
      <Stat label={t('late')} value={d.progress.late} color={d.progress.late ? 'red' : undefined} />
      <Stat
        label={t('reviewOverdue')}
        value={d.progress.reviewOverdue}
        color={d.progress.reviewOverdue ? 'red' : undefined}
      />
    </SimpleGrid>
  );
}

/** Each campaign's deadlines and how far today is through its window. */
function CampaignTimeline({ d }: { d: Dashboard }) {
  const { t } = useTranslation('dxDashboard');
  return (
    <Card withBorder>
      <Title order={4}>{t('campaigns')}</Title>
      <Text size="xs" c="dimmed">
        {t('today', { date: formatDate(d.today) })}
      </Text>
      <Stack gap="xs" mt="xs">
        {d.campaigns.map((c) => (
          <Stack key={c.id} gap={2}>
            <Group justify="space-between" wrap="wrap">
              <Anchor component={Link} to={`/assessment-campaigns/${c.id}`} fw={600}>
                {c.title}
              </Anchor>
              <Text size="sm">
                {c.officeName} · {t('deadline', { date: formatDate(c.submissionDeadline) })},{' '}
                {t('externalEnds', { date: formatDate(c.externalEndsOn) })}
              </Text>
            </Group>
            <Progress
              value={timeShare(c.selfAssessmentStartsOn, c.externalEndsOn, d.today) * 100}
              color={d.today > c.submissionDeadline ? 'orange' : 'blue'}
              size="sm"
              aria-label={c.title}
            />
            <Text size="xs" c="dimmed">
              {c.catalogueTitle} · {c.catalogueVersion}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** Levels claimed, agreed and recognised; levels per criteria group; files per status; this year against last. */
function LevelCharts({ d, levels }: { d: Dashboard; levels: readonly Level[] }) {
  const { t } = useTranslation('dxDashboard');
  const { t: ta } = useTranslation('assessments');
  const levelData = levels.map((l) => ({
    level: `Mức ${l.level}`,
    self: d.distribution.self[String(l.level)] ?? 0,
    external: d.distribution.external[String(l.level)] ?? 0,
    recognised: d.distribution.recognised[String(l.level)] ?? 0,
  }));
  const groupData = levels.map((l) => ({
    level: `Mức ${l.level}`,
    ...Object.fromEntries(d.distribution.byGroup.map((g) => [g.groupId, g.levels[String(l.level)] ?? 0])),
  }));
  const comparisonData = levels.map((l) => ({
    level: `Mức ${l.level}`,
    previous: d.comparison.previous[String(l.level)] ?? 0,
    current: d.comparison.current[String(l.level)] ?? 0,
  }));
  const statusData = Object.entries(d.progress.byStatus).map(([key, value]) => ({
    name: ta(`status_${key}`),
    value,
    color: `${STATUS_COLOR[key as keyof typeof STATUS_COLOR] ?? 'gray'}.6`,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('levels')}
        </Title>
        <BarChart
          h={240}
          data={levelData}
          dataKey="level"
          withLegend
          series={[
            { name: 'self', label: t('self'), color: 'gray.5' },
            { name: 'external', label: t('external'), color: 'blue.6' },
            { name: 'recognised', label: t('recognisedLevel'), color: 'green.6' },
          ]}
        />
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('byGroup')}
        </Title>
        <BarChart
          h={240}
          data={groupData}
          dataKey="level"
          withLegend
          series={d.groups.map((g, i) => ({
            name: g.id,
            label: t('group', { id: g.id }),
            color: LEVEL_CHART_COLORS[(i + 3) % LEVEL_CHART_COLORS.length] ?? 'blue.6',
          }))}
        />
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('byStatus')}
        </Title>
        <Group justify="center">
          <DonutChart data={statusData} withLabelsLine withLabels size={180} thickness={28} withTooltip />
        </Group>
        <Group gap="xs" justify="center" mt="xs">
          {statusData.map((s) => (
            <Badge key={s.name} color={s.color.replace('.6', '')} variant="light">
              {s.name}: {s.value}
            </Badge>
          ))}
        </Group>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('comparison', { year: d.comparison.previousYear })}
        </Title>
        <BarChart
          h={200}
          data={comparisonData}
          dataKey="level"
          withLegend
          series={[
            { name: 'previous', label: d.comparison.previousYear, color: 'gray.5' },
            { name: 'current', label: d.schoolYear ?? '', color: 'teal.6' },
          ]}
        />
        <Text size="sm" mt="xs">
          {t('comparisonSummary', d.comparison)}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

/** The figures per area (commune office); a click on an area filters the units table. */
function AreasTable({
  d,
  levels,
  onPickArea,
}: {
  d: Dashboard;
  levels: readonly Level[];
  onPickArea: (area: string) => void;
}) {
  const { t } = useTranslation('dxDashboard');
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('areas')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('area')}</Table.Th>
              <Table.Th>{t('units')}</Table.Th>
              <Table.Th>{t('submitted')}</Table.Th>
              <Table.Th>{t('assessed')}</Table.Th>
              <Table.Th>{t('late')}</Table.Th>
              {levels.map((l) => (
                <Table.Th key={l.level}>{`Mức ${l.level}`}</Table.Th>
              ))}
              <Table.Th>{t('averageTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.areas.map((a) => (
              <Table.Tr key={a.areaId ?? 'direct'}>
                <Table.Td>
                  <Anchor onClick={() => onPickArea(areaKey(a.areaId))}>{a.name}</Anchor>
                </Table.Td>
                <Table.Td>{a.units}</Table.Td>
                <Table.Td>{a.submitted}</Table.Td>
                <Table.Td>{a.assessed}</Table.Td>
                <Table.Td c={a.late ? 'red' : undefined}>{a.late}</Table.Td>
                {levels.map((l) => (
                  <Table.Td key={l.level}>{a.levels[String(l.level)] ?? 0}</Table.Td>
                ))}
                <Table.Td>{formatPoints(a.averageTotal)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The criteria the units score lowest on, with the weakest unit's file. */
function WeakestItems({ d }: { d: Dashboard }) {
  const { t } = useTranslation('dxDashboard');
  return (
    <Card withBorder>
      <Title order={4}>{t('weakest')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('weakestHint')}
      </Text>
      <Table.ScrollContainer minWidth={680}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('item')}</Table.Th>
              <Table.Th>{t('units')}</Table.Th>
              <Table.Th>{t('averageRatio')}</Table.Th>
              <Table.Th>{t('agreedVsClaimed')}</Table.Th>
              <Table.Th>{t('lowestUnit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.weakestItems.map((i) => (
              <Table.Tr key={i.itemId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {i.itemId}
                  </Text>
                  <Text size="xs">{i.title}</Text>
                </Table.Td>
                <Table.Td>{i.units}</Table.Td>
                <Table.Td>
                  <Progress
                    value={i.averageRatio * 100}
                    color={i.averageRatio < 0.5 ? 'red' : 'yellow'}
                    aria-label={`${i.itemId}. ${i.title}`}
                  />
                  <Text size="xs">{percent(i.averageRatio)}</Text>
                </Table.Td>
                <Table.Td>{i.agreedVsClaimed === null ? '—' : percent(i.agreedVsClaimed)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/${i.lowestAssessmentId}/review`} size="sm">
                    {i.lowestUnitName}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Every unit with its status, scores per group, level and last year's level, linking to its file. */
function UnitsTable({
  d,
  showAreas,
  area,
  onAreaChange,
}: {
  d: Dashboard;
  showAreas: boolean;
  area: string | null;
  onAreaChange: (area: string | null) => void;
}) {
  const { t } = useTranslation('dxDashboard');
  const { t: ta } = useTranslation('assessments');
  const shown = area ? d.units.filter((u) => areaKey(u.areaId) === area) : d.units;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={4}>{t('unitsTable')}</Title>
        {showAreas && (
          <Select
            aria-label={t('area')}
            data={[
              { value: '', label: t('allAreas') },
              ...d.areas.map((a) => ({ value: areaKey(a.areaId), label: a.name })),
            ]}
            value={area ?? ''}
            onChange={(v) => onAreaChange(v ? v : null)}
            w={260}
            allowDeselect={false}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unit')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              {d.groups.map((g) => (
                <Table.Th key={g.id}>{t('group', { id: g.id })}</Table.Th>
              ))}
              <Table.Th>{t('total')}</Table.Th>
              <Table.Th>{t('level')}</Table.Th>
              <Table.Th>{t('previousLevel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/assessments/${u.assessmentId}/review`}
                    title={t('openReview')}
                  >
                    {u.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={STATUS_COLOR[u.status]} variant="light">
                      {ta(`status_${u.status}`)}
                    </Badge>
                    {(u.lateness === 'late' || u.lateness === 'review_overdue') && (
                      <Badge color={LATENESS_COLOR[u.lateness]}>{ta(`lateness_${u.lateness}`)}</Badge>
                    )}
                  </Group>
                </Table.Td>
                {d.groups.map((g) => {
                  const group = u.groups.find((x) => x.id === g.id);
                  return (
                    <Table.Td key={g.id}>
                      {group ? (
                        <Text
                          size="sm"
                          fw={600}
                          c={levelTextColor(group.level)}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {formatPoints(group.total)}
                          {group.level ? ` · M${group.level}` : ''}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>{formatPoints(u.total)}</Table.Td>
                <Table.Td>
                  {u.currentLevel ? (
                    <Text
                      size="sm"
                      fw={700}
                      c={levelTextColor(u.currentLevel)}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {`Mức ${u.currentLevel}`}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{u.previousLevel ? `Mức ${u.previousLevel}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** How far today is through a campaign's window (self-assessment start → end of external assessment). */
function timeShare(from: string, to: string, today: string): number {
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(from)) / span));
}
