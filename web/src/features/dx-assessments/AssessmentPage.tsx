import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconSend, IconWorld } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ItemAnswer, scoreAssessment } from '#domain/assessment-catalogue/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  type AssessmentDetail,
  assessmentApi,
  useAssessment,
  useAssessmentAction,
  useAssignableUsers,
} from './api.ts';
import { CriteriaGroups, DocumentButtons } from './CriteriaGroups.tsx';
import { EventHistory } from './EventHistory.tsx';
import { formatDate, STATUS_COLOR } from './format.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { PullMeasuredButton } from './PullMeasuredButton.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';

type Drafts = Record<string, ItemAnswer | null | undefined>;

/** The unit's own assessment: criteria by group with live totals, evidence, approval, documents, submission. */
export default function AssessmentPage() {
  const { id = '' } = useParams();
  const query = useAssessment(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <AssessmentView detail={query.data} />;
}

function AssessmentView({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation('assessments');
  const [drafts, setDrafts] = useState<Drafts>({});
  const users = useAssignableUsers(detail.id, detail.can.assign);
  // Live totals: the saved claims with the unsaved edits on top, scored by the same engine as the server.
  const live = useMemo(() => {
    const answers: Record<string, ItemAnswer | undefined> = {};
    for (const row of detail.items) {
      const draft = drafts[row.itemId];
      const answer = draft === undefined ? (row.answer as ItemAnswer | null) : draft;
      if (answer) answers[row.itemId] = answer;
    }
    return scoreAssessment(detail.catalogue, answers);
  }, [detail, drafts]);
  const returned =
    detail.status === 'returned' ? detail.events.filter((e) => e.action === 'returned').at(-1) : undefined;
  return (
    <Stack>
      <PageHeader
        title={detail.campaign.title}
        subtitle={`${detail.unitName} · ${detail.catalogue.title} · ${t('deadline')}: ${formatDate(detail.campaign.submissionDeadline)}`}
        actions={
          <Badge size="lg" color={STATUS_COLOR[detail.status]} data-testid="assessment-status">
            {t(`status_${detail.status}`)}
          </Badge>
        }
      />
      {returned && (
        <Alert color="red" title={t('returnedTitle')} data-testid="returned-alert">
          {returned.comment}
        </Alert>
      )}
      {detail.recognisedLabel && (
        <Alert color="green" title={t('recognisedTitle', { number: detail.decisionNumber })}>
          <Group gap="xs">
            <Text fw={700}>{detail.recognisedLabel}</Text>
            <Button
              component={Link}
              to={`/cong-khai/danh-gia/${detail.unitId}`}
              size="xs"
              variant="subtle"
              leftSection={<IconWorld size={14} />}
            >
              {t('publicPage')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: detail.externalResult ? 2 : 1 }}>
        <ScoreSummary
          catalogue={detail.catalogue}
          result={detail.selfResult && detail.can.editItems.length === 0 ? detail.selfResult : live}
          title={
            detail.selfResult && detail.can.editItems.length === 0
              ? t('selfResultFrozen')
              : t('selfResultLive')
          }
          testId="self-summary"
        />
        {detail.externalResult && (
          <ScoreSummary
            catalogue={detail.catalogue}
            result={detail.externalResult}
            title={t('externalResult')}
          />
        )}
      </SimpleGrid>
      <Actions detail={detail} unanswered={live.completeness.unanswered.length} />
      <PullMeasuredButton detail={detail} />
      <CriteriaGroups
        detail={detail}
        result={live}
        testIdPrefix="item-"
        renderPanel={(item, row) => (
          <ItemEditor
            detail={detail}
            item={item}
            row={row}
            result={live.items.find((i) => i.id === item.id)}
            draft={drafts[item.id]}
            onDraft={(answer) => setDrafts((d) => ({ ...d, [item.id]: answer }))}
            users={users.data ?? []}
          />
        )}
      />
      <EventHistory events={detail.events} />
    </Stack>
  );
}

function Actions({ detail, unanswered }: { detail: AssessmentDetail; unanswered: number }) {
  const { t } = useTranslation('assessments');
  const [opened, { open, close }] = useDisclosure();
  const [comment, setComment] = useState('');
  const approve = useAssessmentAction(
    detail.id,
    () => assessmentApi.approve(detail.id, comment.trim() || undefined),
    t('approved'),
  );
  const submit = useAssessmentAction(detail.id, () => assessmentApi.submit(detail.id), t('submitted'));
  if (!detail.can.approve && !detail.can.submit && !detail.can.documents) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {detail.can.approve && (
          <Button leftSection={<IconCheck size={16} />} onClick={open} data-testid="approve">
            {t('approve')}
          </Button>
        )}
        {detail.can.submit && (
          <Button
            color="indigo"
            leftSection={<IconSend size={16} />}
            loading={submit.isPending}
            onClick={() => submit.mutate(undefined)}
            data-testid="submit"
          >
            {t('submit')}
          </Button>
        )}
        <DocumentButtons detail={detail} />
      </Group>
      {submit.error && <ErrorAlert error={submit.error} />}
      <Modal opened={opened} onClose={close} title={t('approveTitle')}>
        <Stack>
          <Text size="sm">
            {unanswered > 0 ? t('approveIncomplete', { count: unanswered }) : t('approveExplain')}
          </Text>
          <Textarea
            label={t('approveComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {approve.error && <ErrorAlert error={approve.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              loading={approve.isPending}
              onClick={() => approve.mutate(undefined, { onSuccess: close })}
              data-testid="approve-confirm"
            >
              {t('approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
