import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import type { SessionCache } from '../../auth/session-cache';
import { actorOf } from '../../auth/plugin';
import { contentDisposition } from '../../files/content-disposition';
import { idParams } from '../people/schema';
import { eraseBody, eraseResponse } from './schema';
import { exportOwnData, exportPersonalDataFor } from './export';
import { erasePersonalData } from './erase';

const tags = ['privacy'];
const JSON_TYPE = 'application/json; charset=utf-8';

export const privacyRoutes: FastifyPluginAsyncZod<{ db: Db; sessions: SessionCache }> = async (app, { db, sessions }) => {
  app.get(
    '/api/people/:id/personal-data',
    { config: { policy: 'privacy.export' }, schema: { tags, summary: 'Tải toàn bộ dữ liệu cá nhân của một người (JSON; Nghị định 13/2023/NĐ-CP)', params: idParams } },
    async (request, reply) => {
      const { data, fileName } = await exportPersonalDataFor(db, actorOf(request), request.params.id);
      return reply.type(JSON_TYPE).header('content-disposition', contentDisposition(fileName)).send(JSON.stringify(data, null, 2));
    },
  );
  app.get(
    '/api/me/personal-data',
    { config: { policy: 'privacy.own' }, schema: { tags, summary: 'Tải dữ liệu cá nhân của tôi (JSON)' } },
    async (request, reply) => {
      const { data, fileName } = await exportOwnData(db, actorOf(request));
      return reply.type(JSON_TYPE).header('content-disposition', contentDisposition(fileName)).send(JSON.stringify(data, null, 2));
    },
  );
  app.post(
    '/api/people/:id/erase',
    { config: { policy: 'privacy.erase' }, schema: { tags, summary: 'Xóa dữ liệu cá nhân của một người (giữ số liệu tổng hợp)', params: idParams, body: eraseBody, response: { 200: eraseResponse } } },
    async (request) => {
      const erased = await erasePersonalData(db, actorOf(request), request.params.id, request.body);
      for (const id of erased.accountIds) sessions.dropUser(id);
      return erased;
    },
  );
};
