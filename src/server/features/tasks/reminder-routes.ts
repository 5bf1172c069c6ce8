// A commune's reminder settings: the days before the deadline, the rhythm while overdue, the escalation delay.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { communeQuery } from '../units/schema';
import { reminderSettingsFor, updateReminderSettings } from './reminder-settings';

const settings = z.object({
  beforeDays: z.array(z.number().int()),
  overdueEveryDays: z.number().int(),
  escalationAfterDays: z.number().int(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});

const day = (what: string, max: number) => z.number({ message: `${what} phải là một số ngày.` }).int({ message: `${what} phải là số ngày nguyên.` }).min(0, { message: `${what} không được âm.` }).max(max, { message: `${what} tối đa ${max} ngày.` });

export const reminderSettingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/settings/reminders',
    { config: { policy: 'reminders.settings.view' }, schema: { tags: ['settings'], summary: 'Thiết lập nhắc việc và báo cáo quá hạn của đảng bộ', querystring: communeQuery, response: { 200: settings } } },
    async (request) => reminderSettingsFor(db, actorOf(request), request.query.communeId),
  );

  app.put(
    '/api/settings/reminders',
    {
      config: { policy: 'reminders.settings.edit' },
      schema: {
        tags: ['settings'],
        summary: 'Đổi thiết lập nhắc việc',
        querystring: communeQuery,
        body: z
          .object({
            version: z.number().int().min(1),
            beforeDays: z.array(day('Mốc nhắc trước hạn', 60).min(1, { message: 'Mốc nhắc trước hạn phải từ 1 ngày.' })).max(6, { message: 'Tối đa 6 mốc nhắc trước hạn.' }).optional(),
            overdueEveryDays: day('Chu kỳ nhắc khi quá hạn', 30).optional(),
            escalationAfterDays: day('Số ngày quá hạn trước khi báo cấp trên', 60).optional(),
          })
          .strict(),
        response: { 200: settings },
      },
    },
    async (request) => updateReminderSettings(db, actorOf(request), request.body, request.query.communeId),
  );
};
