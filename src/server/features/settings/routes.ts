import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { forbidden } from '../../errors';
import { communeQuery } from '../units/schema';
import { resolveCommune, toRef } from '../units/service';
import { canEditSettings, canViewSettings } from './policy';
import { settingsSchema, settingsUpdate } from './schema';
import { loadCommuneSettings, updateCommuneSettings } from './service';

export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/settings/documents',
    { schema: { tags: ['settings'], summary: 'Thiết lập văn bản của đảng bộ (đánh số, chính tả ỦY/UỶ, tên cơ quan)', querystring: communeQuery, response: { 200: settingsSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const commune = await resolveCommune(db, actor, request.query.communeId);
      if (!canViewSettings(actor, toRef(commune))) throw forbidden('xem thiết lập văn bản');
      return { ...(await loadCommuneSettings(db, commune)), abilities: { edit: canEditSettings(actor, toRef(commune)) } };
    },
  );

  app.put(
    '/api/settings/documents',
    { schema: { tags: ['settings'], summary: 'Đổi thiết lập văn bản', querystring: communeQuery, body: settingsUpdate, response: { 200: settingsSchema } } },
    async (request) => {
      const actor = actorOf(request);
      const { settings, commune } = await updateCommuneSettings(db, actor, request.body, request.query.communeId);
      return { ...settings, abilities: { edit: canEditSettings(actor, toRef(commune)) } };
    },
  );
};
