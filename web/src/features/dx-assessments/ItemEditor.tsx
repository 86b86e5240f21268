import { Alert, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_PROGRESS } from '#contracts/dx-assessments/campaigns.ts';
import {
  type CatalogueItem,
  type ItemAnswer,
  type ItemResult,
  scoreAssessment,
} from '#domain/assessment-catalogue/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { AnswerInput, AnswerView } from './AnswerInput.tsx';
import { type AssessmentDetail, assessmentApi, keys, type UserOption, useAssessmentAction } from './api.ts';
import { ClaimConflict, claimConflictOf } from './ClaimConflict.tsx';
import { itemMeasures } from './catalogue-helpers.ts';
import { ItemEvidence } from './EvidencePanel.tsx';
import { SaveItemButton } from './SaveItemButton.tsx';

type ItemRow = AssessmentDetail['items'][number];
type Progress = ItemRow['progress'];

/**
 * The body of one criterion on the unit's page: the office's comments, the claim form (or the claim, read-only),
 * the note and progress, measured values, evidence and the assignee.
 */
export function ItemEditor({
  detail,
  item,
  row,
  result,
  draft,
  onDraft,
  users,
}: {
  detail: AssessmentDetail;
  item: CatalogueItem;
  row: ItemRow;
  result: ItemResult | undefined;
  draft: ItemAnswer | null | undefined;
  onDraft(answer: ItemAnswer | null | undefined): void;
  users: UserOption[];
}) {
  const { t } = useTranslation('assessments');
  const editable = detail.can.editItems.includes(item.id);
  const [note, setNote] = useState(row.note ?? '');
  // A criterion being saved for the first time is usually finished; later saves keep what the server has.
  const initialProgress: Progress = row.progress === 'todo' ? 'done' : row.progress;
  const [progress, setProgress] = useState<Progress>(initialProgress);
  // The claim's version this form was loaded from: each save sends it, so the server refuses to overwrite a claim
  // someone else saved meanwhile. It follows the server only while nothing here is edited.
  const [baseVersion, setBaseVersion] = useState(row.version);
  const edited = draft !== undefined || note !== (row.note ?? '') || progress !== initialProgress;
  useEffect(() => setNote(row.note ?? ''), [row.note]);
  useEffect(() => setProgress(initialProgress), [initialProgress]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new server version moves the base, not typing
  useEffect(() => {
    if (!edited) setBaseVersion(row.version);
  }, [row.version]);
  const answer = draft === undefined ? (row.answer as ItemAnswer | null) : draft;
  const save = useAssessmentAction(detail.id, (version: number | undefined) =>
    assessmentApi.saveItem(detail.id, item.id, {
      answer,
      note: note.trim() || null,
      progress,
      version: version ?? baseVersion,
    }),
  );
  const client = useQueryClient();
  const conflict = claimConflictOf(save.error, item.id);
  const takeTheirs = () => {
    if (!conflict) return;
    onDraft(undefined);
    setNote(conflict.note ?? '');
    setProgress(conflict.progress);
    setBaseVersion(conflict.version);
    save.reset();
    void client.invalidateQueries({ queryKey: keys.assessment(detail.id) });
  };
  const keepMine = () => {
    if (!conflict) return;
    const version = conflict.version;
    save.mutate(version, {
      onSuccess: () => {
        onDraft(undefined);
        setBaseVersion(version + 1);
        notifySaved(t('itemSaved', { id: item.id }));
      },
    });
  };
  const assign = useAssessmentAction(
    detail.id,
    (userId: string | null) => assessmentApi.assign(detail.id, item.id, userId),
    t('itemAssigned', { id: item.id }),
  );
  const measures = itemMeasures(detail, item);
  return (
    <Stack gap="sm">
      {row.returnComment && (
        <Alert color="red" title={t('returnComment')}>
          {row.returnComment}
        </Alert>
      )}
      {row.externalComment && (
        <Alert color="violet" title={t('externalComment')}>
          {row.externalComment}
        </Alert>
      )}
      {item.note && (
        <Text size="xs" c="dimmed">
          {item.note}
        </Text>
      )}
      {editable ? (
        <>
          <AnswerInput item={item} value={answer} onChange={onDraft} result={result} />
          <Textarea
            label={t('note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid={`note-${item.id}`}
          />
          <Group justify="space-between" align="flex-end" gap="xs">
            <SegmentedControl
              size="xs"
              value={progress}
              onChange={(v) => setProgress(v as Progress)}
              data={ITEM_PROGRESS.map((p) => ({
                value: p,
                label: t(`progress_${p}`),
              }))}
              aria-label={`${t('progress')} ${item.id}`}
            />
            <SaveItemButton
              save={save}
              itemId={item.id}
              onSaved={(saved) => {
                onDraft(undefined);
                setBaseVersion(saved.items.find((i) => i.itemId === item.id)?.version ?? baseVersion);
              }}
              label={t('saveItem')}
              testId={`save-${item.id}`}
            />
          </Group>
          {conflict && save.error ? (
            <ClaimConflict
              item={item}
              conflict={conflict}
              message={save.error.message}
              theirResult={scoreAssessment(detail.catalogue, {
                [item.id]: (conflict.answer as ItemAnswer | null) ?? undefined,
              }).items.find((i) => i.id === item.id)}
              onTakeTheirs={takeTheirs}
              onKeepMine={keepMine}
              saving={save.isPending}
            />
          ) : (
            save.error && <ErrorAlert error={save.error} />
          )}
        </>
      ) : (
        <>
          <AnswerView item={item} answer={row.answer as ItemAnswer | null} result={result} />
          {row.note && <Text size="sm">{row.note}</Text>}
        </>
      )}
      <ItemEvidence detail={detail} itemId={item.id} row={row} measures={measures} editable={editable} />
      {detail.can.assign && (
        <Select
          label={t('assignee')}
          placeholder={t('noAssignee')}
          data={users.map((u) => ({ value: u.id, label: u.fullName }))}
          value={row.assigneeUserId}
          onChange={(userId) => assign.mutate(userId)}
          clearable
          searchable
          data-testid={`assignee-${item.id}`}
        />
      )}
      {assign.error && <ErrorAlert error={assign.error} />}
    </Stack>
  );
}
