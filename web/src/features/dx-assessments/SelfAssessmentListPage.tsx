import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAssessments } from './api.ts';
import { formatDate, formatPoints, levelColor, STATUS_COLOR } from './format.ts';

/** The selected unit's own assessments (one per campaign), newest first. */
export default function SelfAssessmentListPage() {
  const { t } = useTranslation('assessments');
  const { unitId, unit } = useWorkspace();
  const query = useAssessments(unitId);
  return (
    <Stack>
      <PageHeader title={t('selfTitle')} subtitle={unit?.name} />
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {query.data?.length === 0 && <Text c="dimmed">{t('noAssessments')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {query.data?.map((a) => (
          <Card
            key={a.id}
            withBorder
            component={Link}
            to={`/assessments/${a.id}`}
            data-testid="assessment-card"
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{a.campaignTitle}</Text>
                <Badge color={STATUS_COLOR[a.status]} style={{ flexShrink: 0 }}>
                  {t(`status_${a.status}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {a.officeName} · {t('schoolYearShort')} {a.schoolYear} · {t('deadline')}:{' '}
                {formatDate(a.submissionDeadline)}
              </Text>
              <Progress
                value={(a.itemsDone / Math.max(1, a.itemsTotal)) * 100}
                aria-label={t('itemsDone', { done: a.itemsDone, total: a.itemsTotal })}
              />
              <Text size="xs">
                {t('itemsDone', { done: a.itemsDone, total: a.itemsTotal })}
                {a.assignedToMe > 0 && ` · ${t('assignedToMe', { count: a.assignedToMe })}`}
              </Text>
              <Group gap={6}>
                {a.groups.map((g) => (
                  <Badge key={g.id} variant="light" color={levelColor(g.level)}>
                    {t('group')} {g.id}: {formatPoints(g.total)}
                  </Badge>
                ))}
                {a.recognisedLabel && (
                  <Badge color={levelColor(a.recognisedLevel)}>{a.recognisedLabel}</Badge>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
