import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  FileInput,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChartBar, IconFile, IconLink, IconNote, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ItemAnswer, type MeasuredGap, measuredGaps } from '#domain/assessment-catalogue/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import {
  type AssessmentDetail,
  assessmentApi,
  type Evidence,
  useEvidenceAction,
  useMetricDrillDown,
} from './api.ts';
import { formatPoints } from './format.ts';

type Measure = AssessmentDetail['measures'][number];

const ICONS = { file: IconFile, link: IconLink, metric: IconChartBar, text: IconNote } as const;

function EvidenceRow({
  assessmentId,
  evidence,
  onDelete,
}: {
  assessmentId: string;
  evidence: Evidence;
  onDelete?: () => void;
}) {
  const { t } = useTranslation('assessments');
  const Icon = ICONS[evidence.kind];
  const download = () => assessmentApi.downloadEvidence(assessmentId, evidence).catch(notifyError);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Icon size={16} style={{ flexShrink: 0, marginTop: 3 }} />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        {evidence.kind === 'file' && (
          <Anchor size="sm" onClick={download} style={{ wordBreak: 'break-word' }}>
            {evidence.fileName}
          </Anchor>
        )}
        {evidence.kind === 'link' && evidence.url && (
          <Anchor
            size="sm"
            href={evidence.url}
            target="_blank"
            rel="noreferrer"
            style={{ wordBreak: 'break-all' }}
          >
            {evidence.url}
          </Anchor>
        )}
        {evidence.kind === 'metric' && (
          <Text size="sm">
            {t('measuredAtAttach')}: {evidence.metricSummary}
          </Text>
        )}
        {evidence.description && evidence.kind !== 'metric' && (
          <Text size="xs" c="dimmed">
            {evidence.description}
          </Text>
        )}
      </Stack>
      {onDelete && (
        <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('deleteEvidence')}>
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

/** Evidence of one criterion: the list, and (when editable) upload a file, add a link or attach a measured value. */
export function EvidencePanel({
  assessmentId,
  itemId,
  evidence,
  measures,
  editable,
}: {
  assessmentId: string;
  itemId: string;
  evidence: Evidence[];
  measures: Measure[];
  editable: boolean;
}) {
  const { t } = useTranslation('assessments');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const upload = useEvidenceAction(
    assessmentId,
    (chosen: File) => assessmentApi.uploadEvidence(assessmentId, itemId, chosen),
    t('evidenceAdded'),
  );
  const add = useEvidenceAction(
    assessmentId,
    (body: unknown) => assessmentApi.addEvidence(assessmentId, itemId, body),
    t('evidenceAdded'),
  );
  const remove = useEvidenceAction(
    assessmentId,
    (id: string) => assessmentApi.removeEvidence(assessmentId, id),
    t('evidenceRemoved'),
  );
  const error = upload.error ?? add.error ?? remove.error;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('evidence')} ({evidence.length})
      </Text>
      {evidence.length === 0 && (
        <Text size="xs" c="orange">
          {t('noEvidence')}
        </Text>
      )}
      {evidence.map((e) => (
        <EvidenceRow
          key={e.id}
          assessmentId={assessmentId}
          evidence={e}
          onDelete={editable ? () => remove.mutate(e.id) : undefined}
        />
      ))}
      {editable && (
        <Stack gap="xs">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <FileInput
              size="xs"
              placeholder={t('chooseFile')}
              value={file}
              onChange={setFile}
              clearable
              style={{ flex: 1, minWidth: 180 }}
              aria-label={`${t('evidenceFile')} ${itemId}`}
              data-testid={`evidence-file-${itemId}`}
            />
            <Button
              size="xs"
              leftSection={<IconUpload size={14} />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
              data-testid={`evidence-upload-${itemId}`}
            >
              {t('upload')}
            </Button>
          </Group>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              size="xs"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
              aria-label={`${t('evidenceLink')} ${itemId}`}
              data-testid={`evidence-link-${itemId}`}
            />
            <Button
              size="xs"
              variant="light"
              leftSection={<IconLink size={14} />}
              disabled={!url.trim()}
              loading={add.isPending}
              onClick={() => add.mutate({ kind: 'link', url: url.trim() }, { onSuccess: () => setUrl('') })}
              data-testid={`evidence-add-link-${itemId}`}
            >
              {t('addLink')}
            </Button>
          </Group>
          {measures.map((m) =>
            m.available ? (
              <Button
                key={m.metricId}
                size="xs"
                variant="subtle"
                leftSection={<IconChartBar size={14} />}
                onClick={() => add.mutate({ kind: 'metric', metricId: m.metricId })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('attachMetric', { label: m.label })}
              </Button>
            ) : null,
          )}
        </Stack>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}

/** The rows behind a measured value (who has no account, which class has no marks), in a dialog. */
function DrillDown({
  assessmentId,
  metricId,
  onClose,
}: {
  assessmentId: string;
  metricId: string;
  onClose(): void;
}) {
  const { t } = useTranslation('dxDashboard');
  const query = useMetricDrillDown(assessmentId, metricId);
  // Rows have no id (two pupils may share a name): number them before putting the missing ones first.
  const rows = (query.data?.rows ?? []).map((r, n) => ({ ...r, n }));
  return (
    <Modal opened onClose={onClose} title={query.data?.label ?? t('drillDown')} size="lg">
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && (
        <Stack gap="xs">
          <Text size="sm">
            {t('drillDownCount', { ok: rows.filter((r) => r.ok).length, total: rows.length })}
          </Text>
          <Table.ScrollContainer minWidth={360}>
            <Table striped>
              <Table.Tbody>
                {[...rows]
                  .sort((a, b) => Number(a.ok) - Number(b.ok))
                  .map((r) => (
                    <Table.Tr key={r.n}>
                      <Table.Td>
                        <Badge color={r.ok ? 'teal' : 'red'} variant="light">
                          {r.ok ? t('rowOk') : t('rowMissing')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{r.label}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {r.detail}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * Values the platform measures for a criterion, shown beside the claim ("chưa đo được" when none yet): the points
 * the value is worth next to the points claimed, flagged when they differ by a quarter of the maximum or more,
 * and the rows behind the value.
 */
export function MeasuredValues({
  assessmentId,
  measures,
  gaps = [],
}: {
  assessmentId?: string;
  measures: Measure[];
  gaps?: MeasuredGap[];
}) {
  const { t } = useTranslation('assessments');
  const { t: td } = useTranslation('dxDashboard');
  const [open, setOpen] = useState<string | null>(null);
  if (measures.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('measured')}
      </Text>
      {measures.map((m) => (
        <Stack key={m.metricId} gap={2}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" color={m.available ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
              {m.available ? m.summary : t('notMeasured')}
            </Badge>
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>
              {m.label}
            </Text>
            {m.available && assessmentId && (
              <Anchor size="xs" onClick={() => setOpen(m.metricId)} data-testid={`drill-${m.metricId}`}>
                {td('drillDown')}
              </Anchor>
            )}
          </Group>
          {gaps
            .filter((g) => g.metricId === m.metricId)
            .map((g) => (
              <Group key={g.ownerId} gap="xs" pl="sm" data-testid={`gap-${g.ownerId}`}>
                <Text size="xs">
                  {td('gapLine', {
                    owner: g.ownerId,
                    measured: formatPoints(g.measuredPoints),
                    max: formatPoints(g.maxPoints),
                    claimed: g.claimedPoints === null ? '—' : formatPoints(g.claimedPoints),
                  })}
                </Text>
                {g.large && (
                  <Badge color="red" size="sm">
                    {td('largeGap')}
                  </Badge>
                )}
              </Group>
            ))}
        </Stack>
      ))}
      {open && assessmentId && (
        <DrillDown assessmentId={assessmentId} metricId={open} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}

/** What supports a claim: the values the platform measures for the criterion, then its evidence. */
export function ItemEvidence({
  detail,
  itemId,
  row,
  measures,
  editable,
}: {
  detail: AssessmentDetail;
  itemId: string;
  row: AssessmentDetail['items'][number];
  measures: Measure[];
  editable: boolean;
}) {
  const gaps = measuredGaps(detail.catalogue, itemId, row.answer as ItemAnswer | null, measures);
  return (
    <>
      <MeasuredValues assessmentId={detail.id} measures={measures} gaps={gaps} />
      <Divider />
      <EvidencePanel
        assessmentId={detail.id}
        itemId={itemId}
        evidence={row.evidence}
        measures={measures}
        editable={editable}
      />
    </>
  );
}
