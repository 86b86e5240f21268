import type { JobRunner } from '../platform/jobs/runner.ts';
import { CLASS_PDF_JOB, runClassPdf } from './transcripts/class-pdf-job.ts';

/** Registers every feature's background job handlers with the runner. */
export function registerJobHandlers(runner: JobRunner): void {
  runner.register(CLASS_PDF_JOB, runClassPdf);
}
