import type { FeatureManifest } from '../../platform/features.ts';
import { unitRoutes } from './routes.ts';

export const unitsFeature: FeatureManifest = { name: 'units', routes: [unitRoutes] };
