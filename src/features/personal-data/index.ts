import type { FeatureManifest } from '../../platform/features.ts';
import { personalDataRoutes } from './routes.ts';

/** The personal-data export (Law 91/2025/QH15): everything the school holds about a student, as JSON and PDF. */
export const personalDataFeature: FeatureManifest = { name: 'personal-data', routes: [personalDataRoutes] };
