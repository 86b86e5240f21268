import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult, Catalogue } from '#domain/assessment-catalogue/index.ts';
import { formatPoints, levelColor } from './format.ts';

const COMBINE_RULE_KEY = { lowest_group: 'ruleLowestGroup', total_score: 'ruleTotalScore' } as const;

/** Totals and levels per group and for the unit, with the reasons (mandatory-condition cap, combine rule). */
export function ScoreSummary({
  catalogue,
  result,
  title,
  testId,
}: {
  catalogue: Catalogue;
  result: AssessmentResult;
  title: string;
  testId?: string;
}) {
  const { t } = useTranslation('assessments');
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Badge size="lg" color={levelColor(result.unitLevel)} data-testid={testId && `${testId}-level`}>
          {result.unitLabel ?? t('noLevel')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: result.groups.length > 1 ? 2 : 1 }} spacing="xs">
        {result.groups.map((group) => (
          <Stack key={group.id} gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">
                {t('group')} {group.id}. {group.title}
              </Text>
              <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {formatPoints(group.total)}/{formatPoints(group.maxPoints)}
              </Text>
            </Group>
            <Progress
              value={(group.total / group.maxPoints) * 100}
              color={levelColor(group.level)}
              aria-label={`${t('group')} ${group.id}. ${group.title}`}
            />
            {group.label && (
              <Badge variant="light" color={levelColor(group.level)}>
                {group.label}
              </Badge>
            )}
          </Stack>
        ))}
      </SimpleGrid>
      <Stack gap={2} mt="xs">
        {result.unitReasons.map((reason) => (
          <Text key={reason.message} size="xs" c={reason.code === 'mandatory_not_met' ? 'red' : 'dimmed'}>
            {reason.message}.
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t(COMBINE_RULE_KEY[catalogue.settings.combineRule])}
          {catalogue.settings.capGroupOnUnmetMandatory ? ` ${t('ruleCap')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('completeness', {
            answered: result.completeness.answeredItems,
            total: result.completeness.totalItems,
          })}
        </Text>
      </Stack>
    </Card>
  );
}
