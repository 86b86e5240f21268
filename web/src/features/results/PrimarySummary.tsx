import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrimarySummary } from './api.ts';

const OUTCOME_COLOR: Record<string, string> = {
  completed_excellently: 'teal',
  completed_well: 'blue',
  completed: 'yellow',
  not_completed: 'red',
  not_evaluated: 'gray',
};

/**
 * A primary class's or grade's year under TT27: pupils per outcome (the counts add up to the pupils), the titles,
 * and per quality and competence how many are Tốt / Đạt / Cần cố gắng / not evaluated.
 */
export function PrimarySummaryCard({ summary, title }: { summary: PrimarySummary; title?: string }) {
  const { t } = useTranslation('results');
  const label = (outcome: string) =>
    outcome === 'not_evaluated' ? t('pg.notEvaluated') : t(`primary.${outcome}`);
  return (
    <Card withBorder data-testid="primary-summary">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title ?? t('pg.summary')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pg.summaryStudents', { students: summary.students })}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          {summary.outcomes.map((o) => (
            <Badge key={o.outcome} color={OUTCOME_COLOR[o.outcome]} variant="light" size="lg">
              {label(o.outcome)}: {o.count} ({o.percent}%)
            </Badge>
          ))}
        </Group>
        <Text size="sm">{t('pg.awards', summary.awards)}</Text>
        {(summary.outcomes.find((o) => o.outcome === 'not_completed')?.count ?? 0) > 0 && (
          <Text size="sm" c="dimmed">
            {t('pg.notCompletedPath')}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {t('pg.traits')}
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('letter.good')}</Table.Th>
                <Table.Th>{t('letter.pass')}</Table.Th>
                <Table.Th>{t('letter.needs_effort')}</Table.Th>
                <Table.Th>{t('pg.notEvaluated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.traits.map((trait) => (
                <Table.Tr key={trait.aspect}>
                  <Table.Td>{trait.label}</Table.Td>
                  {trait.counts.map((c) => (
                    <Table.Td key={c.level}>{c.count}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
