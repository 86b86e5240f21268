import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '#contracts/jobs.ts';
import { apiGet } from './client.ts';

export type { Job };

/** Often enough for the progress bar to move, rarely enough for two cores serving a school. */
const POLL_MS = 700;

const fetchJob = (jobId: string) => apiGet<Job>(`/jobs/${jobId}`);

const isFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** The job's error message, when it failed with one. */
export const jobErrorMessage = (job: Job): string | undefined =>
  (job.error as { message?: string } | null)?.message;

/**
 * Follows a job until it has succeeded or failed, polling while it is queued or running so a progress bar moves.
 * When it succeeds, the queries under `refreshes` (e.g. `['students']`) are refetched: the job changed them.
 */
export function useJob(jobId: string | null, { refreshes = [] }: { refreshes?: readonly string[] } = {}) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: async () => {
      const job = await fetchJob(jobId ?? '');
      if (job.status === 'succeeded')
        for (const key of refreshes) void client.invalidateQueries({ queryKey: [key] });
      return job;
    },
    enabled: Boolean(jobId),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
  });
}

/**
 * Waits for a job inside a mutation (queue → wait → download), reporting its progress; resolves with the
 * succeeded job and rejects with the job's message when it failed.
 */
export async function waitForJob(
  jobId: string,
  onProgress: (progress: { done: number; total: number }) => void,
  failedMessage: string,
): Promise<Job> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const job = await fetchJob(jobId);
    onProgress({ done: job.progressDone, total: job.progressTotal });
    if (job.status === 'failed') throw new Error(jobErrorMessage(job) ?? failedMessage);
    if (job.status === 'succeeded') return job;
  }
}
