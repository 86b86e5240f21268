import type { FeatureManifest } from '../../platform/features.ts';
import { assessmentOfficeRoutes } from './campaigns/routes.ts';
import { assessmentDashboardRoutes } from './dashboard/routes.ts';
import { officeResultMetrics } from './metrics.ts';
import { overdueSubmissionSource } from './overdue-submissions.ts';
import { assessmentPublicRoutes, assessmentRoutes } from './self-assessment/routes.ts';

export const dxAssessmentsFeature: FeatureManifest = {
  name: 'dx-assessments',
  routes: [assessmentOfficeRoutes, assessmentRoutes, assessmentPublicRoutes, assessmentDashboardRoutes],
  metrics: officeResultMetrics,
  notificationSources: [overdueSubmissionSource],
};
