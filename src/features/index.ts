import type { FastifyPluginAsync } from 'fastify';
import { assessmentOfficeRoutes } from './assessments/routes.ts';
import { assessmentPublicRoutes, assessmentRoutes } from './assessments/routes-assessment.ts';
import { schoolYearRoutes } from './school-years/routes.ts';
import { unitRoutes } from './units/routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export const featureRoutes: FastifyPluginAsync[] = [
  unitRoutes,
  schoolYearRoutes,
  assessmentOfficeRoutes,
  assessmentRoutes,
  assessmentPublicRoutes,
];
