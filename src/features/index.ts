import type { FastifyPluginAsync } from 'fastify';
import { schoolYearRoutes } from './school-years/routes.ts';
import { unitRoutes } from './units/routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export const featureRoutes: FastifyPluginAsync[] = [unitRoutes, schoolYearRoutes];
