import type { JobRunner } from '../platform/jobs/runner.ts';
import { registerImportJobs } from './imports/jobs.ts';

/** Registers every feature's background job handlers with the runner. */
export function registerJobHandlers(runner: JobRunner): void {
  registerImportJobs(runner);
}
