import { z } from 'zod';

/** A background job waits in the queue, runs, then ends succeeded or failed (jobs table, GET /api/v1/jobs/:id). */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A background job as GET /jobs/:id returns it; the web follows its progress until it succeeds or fails. */
export const jobSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.unknown(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuery = z.object({ unitId: z.uuid() });
/** The latest 50 jobs of a unit, newest first. */
export const jobListSchema = z.array(jobSchema);
