import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowForward, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLLOVER_OUTCOMES, type RolloverOutcomeKind } from '#contracts/rollover.ts';
import { nextSchoolYear } from '#domain/calendar/index.ts';
import { jobErrorMessage } from '../../api/useJob.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReasonButton } from '../../ui/ReasonButton.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useHomeroomCandidates } from '../classes/api.ts';
import {
  type RolloverOutcome,
  type RolloverPreview,
  useQueueRollover,
  useResultsJob,
  useRolloverPreview,
  useSaveRolloverPlan,
} from './api.ts';
import { RolloverSummary } from './RolloverSummary.tsx';

/** Shade 9 of each colour: figures on a white card keep AA contrast (yellow and lighter shades do not). */
const OUTCOME_COLOR: Record<RolloverOutcomeKind, string> = {
  promoted: 'teal.9',
  retained: 'orange.9',
  graduated: 'blue.9',
  pending: 'violet.9',
  left: 'gray.9',
};

/** A class's planned homeroom teacher and room as the principal is editing them. */
type PlanEdit = { homeroomTeacherId: string | null; room: string };

/**
 * Chuyển năm học: the principal sees who is promoted, retained, graduated, still pending or gone, by name; plans the
 * homeroom teacher and room of each class the rollover creates; runs it; and reads the outcome by name.
 */
export default function RolloverPage() {
  return (
    <RequirePermission permission="gradebook.manage">
      <RolloverView />
    </RequirePermission>
  );
}

function RolloverView() {
  const { t } = useTranslation('results');
  const { unitId, schoolYear } = useWorkspace();
  const input = schoolYear ? { unitId, fromYear: schoolYear, toYear: nextSchoolYear(schoolYear) } : null;
  const preview = useRolloverPreview(input);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useResultsJob(jobId);
  if (!input) return <Text c="dimmed">{t('noYear')}</Text>;
  const outcome = job.data?.status === 'succeeded' ? (job.data.result as RolloverOutcome) : null;
  return (
    <Stack>
      <PageHeader
        title={t('rollover', { year: input.toYear })}
        subtitle={t('rolloverSubtitle', { from: input.fromYear })}
      />
      {preview.error && <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} />}
      {preview.isPending && <Loading />}
      {preview.data && (
        <>
          {preview.data.done && !outcome && (
            <div data-testid="rollover-done">
              <RolloverSummary outcome={{ ...preview.data, written: 0 }} />
            </div>
          )}
          <PlanCard preview={preview.data} input={input} onQueued={setJobId} />
          {job.data?.status === 'failed' && (
            <Alert color="red">{t('jobFailed', { message: jobErrorMessage(job.data) ?? '' })}</Alert>
          )}
          {jobId && job.data?.status !== 'succeeded' && job.data?.status !== 'failed' && (
            <JobProgress job={job.data} unit={t('studentsUnit')} />
          )}
          {outcome && (
            <div data-testid="rollover-result">
              <RolloverSummary outcome={outcome} />
            </div>
          )}
          <OutcomeLists outcome={outcome ?? preview.data} final={Boolean(outcome)} />
        </>
      )}
    </Stack>
  );
}

/** The new classes with their planned teacher and room, saved as the plan; the button that runs the rollover. */
function PlanCard({
  preview,
  input,
  onQueued,
}: {
  preview: RolloverPreview;
  input: { unitId: string; fromYear: string; toYear: string };
  onQueued: (jobId: string) => void;
}) {
  const { t } = useTranslation('results');
  const candidates = useHomeroomCandidates(input.unitId, true);
  const save = useSaveRolloverPlan();
  const queue = useQueueRollover();
  const [edits, setEdits] = useState<Record<string, PlanEdit>>({});
  const [confirming, confirm] = useDisclosure();
  const planned = preview.classes.filter((c) => !c.exists);
  const planOf = (name: string): PlanEdit => {
    const c = preview.classes.find((x) => x.name === name);
    return edits[name] ?? { homeroomTeacherId: c?.homeroomTeacherId ?? null, room: c?.room ?? '' };
  };
  const edit = (name: string, patch: Partial<PlanEdit>) =>
    setEdits((all) => ({ ...all, [name]: { ...planOf(name), ...patch } }));
  const body = {
    ...input,
    classes: planned.map((c) => ({ name: c.name, ...planOf(c.name) })),
  };
  const teachers = (candidates.data ?? []).map((c) => ({ value: c.id, label: c.fullName }));
  // A teacher planned for two classes of the new year (or already homeroom of one): said, not refused.
  const homeroomCount = new Map<string, number>();
  for (const c of preview.classes) {
    const id = c.exists ? c.homeroomTeacherId : planOf(c.name).homeroomTeacherId;
    if (id) homeroomCount.set(id, (homeroomCount.get(id) ?? 0) + 1);
  }
  const saving = save.isPending || queue.isPending;
  const run = async () => {
    try {
      if (planned.length > 0) await save.mutateAsync(body);
      const { jobId } = await queue.mutateAsync(input);
      setEdits({});
      confirm.close();
      onQueued(jobId);
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('rolloverClasses', { year: input.toYear })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rolloverClassesHint')}
        </Text>
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={4} data-testid="rollover-classes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('className')}</Table.Th>
                <Table.Th>{t('incoming')}</Table.Th>
                <Table.Th>{t('homeroomTeacher')}</Table.Th>
                <Table.Th>{t('room')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.classes.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {c.name}
                      </Text>
                      {c.exists && (
                        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                          {t('classExists')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.incoming}</Table.Td>
                  <Table.Td miw={200}>
                    {c.exists ? (
                      <Text size="sm">{c.homeroomTeacherName ?? '—'}</Text>
                    ) : (
                      <Select
                        size="xs"
                        aria-label={t('homeroomTeacherOf', { name: c.name })}
                        data={teachers}
                        value={planOf(c.name).homeroomTeacherId}
                        onChange={(v) => edit(c.name, { homeroomTeacherId: v })}
                        placeholder={t('chooseTeacher')}
                        error={
                          (homeroomCount.get(planOf(c.name).homeroomTeacherId ?? '') ?? 0) > 1
                            ? t('teacherTwice')
                            : undefined
                        }
                        searchable
                        clearable
                      />
                    )}
                  </Table.Td>
                  <Table.Td miw={110}>
                    {c.exists ? (
                      <Text size="sm">{c.room ?? '—'}</Text>
                    ) : (
                      <TextInput
                        size="xs"
                        aria-label={t('roomOf', { name: c.name })}
                        value={planOf(c.name).room}
                        onChange={(e) => edit(c.name, { room: e.currentTarget.value })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end" wrap="wrap">
          <ReasonButton
            variant="light"
            leftSection={<IconDeviceFloppy size={16} />}
            reason={planned.length === 0 ? t('noClassToPlan') : null}
            loading={save.isPending}
            onClick={() =>
              save.mutate(body, {
                onSuccess: () => {
                  setEdits({});
                  notifySaved(t('planSaved'));
                },
                onError: notifyError,
              })
            }
            testId="save-plan"
          >
            {t('savePlan')}
          </ReasonButton>
          <Button
            leftSection={<IconArrowForward size={16} />}
            onClick={confirm.open}
            data-testid="run-rollover"
          >
            {t('rollover', { year: input.toYear })}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('rollover', { year: input.toYear })}
        confirmLabel={t('rollover', { year: input.toYear })}
        color="blue"
        loading={saving}
        onClose={confirm.close}
        onConfirm={() => void run()}
      >
        {t('rolloverConfirm', { year: input.toYear })}
      </ConfirmModal>
    </Card>
  );
}

/** Students of the finished year by what the rollover does with them, each list by name with old and new class. */
function OutcomeLists({ outcome, final }: { outcome: RolloverOutcome; final: boolean }) {
  const { t } = useTranslation('results');
  // Students left behind are what the principal has to act on: their list opens first.
  const [tab, setTab] = useState<string | null>(outcome.pending.length > 0 ? 'pending' : 'promoted');
  return (
    <Card withBorder data-testid={final ? 'rollover-outcome' : 'rollover-preview'}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {final ? t('rolloverOutcomeTitle') : t('rolloverPreviewTitle')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          {ROLLOVER_OUTCOMES.map((kind) => (
            <Card key={kind} withBorder padding="xs">
              <Text size="xs" c="dimmed">
                {t(`outcome.${kind}`)}
              </Text>
              <Text fw={700} c={OUTCOME_COLOR[kind]}>
                {outcome[kind].length}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            {ROLLOVER_OUTCOMES.map((kind) => (
              <Tabs.Tab key={kind} value={kind}>
                {t(`outcome.${kind}`)} ({outcome[kind].length})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {ROLLOVER_OUTCOMES.map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="xs">
              {outcome[kind].length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('nobody')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={320} maxHeight={420}>
                  <Table striped stickyHeader verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('fullName')}</Table.Th>
                        <Table.Th>{t('fromClass')}</Table.Th>
                        <Table.Th>{t('toClass')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {outcome[kind].map((s) => (
                        <Table.Tr key={s.studentId}>
                          <Table.Td>{s.fullName}</Table.Td>
                          <Table.Td>{s.fromClass}</Table.Td>
                          <Table.Td>{s.toClass ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Card>
  );
}
