import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { notFound } from '../../errors';
import { canExportMembers, canImportMembers } from '../members/policy';
import { canListMembers, canViewUnit } from './policy';
import { unitDetailResponse, unitIdParams, unitListResponse } from './schema';
import { listVisibleUnits, loadUnit, loadUnitDetail, toRef } from './service';

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/units',
    { schema: { tags: ['units'], summary: 'Cây tổ chức mà người dùng được xem', response: { 200: unitListResponse } } },
    async (request) => ({ units: await listVisibleUnits(db, actorOf(request)) }),
  );

  app.get(
    '/api/units/:id',
    { schema: { tags: ['units'], summary: 'Một đơn vị', params: unitIdParams, response: { 200: unitDetailResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const unit = await loadUnit(db, request.params.id);
      // A unit outside the actor's reach is answered as if it did not exist.
      if (!canViewUnit(actor, toRef(unit))) throw notFound('unit');
      const detail = await loadUnitDetail(db, unit);
      return {
        ...detail,
        abilities: {
          listMembers: canListMembers(actor, toRef(unit)),
          exportMembers: canExportMembers(actor, toRef(unit)),
          importMembers: unit.kind === 'commune' && canImportMembers(actor, toRef(unit)),
        },
      };
    },
  );
};
