import { Button } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../ui/notify.ts';
import type { AssessmentDetail } from './api.ts';

/** Saves one criterion; on success the local draft is dropped (the server's answer replaces it). */
export function SaveItemButton<V>({
  save,
  itemId,
  onSaved,
  label,
  testId,
}: {
  save: UseMutationResult<AssessmentDetail, Error, V | undefined>;
  itemId: string;
  onSaved(saved: AssessmentDetail): void;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation('assessments');
  const onSuccess = (saved: AssessmentDetail) => {
    onSaved(saved);
    notifySaved(t('itemSaved', { id: itemId }));
  };
  return (
    <Button
      size="sm"
      loading={save.isPending}
      onClick={() => save.mutate(undefined, { onSuccess })}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
