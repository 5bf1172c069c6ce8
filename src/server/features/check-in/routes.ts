import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { actorOf } from '../../auth/plugin';
import { checkInSecret } from './secret';
import { checkIn, currentCode } from './service';

const codeResponse = z.object({ title: z.string(), token: z.string(), url: z.string(), svg: z.string(), rotatesAt: z.date() });
const checkInResponse = z.object({ outcome: z.enum(['checked-in', 'already']), title: z.string(), message: z.string() });

export const checkInRoutes: FastifyPluginAsyncZod<{ db: Db; env: Env }> = async (app, { db, env }) => {
  app.get(
    '/api/check-in/:kind/:id/code',
    {
      config: { policy: 'check-in.show' },
      schema: {
        tags: ['check-in'],
        summary: 'Mã QR điểm danh đang hiển thị (đổi sau mỗi 30 giây)',
        params: z.object({ kind: z.string().regex(/^[a-z-]+$/), id: z.uuid() }),
        response: { 200: codeResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const origin = `${request.protocol}://${request.host}`;
      return currentCode(db, actorOf(request), await checkInSecret(db, env), request.params.kind, request.params.id, origin);
    },
  );

  app.post(
    '/api/check-in',
    {
      config: { policy: 'check-in.scan' },
      schema: {
        tags: ['check-in'],
        summary: 'Điểm danh bằng mã QR',
        body: z.object({ token: z.string().min(1).max(200), kind: z.string().regex(/^[a-z-]+$/).optional(), id: z.uuid().optional() }),
        response: { 200: checkInResponse },
      },
    },
    async (request) => {
      const { token, kind, id } = request.body;
      return checkIn(db, actorOf(request), await checkInSecret(db, env), token, kind && id ? { kind, id } : undefined);
    },
  );
};
