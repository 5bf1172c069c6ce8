import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { unitDetailResponse, unitIdParams, unitListResponse } from './schema';
import { listVisibleUnits, unitDetailFor } from './service';

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/units',
    { config: { policy: 'units.list' }, schema: { tags: ['units'], summary: 'Cây tổ chức mà người dùng được xem', response: { 200: unitListResponse } } },
    async (request) => ({ units: await listVisibleUnits(db, actorOf(request)) }),
  );

  app.get(
    '/api/units/:id',
    { config: { policy: 'units.view' }, schema: { tags: ['units'], summary: 'Một đơn vị', params: unitIdParams, response: { 200: unitDetailResponse } } },
    async (request) => unitDetailFor(db, actorOf(request), request.params.id),
  );
};
