import type { FeatureManifest } from '../../platform/features.ts';
import { staffImportKind } from './import-kind.ts';
import { staffMetrics } from './metrics.ts';
import { staffRoutes } from './routes.ts';

export const staffFeature: FeatureManifest = {
  name: 'staff',
  routes: [staffRoutes],
  metrics: staffMetrics,
  importKinds: [staffImportKind],
};
