import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { listMyNotifications, markAllRead, markRead, unreadCount } from './service';

const tags = ['notifications'];
const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      config: { policy: 'notifications.own' },
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          order: z.enum(['unread-first', 'newest']).default('unread-first'),
        }),
        response: { 200: z.object({ notifications: z.array(notification), total: z.number().int(), unread: z.number().int() }) },
      },
    },
    async (request) => listMyNotifications(db, actorOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    { config: { policy: 'notifications.own' }, schema: { tags, summary: 'Số thông báo chưa đọc', response: { 200: z.object({ unread: z.number().int() }) } } },
    async (request) => ({ unread: await unreadCount(db, actorOf(request)) }),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { policy: 'notifications.own' }, schema: { tags, summary: 'Đánh dấu đã đọc', params: z.object({ id: z.uuid({ message: 'Mã thông báo không hợp lệ.' }) }), response: { 200: notification } } },
    async (request) => markRead(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    { config: { policy: 'notifications.own' }, schema: { tags, summary: 'Đánh dấu tất cả đã đọc', response: { 200: z.object({ marked: z.number().int() }) } } },
    async (request) => ({ marked: await markAllRead(db, actorOf(request)) }),
  );
};
