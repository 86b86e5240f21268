import { Alert, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { jobErrorMessage } from '../../api/useJob.ts';
import { JobProgress } from '../../ui/JobProgress.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { type IncompleteStudent, useResultsJob } from './api.ts';

/** The close job's result (results/close.ts CloseSummary). */
interface CloseOutcome {
  scope: 'term1' | 'term2' | 'year';
  schoolYear: string;
  students?: number;
  classified?: number;
  incomplete?: IncompleteStudent[];
}

/** The close job: its phase and counts while it runs, then which close it was and who lacks scores. */
export function JobStatus({ jobId }: { jobId: string }) {
  const { t } = useTranslation('results');
  const job = useResultsJob(jobId);
  const data = job.data;
  const succeeded = data?.status === 'succeeded' ? (data.result as CloseOutcome) : null;
  // Say which close ran ("Đã tổng kết học kì I" / "Đã tổng kết năm học"), once, when the job ends. Not "khoá sổ":
  // the close computes results; locking the gradebook is the term's lock (gradebook/terms.ts).
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (!succeeded || notified.current === jobId) return;
    notified.current = jobId;
    notifySaved(t(`closed_${succeeded.scope}`, { year: succeeded.schoolYear }));
  }, [succeeded, jobId, t]);
  if (!data || (data.status !== 'succeeded' && data.status !== 'failed')) {
    return <JobProgress job={data} unit={t('classesUnit')} />;
  }
  if (data.status === 'failed') {
    const message = jobErrorMessage(data) ?? '';
    return <Alert color="red">{t('jobFailed', { message })}</Alert>;
  }
  const result = data.result as CloseOutcome;
  return (
    <Alert
      color={(result.incomplete?.length ?? 0) > 0 ? 'yellow' : 'teal'}
      title={t(`closed_${result.scope}`, { year: result.schoolYear })}
      data-testid="job-done"
    >
      <Text size="sm">{t('jobDone', { classified: result.classified, students: result.students })}</Text>
      {(result.incomplete?.length ?? 0) > 0 && (
        <>
          <Text size="sm" fw={500} mt="xs">
            {t('incomplete', { count: result.incomplete?.length })}
          </Text>
          <List size="sm">
            {result.incomplete?.slice(0, 50).map((s) => (
              <List.Item key={s.studentId}>
                {s.className} — {s.fullName}: {s.missing.join('; ')}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
