import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { forbidden } from '../../errors';
import { canViewAudit } from './policy';
import { auditLog } from './tables';

const auditQuery = z.object({
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
    { schema: { tags: ['audit'], summary: 'Nhật ký thay đổi của đảng bộ', querystring: auditQuery, response: { 200: auditResponse } } },
    async (request) => {
      const actor = actorOf(request);
      if (!canViewAudit(actor)) throw forbidden('xem nhật ký thay đổi');
      const filters: SQL[] = [];
      // Ward staff read their own commune; an administrator above communes reads every entry.
      if (actor.tenantId) filters.push(eq(auditLog.tenantId, actor.tenantId));
      if (request.query.entity) filters.push(eq(auditLog.entity, request.query.entity));
      if (request.query.entityId) filters.push(eq(auditLog.entityId, request.query.entityId));
      const entries = await db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(request.query.limit);
      return { entries };
    },
  );
};
