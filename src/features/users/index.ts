import type { FeatureManifest } from '../../platform/features.ts';
import { userRoutes } from './routes.ts';

export const usersFeature: FeatureManifest = { name: 'users', routes: [userRoutes] };
