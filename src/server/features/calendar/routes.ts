import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { notFound } from '../../errors';
import { feedByToken, feedStatus, revokeFeed, rotateFeed } from './service';

const tags = ['calendar'];
const status = z.object({ active: z.boolean(), createdAt: z.date().nullable() });

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/calendar/feed', { config: { policy: 'calendar.own' }, schema: { tags, summary: 'Lịch cá nhân: đã có đường dẫn riêng chưa', response: { 200: status } } }, async (request) =>
    feedStatus(db, actorOf(request)),
  );

  app.post(
    '/api/calendar/feed',
    { config: { policy: 'calendar.own' }, schema: { tags, summary: 'Tạo đường dẫn lịch riêng mới (đường dẫn cũ hết hiệu lực)', response: { 200: z.object({ url: z.string(), createdAt: z.date() }) } } },
    async (request) => rotateFeed(db, actorOf(request), `${request.protocol}://${request.host}`),
  );

  app.delete('/api/calendar/feed', { config: { policy: 'calendar.own' }, schema: { tags, summary: 'Thu hồi đường dẫn lịch riêng' } }, async (request) => revokeFeed(db, actorOf(request)));

  app.get(
    '/api/calendar/:tenantId/:file',
    {
      config: { public: true },
      schema: { tags, summary: 'Lịch cá nhân (iCal), chỉ trả lời đường dẫn riêng còn hiệu lực', params: z.object({ tenantId: z.uuid(), file: z.string().max(100) }) },
    },
    async (request, reply) => {
      const match = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(request.params.file);
      if (!match) throw notFound('calendar-feed');
      const body = await feedByToken(db, request.params.tenantId, match[1]!);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(body);
    },
  );
};
