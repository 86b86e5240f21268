import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '../api/useJob.ts';

/**
 * A long job while it waits or runs: its phase in words (the job's own message, e.g. "Đang tính kết quả học kì I:
 * lớp 6A1"), how far it is ("3/12 lớp") and a labelled bar — never a bare spinner. `unit` names what is counted.
 */
export function JobProgress({ job, unit }: { job: Job | undefined; unit?: string }) {
  const { t } = useTranslation('common');
  const phase = !job
    ? t('jobStarting')
    : job.status === 'queued'
      ? t('jobQueued')
      : (job.message ?? t('jobRunning'));
  const counted = job && job.progressTotal > 0;
  const value = counted ? (100 * job.progressDone) / job.progressTotal : 0;
  return (
    <Stack gap={4} data-testid="job-progress">
      <Text size="sm" fw={500} data-testid="job-phase">
        {phase}
      </Text>
      <Progress value={counted ? value : 100} animated striped={!counted} aria-label={phase} />
      {counted && (
        <Text size="xs" c="gray.7" data-testid="job-count">
          {t('jobCount', { done: job.progressDone, total: job.progressTotal, unit: unit ?? '' }).trim()}
        </Text>
      )}
    </Stack>
  );
}
