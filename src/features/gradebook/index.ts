import type { FeatureManifest } from '../../platform/features.ts';
import { absenceNoticeSource } from './absence-notices.ts';
import { teachingAssignmentsImportKind } from './assignments-import.ts';
import { exemptionRoutes } from './exemption-routes.ts';
import { gradebookMetrics } from './metrics.ts';
import { overdueScoreEntrySource } from './overdue-scores.ts';
import { gradebookRoutes } from './routes.ts';

export const gradebookFeature: FeatureManifest = {
  name: 'gradebook',
  routes: [gradebookRoutes, exemptionRoutes],
  metrics: gradebookMetrics,
  importKinds: [teachingAssignmentsImportKind],
  notificationSources: [absenceNoticeSource, overdueScoreEntrySource],
};
