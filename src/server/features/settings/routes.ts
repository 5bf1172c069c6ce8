import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { communeQuery } from '../units/schema';
import { toRef } from '../units/service';
import { canEditSettings } from './policy';
import { settingsSchema, settingsUpdate } from './schema';
import { settingsFor, updateCommuneSettings } from './service';

export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/settings/documents',
    { config: { policy: 'settings.view' }, schema: { tags: ['settings'], summary: 'Thiết lập văn bản của đảng bộ (đánh số, chính tả ỦY/UỶ, tên cơ quan)', querystring: communeQuery, response: { 200: settingsSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const { settings, commune } = await settingsFor(db, actor, request.query.communeId);
      return { ...settings, abilities: { edit: canEditSettings(actor, toRef(commune)) } };
    },
  );

  app.put(
    '/api/settings/documents',
    { config: { policy: 'settings.edit' }, schema: { tags: ['settings'], summary: 'Đổi thiết lập văn bản', querystring: communeQuery, body: settingsUpdate, response: { 200: settingsSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const { settings, commune } = await updateCommuneSettings(db, actor, request.body, request.query.communeId);
      return { ...settings, abilities: { edit: canEditSettings(actor, toRef(commune)) } };
    },
  );
};
