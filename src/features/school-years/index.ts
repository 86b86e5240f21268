import type { FeatureManifest } from '../../platform/features.ts';
import { schoolYearRoutes } from './routes.ts';

export const schoolYearsFeature: FeatureManifest = { name: 'school-years', routes: [schoolYearRoutes] };
