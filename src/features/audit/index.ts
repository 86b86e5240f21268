import type { FeatureManifest } from '../../platform/features.ts';
import { auditRoutes } from './routes.ts';

export const auditFeature: FeatureManifest = { name: 'audit', routes: [auditRoutes] };
