import type { FastifyPluginAsync } from 'fastify';
import { classRoutes } from './classes/routes.ts';
import { schoolYearRoutes } from './school-years/routes.ts';
import { studentRoutes } from './students/routes.ts';
import { subjectRoutes } from './subjects/routes.ts';
import { unitRoutes } from './units/routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export const featureRoutes: FastifyPluginAsync[] = [
  unitRoutes,
  schoolYearRoutes,
  studentRoutes,
  classRoutes,
  subjectRoutes,
];
