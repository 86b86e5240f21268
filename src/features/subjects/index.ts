import type { FeatureManifest } from '../../platform/features.ts';
import { subjectRoutes } from './routes.ts';

export const subjectsFeature: FeatureManifest = { name: 'subjects', routes: [subjectRoutes] };
