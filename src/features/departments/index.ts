import type { FeatureManifest } from '../../platform/features.ts';
import { departmentRoutes } from './routes.ts';

export const departmentsFeature: FeatureManifest = { name: 'departments', routes: [departmentRoutes] };
export { departmentsHeadedByActor } from './headed.ts';
