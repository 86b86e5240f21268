import { Alert, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, ItemAnswer, ItemResult } from '#domain/assessment-catalogue/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AnswerInput, AnswerView } from './AnswerInput.tsx';
import { type AssessmentDetail, assessmentApi, useAssessmentAction } from './api.ts';
import { itemMeasures } from './catalogue-helpers.ts';
import { ItemEvidence } from './EvidencePanel.tsx';
import { SaveItemButton } from './SaveItemButton.tsx';

type ItemRow = AssessmentDetail['items'][number];

/**
 * One criterion on the office's review page: the unit's claim, note, measured values and evidence beside the
 * office's agreed answer and comment; plus the comment to send if the file is returned.
 */
export function ReviewItemPanel({
  detail,
  item,
  row,
  claimed,
  agreed,
  draft,
  onDraft,
  commentDraft,
  onCommentDraft,
  returnComment,
  onReturnComment,
}: {
  detail: AssessmentDetail;
  item: CatalogueItem;
  row: ItemRow;
  claimed: ItemResult | undefined;
  agreed: ItemResult | undefined;
  draft: ItemAnswer | null | undefined;
  onDraft(answer: ItemAnswer | null | undefined): void;
  /** The external comment as typed and not saved (undefined: the saved one). */
  commentDraft: string | undefined;
  onCommentDraft(comment: string | undefined): void;
  returnComment: string;
  onReturnComment(comment: string): void;
}) {
  const { t } = useTranslation('assessments');
  const comment = commentDraft ?? row.externalComment ?? '';
  const saved = (row.agreedAnswer ?? row.answer) as ItemAnswer | null;
  const answer = draft === undefined ? saved : draft;
  const save = useAssessmentAction(detail.id, () =>
    assessmentApi.review(detail.id, item.id, {
      agreedAnswer: answer,
      externalComment: comment.trim() || null,
    }),
  );
  const measures = itemMeasures(detail, item);
  return (
    <Stack gap="sm">
      {row.returnComment && (
        <Alert color="red" title={t('lastReturnComment')}>
          {row.returnComment}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('unitClaim')}
          </Text>
          <AnswerView item={item} answer={row.answer as ItemAnswer | null} result={claimed} />
          {row.note && <Text size="sm">{row.note}</Text>}
          <ItemEvidence detail={detail} itemId={item.id} row={row} measures={measures} editable={false} />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('agreed')}
          </Text>
          {detail.can.review ? (
            <>
              <AnswerInput
                item={item}
                value={answer}
                onChange={onDraft}
                result={agreed}
                label={t('agreedInput')}
              />
              <Textarea
                label={t('externalComment')}
                autosize
                minRows={2}
                value={comment}
                onChange={(e) => onCommentDraft(e.currentTarget.value)}
                data-testid={`external-comment-${item.id}`}
              />
              <Group justify="flex-end">
                <SaveItemButton
                  save={save}
                  itemId={item.id}
                  onSaved={() => {
                    onDraft(undefined);
                    onCommentDraft(undefined);
                  }}
                  label={t('saveReview')}
                  testId={`review-save-${item.id}`}
                />
              </Group>
              {save.error && <ErrorAlert error={save.error} />}
              <Textarea
                label={t('returnCommentInput')}
                description={t('returnCommentHint')}
                autosize
                minRows={1}
                value={returnComment}
                onChange={(e) => onReturnComment(e.currentTarget.value)}
                data-testid={`return-comment-${item.id}`}
              />
            </>
          ) : (
            <>
              <AnswerView item={item} answer={saved} result={agreed} />
              {row.externalComment && <Text size="sm">{row.externalComment}</Text>}
            </>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
