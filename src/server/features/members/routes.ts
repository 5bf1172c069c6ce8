import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { unitIdParams } from '../units/schema';
import { membersToCsv, membersToXlsx } from './export';
import { memberDetailResponse, memberIdParams, memberListResponse, memberSchema, memberSearchQuery, memberUpdateBody } from './schema';
import { exportMembersFor, listMembersFor, memberFor, searchMembers, updateMember } from './service';
import { contentDisposition } from '../../files/content-disposition';

export const memberRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/units/:id/members',
    { config: { policy: 'members.list' }, schema: { tags: ['members'], summary: 'Đảng viên của một đơn vị', params: unitIdParams, response: { 200: memberListResponse } } },
    async (request) => {
      const list = await listMembersFor(db, actorOf(request), request.params.id);
      return { members: list, total: list.length };
    },
  );

  app.get(
    '/api/units/:id/members/export',
    {
      config: { policy: 'members.export' },
      schema: {
        tags: ['members'],
        summary: 'Xuất danh sách đảng viên (XLSX hoặc CSV)',
        params: unitIdParams,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { unit, list } = await exportMembersFor(db, actorOf(request), request.params.id);
      reply.header('content-disposition', contentDisposition(`danh-sach-dang-vien-${unit.name}.${request.query.format}`));
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(membersToCsv(list));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await membersToXlsx(list, `Danh sách đảng viên — ${unit.name}`));
    },
  );

  app.get(
    '/api/members/search',
    { config: { policy: 'members.search' }, schema: { tags: ['members'], summary: 'Tìm đảng viên theo tên (có hoặc không dấu) hoặc số thẻ', querystring: memberSearchQuery, response: { 200: memberListResponse } } },
    async (request) => {
      const list = await searchMembers(db, actorOf(request), request.query.q, request.query.limit);
      return { members: list, total: list.length };
    },
  );

  app.get(
    '/api/members/:id',
    { config: { policy: 'members.view' }, schema: { tags: ['members'], summary: 'Một đảng viên', params: memberIdParams, response: { 200: memberDetailResponse } } },
    async (request) => memberFor(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/members/:id',
    { config: { policy: 'members.edit' }, schema: { tags: ['members'], summary: 'Sửa thông tin đảng viên', params: memberIdParams, body: memberUpdateBody, response: { 200: memberSchema } } },
    async (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );
};
