import type { FeatureManifest } from '../../platform/features.ts';
import { CLASS_PDF_JOB, runClassPdf } from './class-pdf-job.ts';
import { transcriptMetrics } from './metrics.ts';
import { transcriptRoutes } from './routes.ts';

export const transcriptsFeature: FeatureManifest = {
  name: 'transcripts',
  routes: [transcriptRoutes],
  jobs: { [CLASS_PDF_JOB]: runClassPdf },
  metrics: transcriptMetrics,
};
