import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { forbidden, notFound } from '../../errors';
import { canListMembers } from '../units/policy';
import { unitIdParams } from '../units/schema';
import { loadUnit, toRef } from '../units/service';
import { membersToCsv, membersToXlsx } from './export';
import { canEditMember, canExportMembers, canViewMember } from './policy';
import { memberDetailResponse, memberIdParams, memberListResponse, memberSchema, memberSearchQuery, memberUpdateBody } from './schema';
import { listMembersOfUnit, loadMember, searchMembers, updateMember } from './service';

export const memberRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/units/:id/members',
    { schema: { tags: ['members'], summary: 'Đảng viên của một đơn vị', params: unitIdParams, response: { 200: memberListResponse } } },
    async (request) => {
      const unit = await loadUnit(db, request.params.id);
      if (!canListMembers(actorOf(request), toRef(unit))) throw forbidden('xem danh sách đảng viên của đơn vị này');
      const list = await listMembersOfUnit(db, unit);
      return { members: list, total: list.length };
    },
  );

  app.get(
    '/api/units/:id/members/export',
    {
      schema: {
        tags: ['members'],
        summary: 'Xuất danh sách đảng viên (XLSX hoặc CSV)',
        params: unitIdParams,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const unit = await loadUnit(db, request.params.id);
      if (!canExportMembers(actorOf(request), toRef(unit))) throw forbidden('xuất danh sách đảng viên của đơn vị này');
      const list = await listMembersOfUnit(db, unit);
      const base = `danh-sach-dang-vien-${unit.name}`;
      const fileName = encodeURIComponent(`${base}.${request.query.format}`);
      reply.header('content-disposition', `attachment; filename="danh-sach-dang-vien.${request.query.format}"; filename*=UTF-8''${fileName}`);
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(membersToCsv(list));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await membersToXlsx(list, `Danh sách đảng viên — ${unit.name}`));
    },
  );

  app.get(
    '/api/members/search',
    { schema: { tags: ['members'], summary: 'Tìm đảng viên theo tên (có hoặc không dấu) hoặc số thẻ', querystring: memberSearchQuery, response: { 200: memberListResponse } } },
    async (request) => {
      const list = await searchMembers(db, actorOf(request), request.query.q, request.query.limit);
      return { members: list, total: list.length };
    },
  );

  app.get(
    '/api/members/:id',
    { schema: { tags: ['members'], summary: 'Một đảng viên', params: memberIdParams, response: { 200: memberDetailResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await loadMember(db, request.params.id);
      const cell = toRef(await loadUnit(db, row.member.cellId));
      if (!canViewMember(actor, row.member, cell)) throw notFound('member');
      const { tenantId: _t, createdAt: _c, updatedAt: _u, ...member } = row.member;
      return { member: { ...member, cellName: row.cellName }, abilities: { edit: canEditMember(actor, cell) } };
    },
  );

  app.patch(
    '/api/members/:id',
    { schema: { tags: ['members'], summary: 'Sửa thông tin đảng viên', params: memberIdParams, body: memberUpdateBody, response: { 200: memberSchema } } },
    async (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );
};
