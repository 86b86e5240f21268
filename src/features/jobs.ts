import type { JobRunner } from '../platform/jobs/runner.ts';
import { registerImportJobs } from './imports/jobs.ts';
import { CLOSE_JOB, runClose } from './results/close.ts';
import { ROLLOVER_JOB, runRollover } from './results/rollover.ts';
import { CLASS_PDF_JOB, runClassPdf } from './transcripts/class-pdf-job.ts';

/** Registers every feature's background job handlers with the runner. */
export function registerJobHandlers(runner: JobRunner): void {
  registerImportJobs(runner);
  runner.register(CLOSE_JOB, runClose);
  runner.register(ROLLOVER_JOB, runRollover);
  runner.register(CLASS_PDF_JOB, runClassPdf);
}
