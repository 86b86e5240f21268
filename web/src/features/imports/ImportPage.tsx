import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  Radio,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Permission } from '#contracts/roles.ts';
import type { Job } from '../../api/useJob.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import {
  downloadPreviewErrors,
  downloadTemplate,
  type ImportMode,
  type ImportPreview,
  type RowError,
  useCommit,
  useImportJob,
  useImportKinds,
  usePreview,
} from './api.ts';
import { ChangeList, ErrorTable, OutcomeCounts, PreviewTable } from './PreviewTables.tsx';

/** Where each list lives, for the summary's link. */
const LIST_PATH: Record<string, string> = {
  staff: '/staff',
  students: '/students',
  classes: '/classes',
  teaching_assignments: '/gradebook/assignments',
};

/** Permissions that open the wizard: the school records, or a kind with its own (teaching assignments). */
const IMPORT_PERMISSIONS: Permission[] = ['imports.run', 'gradebook.manage'];

export default function ImportPage() {
  const { can } = useWorkspace();
  const permission = IMPORT_PERMISSIONS.find((p) => can(p)) ?? 'imports.run';
  return (
    <RequirePermission permission={permission}>
      <ImportWizard />
    </RequirePermission>
  );
}

/** Choose kind → download template → upload → preview with errors → commit → progress → summary. */
function ImportWizard() {
  const { t } = useTranslation('imports');
  const { unitId, can } = useWorkspace();
  const [params] = useSearchParams();
  const kinds = useImportKinds();
  // Each kind names the permission its import needs; offer only the caller's (the server checks again).
  const offered = (kinds.data ?? []).filter((k) => can(k.permission as Permission));
  const [kind, setKind] = useState(params.get('kind') ?? 'students');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('create');
  // Update mode is offered for the kinds that can match rows to existing records (students so far).
  const updates = offered.find((k) => k.kind === kind)?.updates === true;
  const chosenMode: ImportMode = updates ? mode : 'create';
  const [step, setStep] = useState(0);
  const preview = usePreview();
  const commit = useCommit();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);

  const restart = () => {
    setFile(null);
    preview.reset();
    commit.reset();
    setJobId(null);
    setStep(1);
  };
  const check = () =>
    file && preview.mutate({ unitId, kind, mode: chosenMode, file }, { onSuccess: () => setStep(2) });
  const write = (fileId: string) =>
    commit.mutate(
      { unitId, kind, fileId, mode: preview.data?.mode ?? 'create' },
      {
        onSuccess: ({ jobId: id }) => {
          setJobId(id);
          setStep(3);
        },
      },
    );
  const template = () => downloadTemplate(kind).catch(notifyError);

  if (kinds.isPending) return <Loading />;
  return (
    <Stack>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ErrorAlert error={kinds.error ?? preview.error ?? commit.error} />
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} size="sm">
        <Stepper.Step label={t('stepKind')}>
          <Stack gap="sm" mt="md">
            <Radio.Group label={t('kind')} description={t('kindHint')} value={kind} onChange={setKind}>
              <Group mt="xs">
                {offered.map((k) => (
                  <Radio key={k.kind} value={k.kind} label={k.label} data-testid={`kind-${k.kind}`} />
                ))}
              </Group>
            </Radio.Group>
            <Group>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={template}>
                {t('downloadTemplate')}
              </Button>
              <Button onClick={() => setStep(1)} data-testid="import-next">
                {t('next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('stepUpload')}>
          <Stack gap="sm" mt="md" maw={520}>
            <FileInput
              label={t('file')}
              placeholder={t('chooseFile')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} />}
              value={file}
              onChange={setFile}
              clearable
              data-testid="import-file"
            />
            {updates && (
              <Radio.Group
                label={t('mode')}
                value={chosenMode}
                onChange={(value) => setMode(value as ImportMode)}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="create" label={t('modeCreate')} description={t('modeCreateHint')} />
                  <Radio
                    value="upsert"
                    label={t('modeUpsert')}
                    description={t('modeUpsertHint')}
                    data-testid="import-mode-upsert"
                  />
                </Stack>
              </Radio.Group>
            )}
            <Group>
              <Button variant="default" onClick={() => setStep(0)}>
                {t('back')}
              </Button>
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={!file}
                loading={preview.isPending}
                onClick={check}
                data-testid="import-check"
              >
                {t('check')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('stepPreview')}>
          {preview.data && (
            <PreviewStep
              preview={preview.data}
              committing={commit.isPending}
              onCommit={write}
              onRestart={restart}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('stepCommit')}>
          <CommitStep job={job.data} kind={kind} onRestart={restart} />
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

function PreviewStep({
  preview,
  committing,
  onCommit,
  onRestart,
}: {
  preview: ImportPreview;
  committing: boolean;
  onCommit(fileId: string): void;
  onRestart(): void;
}) {
  const { t } = useTranslation('imports');
  const upsert = preview.mode === 'upsert';
  return (
    <Stack gap="sm" mt="md">
      <Group gap="xs">
        <Badge variant="light">{preview.fileName}</Badge>
        <Text size="sm" c="dimmed">
          {t('rows', { count: preview.total })}
        </Text>
        {upsert && <OutcomeCounts counts={preview.counts} />}
      </Group>
      {preview.valid ? (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="import-valid">
          {upsert ? t('noErrorsUpsert', preview.counts) : t('noErrors', { count: preview.total })}
        </Alert>
      ) : (
        <Alert
          color="red"
          title={t('errorsTitle', { count: preview.errors.length })}
          data-testid="import-errors"
        >
          {t('errorsHint')}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={onRestart}>
          {t('uploadAgain')}
        </Button>
        {!preview.valid && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconDownload size={16} />}
            onClick={() => downloadPreviewErrors(preview).catch(notifyError)}
            data-testid="import-errors-download"
          >
            {t('downloadErrors')}
          </Button>
        )}
        {preview.valid && preview.fileId && (
          <Button
            loading={committing}
            onClick={() => preview.fileId && onCommit(preview.fileId)}
            disabled={upsert && preview.counts.created + preview.counts.changed === 0}
            data-testid="import-commit"
          >
            {upsert ? t('commitUpsert', preview.counts) : t('commit', { count: preview.total })}
          </Button>
        )}
      </Group>
      {preview.errors.length > 0 && <ErrorTable errors={preview.errors} />}
      {upsert && preview.counts.changed > 0 && <ChangeList preview={preview} />}
      <PreviewTable preview={preview} />
    </Stack>
  );
}

function CommitStep({ job, kind, onRestart }: { job: Job | undefined; kind: string; onRestart(): void }) {
  const { t } = useTranslation('imports');
  if (!job) return <Loading />;
  const failure = job.error as { message?: string; details?: { errors?: RowError[] } } | null;
  const result = job.result as {
    mode?: ImportMode;
    created?: number;
    updated?: number;
    unchanged?: number;
  } | null;
  const created = result?.created ?? 0;
  const percent = job.progressTotal ? (job.progressDone * 100) / job.progressTotal : 0;
  return (
    <Stack gap="sm" mt="md">
      {(job.status === 'queued' || job.status === 'running') && (
        <Stack gap={4} data-testid="import-progress">
          <Text size="sm">
            {job.status === 'queued'
              ? t('queued')
              : job.progressTotal
                ? t('progress', { done: job.progressDone, total: job.progressTotal })
                : t('checking')}
          </Text>
          <Progress value={percent} animated size="lg" aria-label={t('progressLabel')} />
        </Stack>
      )}
      {job.status === 'succeeded' && (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="import-done">
          <Stack gap={4}>
            <Text size="sm">
              {result?.mode === 'upsert'
                ? t('succeededUpsert', {
                    created,
                    updated: result.updated ?? 0,
                    unchanged: result.unchanged ?? 0,
                  })
                : t('succeeded', { count: created })}
            </Text>
            <Group gap="md">
              <Anchor component={Link} to={LIST_PATH[kind] ?? '/'} size="sm">
                {t('openList')}
              </Anchor>
              <Anchor component="button" size="sm" onClick={onRestart}>
                {t('another')}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      )}
      {job.status === 'failed' && (
        <>
          <Alert color="red" title={t('failed')} data-testid="import-failed">
            {failure?.message}
          </Alert>
          {failure?.details?.errors && <ErrorTable errors={failure.details.errors} />}
          <Button variant="default" onClick={onRestart} w="fit-content">
            {t('uploadAgain')}
          </Button>
        </>
      )}
    </Stack>
  );
}
