import type { FeatureManifest } from '../../platform/features.ts';
import { contactBookRoutes } from './routes.ts';

export const contactBookFeature: FeatureManifest = { name: 'contact-book', routes: [contactBookRoutes] };
