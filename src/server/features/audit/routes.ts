import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { communeQuery } from '../units/schema';
import { listAudit } from './list';

const auditQuery = communeQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const auditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      actorId: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    { config: { policy: 'audit.view' }, schema: { tags: ['audit'], summary: 'Nhật ký thay đổi của đảng bộ', querystring: auditQuery, response: { 200: auditResponse } } },
    async (request) => ({ entries: await listAudit(db, actorOf(request), request.query) }),
  );
};
