import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconChecks, IconChevronLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ItemAnswer, scoreAssessment } from '#domain/assessment-catalogue/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type AssessmentDetail, assessmentApi, useAssessment, useAssessmentAction } from './api.ts';
import { CriteriaGroups, DocumentButtons } from './CriteriaGroups.tsx';
import { EventHistory } from './EventHistory.tsx';
import { formatDate, STATUS_COLOR } from './format.ts';
import { ReviewItemPanel } from './ReviewItemPanel.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';

/** The office's review of one unit: claims and evidence, agreed points, comments, return or close. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  const query = useAssessment(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <ReviewView detail={query.data} />;
}

function ReviewView({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation('assessments');
  const [drafts, setDrafts] = useState<Record<string, ItemAnswer | null | undefined>>({});
  const [commentDrafts, setCommentDrafts] = useState<Record<string, string | undefined>>({});
  const [returnComments, setReturnComments] = useState<Record<string, string>>({});
  // Agreed points or comments typed and not saved: closing the review saves them first, so the frozen external
  // result is what the screen shows.
  const unsaved = detail.items
    .filter((row) => {
      const comment = commentDrafts[row.itemId];
      return (
        drafts[row.itemId] !== undefined ||
        (comment !== undefined && comment.trim() !== (row.externalComment ?? ''))
      );
    })
    .map((row) => ({
      itemId: row.itemId,
      agreedAnswer: drafts[row.itemId] === undefined ? (row.agreedAnswer ?? row.answer) : drafts[row.itemId],
      externalComment: (commentDrafts[row.itemId] ?? row.externalComment ?? '').trim() || null,
    }));
  const clearDrafts = () => {
    setDrafts({});
    setCommentDrafts({});
  };
  const claimed = useMemo(() => {
    const answers = Object.fromEntries(
      detail.items.filter((r) => r.answer).map((r) => [r.itemId, r.answer as ItemAnswer]),
    );
    return scoreAssessment(detail.catalogue, answers);
  }, [detail]);
  const agreed = useMemo(() => {
    const answers: Record<string, ItemAnswer | undefined> = {};
    for (const row of detail.items) {
      const draft = drafts[row.itemId];
      const answer = draft === undefined ? ((row.agreedAnswer ?? row.answer) as ItemAnswer | null) : draft;
      if (answer) answers[row.itemId] = answer;
    }
    return scoreAssessment(detail.catalogue, answers);
  }, [detail, drafts]);
  return (
    <Stack>
      <Button
        component={Link}
        to={`/assessment-campaigns/${detail.campaign.id}`}
        variant="subtle"
        leftSection={<IconChevronLeft size={16} />}
        w="fit-content"
        px={0}
      >
        {detail.campaign.title}
      </Button>
      <PageHeader
        title={detail.unitName}
        subtitle={`${t('reviewTitle')} · ${t('submittedAt')}: ${formatDate(detail.submittedAt)}`}
        actions={
          <Badge size="lg" color={STATUS_COLOR[detail.status]} data-testid="assessment-status">
            {t(`status_${detail.status}`)}
          </Badge>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ScoreSummary
          catalogue={detail.catalogue}
          result={detail.selfResult ?? claimed}
          title={t('selfResultFrozen')}
        />
        <ScoreSummary
          catalogue={detail.catalogue}
          result={detail.externalResult ?? agreed}
          title={detail.externalResult ? t('externalResult') : t('agreedLive')}
          testId="agreed-summary"
        />
      </SimpleGrid>
      <Group gap="xs">
        <DocumentButtons detail={detail} />
        {detail.can.review && (
          <ReviewActions
            detail={detail}
            returnComments={returnComments}
            unsaved={unsaved}
            onUnsavedSaved={clearDrafts}
          />
        )}
      </Group>
      <CriteriaGroups
        detail={detail}
        result={claimed}
        testIdPrefix="review-item-"
        renderPanel={(item, row) => (
          <ReviewItemPanel
            detail={detail}
            item={item}
            row={row}
            claimed={claimed.items.find((i) => i.id === item.id)}
            agreed={agreed.items.find((i) => i.id === item.id)}
            draft={drafts[item.id]}
            onDraft={(answer) => setDrafts((d) => ({ ...d, [item.id]: answer }))}
            commentDraft={commentDrafts[item.id]}
            onCommentDraft={(comment) => setCommentDrafts((c) => ({ ...c, [item.id]: comment }))}
            returnComment={returnComments[item.id] ?? ''}
            onReturnComment={(comment) => setReturnComments((c) => ({ ...c, [item.id]: comment }))}
          />
        )}
      />
      <EventHistory events={detail.events} />
    </Stack>
  );
}

interface UnsavedReview {
  itemId: string;
  agreedAnswer: unknown;
  externalComment: string | null;
}

function ReviewActions({
  detail,
  returnComments,
  unsaved,
  onUnsavedSaved,
}: {
  detail: AssessmentDetail;
  returnComments: Record<string, string>;
  unsaved: UnsavedReview[];
  onUnsavedSaved(): void;
}) {
  const { t } = useTranslation('assessments');
  const [mode, setMode] = useState<'return' | 'close' | null>(null);
  const [opened, { open, close }] = useDisclosure();
  const [comment, setComment] = useState('');
  const items = Object.entries(returnComments)
    .filter(([, text]) => text.trim())
    .map(([itemId, text]) => ({ itemId, comment: text.trim() }));
  const returnIt = useAssessmentAction(
    detail.id,
    () => assessmentApi.returnToUnit(detail.id, { comment, items }),
    t('returned'),
  );
  const closeIt = useAssessmentAction(
    detail.id,
    async () => {
      // Save the agreed points on screen first; a refused one stops here, and the review stays open.
      for (const u of unsaved)
        await assessmentApi.review(detail.id, u.itemId, {
          agreedAnswer: u.agreedAnswer,
          externalComment: u.externalComment,
        });
      if (unsaved.length > 0) onUnsavedSaved();
      return assessmentApi.closeReview(detail.id, comment.trim() || undefined);
    },
    t('reviewClosed'),
  );
  const action = mode === 'return' ? returnIt : closeIt;
  const start = (next: 'return' | 'close') => {
    setMode(next);
    setComment('');
    open();
  };
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconArrowBackUp size={16} />}
        onClick={() => start('return')}
        data-testid="return"
      >
        {t('returnToUnit')}
      </Button>
      <Button
        color="teal"
        leftSection={<IconChecks size={16} />}
        onClick={() => start('close')}
        data-testid="close-review"
      >
        {t('closeReview')}
      </Button>
      <Modal opened={opened} onClose={close} title={mode === 'return' ? t('returnToUnit') : t('closeReview')}>
        <Stack>
          {mode === 'return' ? (
            <Text size="sm">{t('returnExplain', { count: items.length })}</Text>
          ) : (
            <Text size="sm">{t('closeExplain')}</Text>
          )}
          {mode === 'close' && unsaved.length > 0 && (
            <Alert color="orange" data-testid="unsaved-agreed">
              {t('unsavedAgreed', { count: unsaved.length, items: unsaved.map((u) => u.itemId).join(', ') })}
            </Alert>
          )}
          {mode === 'return' &&
            items.map((i) => (
              <Text key={i.itemId} size="xs">
                {i.itemId}: {i.comment}
              </Text>
            ))}
          <Textarea
            label={mode === 'return' ? t('returnOverall') : t('closeComment')}
            required={mode === 'return'}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="action-comment"
          />
          {action.error && <ErrorAlert error={action.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              color={mode === 'return' ? 'red' : 'teal'}
              loading={action.isPending}
              onClick={() => action.mutate(undefined, { onSuccess: close })}
              data-testid="action-confirm"
            >
              {mode === 'return'
                ? t('returnToUnit')
                : unsaved.length > 0
                  ? t('saveAndClose')
                  : t('closeReview')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
