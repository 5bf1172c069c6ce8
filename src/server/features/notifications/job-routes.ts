// A person's e-mail choices, and what the job queue could not do (administrators).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { JobQueue } from '../../jobs/queue';
import { actorOf } from '../../auth/plugin';
import { myPreferences, updateMyPreferences } from './preferences';
import { jobFailures } from './failures';

const preferences = z.object({ hasPerson: z.boolean(), muteEmail: z.boolean(), dailyDigest: z.boolean(), version: z.number().int() });

export const notificationJobRoutes: FastifyPluginAsyncZod<{ db: Db; jobs: () => JobQueue | null }> = async (app, { db, jobs }) => {
  app.get(
    '/api/me/notification-preferences',
    { config: { policy: 'notifications.own' }, schema: { tags: ['notifications'], summary: 'Lựa chọn nhận thư điện tử của tôi', response: { 200: preferences } } },
    async (request) => myPreferences(db, actorOf(request)),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: { policy: 'notifications.own' },
      schema: {
        tags: ['notifications'],
        summary: 'Tắt thư điện tử (trừ báo cáo quá hạn) hoặc nhận một thư tổng hợp mỗi ngày',
        body: z.object({ version: z.number().int().min(1), muteEmail: z.boolean().optional(), dailyDigest: z.boolean().optional() }).strict(),
        response: { 200: preferences },
      },
    },
    async (request) => updateMyPreferences(db, actorOf(request), request.body),
  );

  app.get(
    '/api/admin/jobs/failures',
    {
      config: { policy: 'jobs.failures' },
      schema: {
        tags: ['notifications'],
        summary: 'Thư điện tử gửi không thành công sau khi đã thử lại, và các việc nền bị lỗi',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            emails: z.array(z.object({ id: z.string(), tenantId: z.string(), title: z.string(), kind: z.string(), error: z.string(), createdAt: z.date(), personName: z.string(), email: z.string().nullable() })),
            totalEmails: z.number().int(),
            queueRunning: z.boolean(),
            queues: z.array(z.object({ queue: z.string(), failed: z.number().int() })),
          }),
        },
      },
    },
    async (request) => jobFailures(db, actorOf(request), jobs(), request.query),
  );
};
