import type { FeatureManifest } from '../../platform/features.ts';

/**
 * Who is in which class now (queries.ts): read by classes, students, the gradebook, results, transcripts and the
 * contact book, so that none of them imports another for it. No routes: the class pages serve the roster.
 */
export const rosterFeature: FeatureManifest = { name: 'roster' };
