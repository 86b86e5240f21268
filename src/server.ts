import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { auditFeature } from './features/audit/index.ts';
import { classesFeature } from './features/classes/index.ts';
import { contactBookFeature } from './features/contact-book/index.ts';
import { departmentsFeature } from './features/departments/index.ts';
import { dxAssessmentsFeature } from './features/dx-assessments/index.ts';
import { gradebookFeature } from './features/gradebook/index.ts';
import { homeFeature } from './features/home/index.ts';
import { importsFeature } from './features/imports/index.ts';
import { personalDataFeature } from './features/personal-data/index.ts';
import { questionBankFeature } from './features/question-bank/index.ts';
import { resultsFeature } from './features/results/index.ts';
import { rosterFeature } from './features/roster/index.ts';
import { schoolYearsFeature } from './features/school-years/index.ts';
import { staffFeature } from './features/staff/index.ts';
import { staffingFeature } from './features/staffing/index.ts';
import { studentsFeature } from './features/students/index.ts';
import { subjectsFeature } from './features/subjects/index.ts';
import { transcriptsFeature } from './features/transcripts/index.ts';
import { unitsFeature } from './features/units/index.ts';
import { usersFeature } from './features/users/index.ts';
import { type FeatureManifest, registerFeatureJobs, registerFeatures } from './platform/features.ts';
import { type AppOptions, buildApp } from './platform/http/app.ts';
import { JobRunner } from './platform/jobs/runner.ts';

/**
 * Every feature of the platform: the one list a new feature is added to. The order is the order of the routes and of
 * the import kinds offered in the import page (staff, classes, students, teaching assignments).
 */
export const features: readonly FeatureManifest[] = [
  unitsFeature,
  schoolYearsFeature,
  staffFeature,
  departmentsFeature,
  staffingFeature,
  usersFeature,
  auditFeature,
  rosterFeature,
  classesFeature,
  studentsFeature,
  subjectsFeature,
  dxAssessmentsFeature,
  importsFeature,
  gradebookFeature,
  resultsFeature,
  transcriptsFeature,
  contactBookFeature,
  personalDataFeature,
  questionBankFeature,
  homeFeature,
];

export interface ServerOptions extends Omit<AppOptions, 'jobs' | 'features'> {
  log: Logger;
  /** Jobs run at once (one on the embedded database, which has a single connection). */
  jobWorkers?: number;
}

/** The HTTP app and its job runner, with every feature's routes, jobs, metrics and import kinds. */
export async function buildServer(
  options: ServerOptions,
): Promise<{ app: FastifyInstance; jobs: JobRunner }> {
  const { log, jobWorkers, ...appOptions } = options;
  const jobs = new JobRunner(options.db, log, jobWorkers ?? 1);
  registerFeatureJobs(jobs, features);
  const app = await buildApp({ ...appOptions, jobs, features });
  return { app, jobs };
}

/** For commands that use features without the HTTP app (the CLI's import and export). */
export function registerAllFeatures(): void {
  registerFeatures(features);
}

/** Every feature's notification sources (the absence notice…), for the notification loop of `truongso start`. */
export const notificationSources = () => features.flatMap((feature) => feature.notificationSources ?? []);
