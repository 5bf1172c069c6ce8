// Every feature's routes, registered in one place so that the map of the API is readable here.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { auditRoutes } from './audit/routes';
import { memberImportRoutes } from './members/import-routes';
import { memberRoutes } from './members/routes';
import { unitRoutes } from './units/routes';

export const featureRoutes: FastifyPluginAsync<{ db: Db; env: Env }> = async (app, { db }) => {
  await app.register(unitRoutes, { db });
  await app.register(memberRoutes, { db });
  await app.register(memberImportRoutes, { db });
  await app.register(auditRoutes, { db });
};
