import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/routes.ts';
import { classRoutes } from './classes/routes.ts';
import { contactBookRoutes } from './contact-book/routes.ts';
import { departmentRoutes } from './departments/routes.ts';
import { assessmentOfficeRoutes } from './dx-assessments/campaigns/routes.ts';
import { assessmentDashboardRoutes } from './dx-assessments/dashboard/routes.ts';
import { assessmentPublicRoutes, assessmentRoutes } from './dx-assessments/self-assessment/routes.ts';
import { gradebookRoutes } from './gradebook/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { resultRoutes } from './results/routes.ts';
import { schoolYearRoutes } from './school-years/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { staffingRoutes } from './staffing/routes.ts';
import { studentRoutes } from './students/routes.ts';
import { subjectRoutes } from './subjects/routes.ts';
import { transcriptRoutes } from './transcripts/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export const featureRoutes: FastifyPluginAsync[] = [
  unitRoutes,
  schoolYearRoutes,
  staffRoutes,
  departmentRoutes,
  staffingRoutes,
  userRoutes,
  auditRoutes,
  studentRoutes,
  classRoutes,
  subjectRoutes,
  assessmentOfficeRoutes,
  assessmentRoutes,
  assessmentPublicRoutes,
  importRoutes,
  gradebookRoutes,
  resultRoutes,
  transcriptRoutes,
  contactBookRoutes,
  assessmentDashboardRoutes,
];
