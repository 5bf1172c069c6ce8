import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { readUploadWithFields } from '../../files/upload';
import { unitIdParams } from '../units/schema';
import { MAX_MEMBER_FILE_BYTES } from './import-file';
import { parseMappings } from './import-mappings';
import { commitMemberImport, loadImportCommune, previewMemberImport } from './import-service';
import { memberTemplateXlsx } from './import-template';
import { contentDisposition } from '../../files/content-disposition';
import { forbidden } from '../../errors';
import { canDownloadMemberTemplate } from './policy';

const previewResponse = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  issues: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  cellNames: z.array(
    z.object({
      name: z.string(),
      rows: z.array(z.number().int()),
      count: z.number().int(),
      chosen: z.string().nullable(),
      remembered: z.boolean(),
      suggestions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
    }),
  ),
  columns: z.array(z.object({ name: z.string(), chosen: z.string().nullable(), remembered: z.boolean(), suggestions: z.array(z.string()) })),
  cells: z.array(z.object({ id: z.string(), name: z.string() })),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const memberImportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/units/:id/members/import',
    {
      config: { policy: 'members.import' },
      schema: {
        tags: ['members'],
        summary: 'Nhập danh sách đảng viên từ XLSX/CSV: xem trước (mode=preview) hoặc nhập (mode=commit), tất cả hoặc không dòng nào',
        description:
          'Multipart: `file` (bắt buộc) và `mappings` (tùy chọn, JSON `{ "cells": { "<tên chi bộ trong tệp>": "<id chi bộ>" }, "columns": { "<tên cột trong tệp>": "<tên cột mẫu>" } }`). Ghép tên được ghi nhớ khi nhập thành công.',
        params: unitIdParams,
        querystring: z.object({ mode: z.enum(['preview', 'commit']).default('preview') }),
        consumes: ['multipart/form-data'],
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Who may import is asked before a byte of the upload is read.
      const commune = await loadImportCommune(db, actor, request.params.id);
      const { bytes, fields } = await readUploadWithFields(request, MAX_MEMBER_FILE_BYTES);
      const mappings = parseMappings(fields.mappings);
      return request.query.mode === 'commit'
        ? commitMemberImport(db, actor, commune, bytes, mappings)
        : previewMemberImport(db, actor, commune, bytes, mappings);
    },
  );

  app.get(
    '/api/members/import-template.xlsx',
    { config: { policy: 'members.import-template' }, schema: { tags: ['members'], summary: 'Tệp mẫu danh sách đảng viên (Excel): dòng tiêu đề và một dòng ví dụ' } },
    async (request, reply) => {
      if (!canDownloadMemberTemplate(actorOf(request))) throw forbidden('tải tệp mẫu danh sách đảng viên');
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('mau-danh-sach-dang-vien.xlsx'))
        .send(await memberTemplateXlsx());
    },
  );
};
