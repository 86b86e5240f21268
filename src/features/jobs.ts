import type { JobRunner } from '../platform/jobs/runner.ts';

/** Registers every feature's background job handlers with the runner. */
export function registerJobHandlers(_runner: JobRunner): void {}
