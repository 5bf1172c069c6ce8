// Every feature's routes, registered in one place so that the map of the API is readable here.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { auditRoutes } from './audit/routes';
import { memberImportRoutes } from './members/import-routes';
import { memberRoutes } from './members/routes';
import { unitRoutes } from './units/routes';
import { unitManageRoutes } from './units/manage-routes';
import { resolutionRoutes } from './resolutions/routes';
import { planRoutes } from './plans/routes';
import { planImportRoutes } from './plan-import/routes';
import { settingsRoutes } from './settings/routes';
import { peopleRoutes } from './people/routes';
import { accountRoutes } from './accounts/routes';
import type { SessionCache } from '../auth/session-cache';
import type { FileStore } from '../files/store';
import type { PdfConverter } from '../documents/pdf';

export const featureRoutes: FastifyPluginAsync<{ db: Db; env: Env; files: FileStore; pdf: PdfConverter; sessions: SessionCache }> = async (app, { db, env, files, pdf, sessions }) => {
  await app.register(unitRoutes, { db });
  await app.register(unitManageRoutes, { db });
  await app.register(memberRoutes, { db });
  await app.register(memberImportRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(resolutionRoutes, { db, files });
  await app.register(planImportRoutes, { db });
  await app.register(planRoutes, { db, pdf });
  await app.register(settingsRoutes, { db });
  await app.register(peopleRoutes, { db });
  await app.register(accountRoutes, { db, env, pdf, sessions });
};
