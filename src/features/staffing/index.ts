import type { FeatureManifest } from '../../platform/features.ts';
import { staffingRoutes } from './routes.ts';

export const staffingFeature: FeatureManifest = { name: 'staffing', routes: [staffingRoutes] };
