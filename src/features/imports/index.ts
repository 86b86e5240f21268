import type { FeatureManifest } from '../../platform/features.ts';
import { CLEANUP_JOB, runCleanupJob } from './cleanup.ts';
import { importRoutes } from './routes.ts';
import { IMPORT_JOB, runImportJob } from './service.ts';

/** The Excel import/export of every feature's kinds (each kind is declared in its owner's manifest). */
export const importsFeature: FeatureManifest = {
  name: 'imports',
  routes: [importRoutes],
  jobs: { [IMPORT_JOB]: runImportJob, [CLEANUP_JOB]: runCleanupJob },
  dailyJobs: [CLEANUP_JOB],
};
