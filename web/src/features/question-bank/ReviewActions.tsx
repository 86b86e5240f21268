import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '#contracts/questions.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { useReviewQuestion } from './api.ts';

/**
 * Review buttons of a question, only those that work for the caller (the API says canEdit/canReview): the author
 * sends a draft or a returned question for review; a reviewer approves or returns a submitted one with a note.
 */
export function ReviewActions({ question, onDone }: { question: Question; onDone?: (q: Question) => void }) {
  const { t } = useTranslation('questionBank');
  const review = useReviewQuestion();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const decide = (decision: 'submit' | 'approve' | 'reject', reviewNote?: string) =>
    review.mutate(
      { id: question.id, decision, note: reviewNote, version: question.version },
      {
        onSuccess: (saved) => {
          notifySaved(t(`decided.${decision}`));
          setRejecting(false);
          onDone?.(saved);
        },
        onError: notifyError,
      },
    );
  const canSubmit =
    question.canEdit &&
    question.isMine &&
    (question.reviewState === 'draft' || question.reviewState === 'rejected');
  const canDecide = question.canReview && question.reviewState === 'submitted';
  if (!canSubmit && !canDecide) return null;
  return (
    <Group gap="xs">
      {canSubmit && (
        <Button size="xs" variant="light" loading={review.isPending} onClick={() => decide('submit')}>
          {t('submit')}
        </Button>
      )}
      {canDecide && (
        <>
          <Button size="xs" color="teal" loading={review.isPending} onClick={() => decide('approve')}>
            {t('approve')}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={() => setRejecting(true)}>
            {t('reject')}
          </Button>
        </>
      )}
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t('rejectTitle')} centered>
        <Stack>
          <Textarea
            label={t('rejectNote')}
            required
            autosize
            minRows={3}
            value={note}
            error={noteError}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
            data-testid="reject-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              loading={review.isPending}
              onClick={() => {
                if (!note.trim()) setNoteError(t('rejectNoteRequired'));
                else decide('reject', note.trim());
              }}
            >
              {t('reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
