// Managing the tree (decision 014): POST /api/units, PATCH /api/units/:id (rename, move), close,
// reopen, reorder, delete, and the tree as a spreadsheet (import preview/commit, export, template).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { forbidden } from '../../errors';
import { readUpload } from '../../files/upload';
import { contentDisposition } from '../../files/content-disposition';
import { MAX_MEMBER_FILE_BYTES } from '../members/import-file';
import { closeUnit, createUnit, deleteUnit, reopenUnit, reorderUnit, updateUnit } from './manage';
import { canDownloadUnitTemplate } from './policy';
import {
  treeImportResponse,
  unitCloseBody,
  unitCreateBody,
  unitDeleteQuery,
  unitIdParams,
  unitRecord,
  unitReopenBody,
  unitReorderBody,
  unitUpdateBody,
} from './schema';
import { commitTreeImport, exportTreeFor, loadTreeImportTarget, previewTreeImport, treeTemplateXlsx, treeToCsv, treeToXlsx } from './tree-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['units'];

export const unitManageRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/units',
    { config: { policy: 'units.create' }, schema: { tags, summary: 'Thêm đơn vị (ngày thành lập mặc định là hôm nay)', body: unitCreateBody, response: { 201: unitRecord } } },
    async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { policy: 'units.edit' },
      schema: { tags, summary: 'Đổi tên hoặc chuyển đơn vị sang đơn vị trực thuộc khác (cả cây bên dưới đi theo)', params: unitIdParams, body: unitUpdateBody, response: { 200: unitRecord } },
    },
    async (request) => updateUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/close',
    { config: { policy: 'units.close' }, schema: { tags, summary: 'Đóng đơn vị từ một ngày: giữ lịch sử, không nhận gì mới', params: unitIdParams, body: unitCloseBody, response: { 200: unitRecord } } },
    async (request) => closeUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/reopen',
    { config: { policy: 'units.reopen' }, schema: { tags, summary: 'Mở lại đơn vị đã đóng', params: unitIdParams, body: unitReopenBody, response: { 200: unitRecord } } },
    async (request) => reopenUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/reorder',
    { config: { policy: 'units.reorder' }, schema: { tags, summary: 'Đưa đơn vị lên hoặc xuống một bậc trong các đơn vị cùng cấp', params: unitIdParams, body: unitReorderBody, response: { 200: unitRecord } } },
    async (request) => reorderUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/units/:id',
    { config: { policy: 'units.delete' }, schema: { tags, summary: 'Xóa đơn vị tạo nhầm (chưa có đảng viên, đơn vị trực thuộc hay lịch sử)', params: unitIdParams, querystring: unitDeleteQuery } },
    async (request, reply) => {
      await deleteUnit(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/units/:id/import',
    {
      config: { policy: 'units.import' },
      schema: {
        tags,
        summary: 'Nhập cây đơn vị bên dưới đơn vị này từ XLSX/CSV (cột STT, Tên đơn vị, Loại, Trực thuộc): xem trước hoặc nhập, tất cả hoặc không dòng nào',
        description: 'Multipart: `file`. mode=commit khi tệp còn lỗi: 400 `units-import.invalid-rows`, `error.details` = `{ units, errors, … }`, không ghi gì.',
        params: unitIdParams,
        querystring: z.object({ mode: z.enum(['preview', 'commit']).default('preview') }),
        consumes: ['multipart/form-data'],
        response: { 200: treeImportResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const root = await loadTreeImportTarget(db, actor, request.params.id);
      const { bytes } = await readUpload(request, MAX_MEMBER_FILE_BYTES);
      return request.query.mode === 'commit' ? commitTreeImport(db, actor, root, bytes) : previewTreeImport(db, root, bytes);
    },
  );

  app.get(
    '/api/units/:id/export',
    { config: { policy: 'units.export' }, schema: { tags, summary: 'Xuất cây đơn vị đang hoạt động bên dưới đơn vị này (XLSX hoặc CSV, nhập lại được)', params: unitIdParams, querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (request, reply) => {
      const { root, rows } = await exportTreeFor(db, actorOf(request), request.params.id);
      reply.header('content-disposition', contentDisposition(`cay-to-chuc-${root.name}.${request.query.format}`));
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(treeToCsv(rows));
      return reply.type(XLSX_TYPE).send(await treeToXlsx(rows, `Cây tổ chức — ${root.name}`));
    },
  );

  app.get(
    '/api/units/import-template.xlsx',
    { config: { policy: 'units.import-template' }, schema: { tags, summary: 'Tệp mẫu cây tổ chức (Excel): dòng tiêu đề và ba dòng ví dụ' } },
    async (request, reply) => {
      if (!canDownloadUnitTemplate(actorOf(request))) throw forbidden('tải tệp mẫu cây tổ chức');
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('mau-cay-to-chuc.xlsx')).send(await treeTemplateXlsx());
    },
  );
};
