import type { FeatureManifest } from '../../platform/features.ts';
import { studentsImportKind } from './import-kind.ts';
import { studentMetrics } from './metrics.ts';
import { studentRoutes } from './routes.ts';

export const studentsFeature: FeatureManifest = {
  name: 'students',
  routes: [studentRoutes],
  metrics: studentMetrics,
  importKinds: [studentsImportKind],
};
