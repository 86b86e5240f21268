import type { FeatureManifest } from '../../platform/features.ts';
import { CLOSE_JOB, runClose } from './close.ts';
import { ROLLOVER_JOB, runRollover } from './rollover.ts';
import { resultRoutes } from './routes.ts';

export const resultsFeature: FeatureManifest = {
  name: 'results',
  routes: [resultRoutes],
  jobs: { [CLOSE_JOB]: runClose, [ROLLOVER_JOB]: runRollover },
};
