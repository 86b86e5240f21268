import type { FeatureManifest } from '../../platform/features.ts';
import { classesImportKind } from './import-kind.ts';
import { classRoutes } from './routes.ts';

export const classesFeature: FeatureManifest = {
  name: 'classes',
  routes: [classRoutes],
  importKinds: [classesImportKind],
};
