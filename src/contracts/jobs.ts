/** A background job waits in the queue, runs, then ends succeeded or failed (jobs table, GET /api/v1/jobs/:id). */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
