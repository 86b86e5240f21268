import type { FeatureManifest } from '../../platform/features.ts';
import { homeRoutes } from './routes.ts';

/** The home page of each role: summaries read from the gradebook, contact book, DX and jobs tables (read only). */
export const homeFeature: FeatureManifest = { name: 'home', routes: [homeRoutes] };
