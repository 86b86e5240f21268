import type { JobRunner } from '../../platform/jobs/runner.ts';
import { IMPORT_JOB, runImportJob } from './service.ts';

export function registerImportJobs(runner: JobRunner): void {
  runner.register(IMPORT_JOB, runImportJob);
}
