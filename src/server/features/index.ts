// Every feature's routes, registered in one place so that the map of the API is readable here.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { auditRoutes } from './audit/routes';
import { memberImportRoutes } from './members/import-routes';
import { memberRoutes } from './members/routes';
import { unitRoutes } from './units/routes';
import { resolutionRoutes } from './resolutions/routes';
import { planRoutes } from './plans/routes';
import { planImportRoutes } from './plan-import/routes';
import { settingsRoutes } from './settings/routes';
import { studySessionRoutes } from './study-sessions/routes';
import { checkInRoutes } from './check-in/routes';
import { calendarRoutes } from './calendar/routes';
import type { FileStore } from '../files/store';
import type { PdfConverter } from '../documents/pdf';

export const featureRoutes: FastifyPluginAsync<{ db: Db; env: Env; files: FileStore; pdf: PdfConverter }> = async (app, { db, env, files, pdf }) => {
  await app.register(unitRoutes, { db });
  await app.register(memberRoutes, { db });
  await app.register(memberImportRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(resolutionRoutes, { db, files });
  await app.register(planImportRoutes, { db });
  await app.register(planRoutes, { db, pdf });
  await app.register(settingsRoutes, { db });
  await app.register(studySessionRoutes, { db, pdf });
  await app.register(checkInRoutes, { db, env });
  await app.register(calendarRoutes, { db });
};
