import type { FeatureManifest } from '../../platform/features.ts';
import { questionBankRoutes } from './routes.ts';

/** The question bank (issue 14 §1): questions, review, GIFT / Moodle XML / Word import and export. */
export const questionBankFeature: FeatureManifest = { name: 'question-bank', routes: [questionBankRoutes] };
