import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, ItemResult } from '#domain/assessment-catalogue/index.ts';
import type { AssessmentDetail } from './api.ts';
import { needsVerification } from './catalogue-helpers.ts';
import { formatPoints } from './format.ts';

type ItemRow = AssessmentDetail['items'][number];

const PROGRESS_COLOR = { todo: 'gray', in_progress: 'blue', done: 'teal' } as const;

/** The accordion control of a criterion: id, title, kind, live points, progress, assignee, verification mark. */
export function ItemHeader({
  item,
  row,
  result,
}: {
  item: CatalogueItem;
  row: ItemRow | undefined;
  result: ItemResult | undefined;
}) {
  const { t } = useTranslation('assessments');
  const claimed = result && (result.answered || result.claimedPoints !== null) ? result.points : null;
  const mandatory = result?.met === true ? t('met') : result?.met === false ? t('notMet') : t('notAnswered');
  const points =
    item.kind === 'mandatory' ? mandatory : `${formatPoints(claimed)}/${formatPoints(item.maxPoints)}`;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {item.id}. {item.title}
      </Text>
      <Group gap={6}>
        <Badge size="sm" variant="outline" color={item.kind === 'mandatory' ? 'grape' : 'blue'}>
          {item.kind === 'mandatory'
            ? t('mandatory')
            : t('maxPoints', { points: formatPoints(item.maxPoints) })}
        </Badge>
        <Badge
          size="sm"
          variant="light"
          color={result?.kind === 'mandatory' && result.met === false ? 'red' : 'gray'}
        >
          {points}
        </Badge>
        <Badge size="sm" variant="dot" color={PROGRESS_COLOR[row?.progress ?? 'todo']}>
          {t(`progress_${row?.progress ?? 'todo'}`)}
        </Badge>
        {row?.assigneeName && (
          <Badge size="sm" variant="light" color="indigo">
            {row.assigneeName}
          </Badge>
        )}
        {(row?.evidence.length ?? 0) === 0 && (
          <Badge size="sm" variant="light" color="orange">
            {t('noEvidenceShort')}
          </Badge>
        )}
        {row?.returnComment && (
          <Badge size="sm" color="red">
            {t('returnedItem')}
          </Badge>
        )}
        {needsVerification(item) && (
          <Badge size="sm" variant="light" color="yellow" title={item.note}>
            {t('toVerify')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
