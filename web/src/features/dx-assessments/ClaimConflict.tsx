import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemConflict } from '#contracts/dx-assessments/assessment.ts';
import type { CatalogueItem, ItemAnswer, ItemResult } from '#domain/assessment-catalogue/index.ts';
import { ApiError } from '../../api/client.ts';
import { AnswerView } from './AnswerInput.tsx';
import { formatDateTime } from './format.ts';

/** The claim someone else saved after this page loaded, from a 409 of a save (details.conflicts). */
export function claimConflictOf(error: unknown, itemId: string): ItemConflict | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const conflicts = (error.details as { conflicts?: ItemConflict[] } | undefined)?.conflicts;
  return conflicts?.find((c) => c.itemId === itemId);
}

/**
 * Shows their claim beside the unsaved one and lets the user take theirs (the form takes the stored values) or keep
 * their own and save again over it.
 */
export function ClaimConflict({
  item,
  conflict,
  message,
  theirResult,
  onTakeTheirs,
  onKeepMine,
  saving,
}: {
  item: CatalogueItem;
  conflict: ItemConflict;
  message: string;
  theirResult: ItemResult | undefined;
  onTakeTheirs(): void;
  onKeepMine(): void;
  saving: boolean;
}) {
  const { t } = useTranslation('assessments');
  return (
    <Alert color="orange" title={message} data-testid={`conflict-${item.id}`}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('conflictTheirs', {
            name: conflict.updatedByName ?? t('someoneElse'),
            date: conflict.updatedAt ? formatDateTime(conflict.updatedAt) : '',
          })}
        </Text>
        <AnswerView item={item} answer={conflict.answer as ItemAnswer | null} result={theirResult} />
        {conflict.note && (
          <Text size="sm">
            {t('note')}: {conflict.note}
          </Text>
        )}
        <Text size="sm">
          {t('progress')}: {t(`progress_${conflict.progress}`)}
        </Text>
        <Group mt="xs" gap="xs">
          <Button size="xs" variant="light" onClick={onTakeTheirs} data-testid={`take-theirs-${item.id}`}>
            {t('takeTheirs')}
          </Button>
          <Button
            size="xs"
            color="orange"
            loading={saving}
            onClick={onKeepMine}
            data-testid={`keep-mine-${item.id}`}
          >
            {t('keepMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
