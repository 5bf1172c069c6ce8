import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { badRequest, payloadTooLarge } from '../../errors';
import { unitIdParams } from '../units/schema';
import { MAX_MEMBER_FILE_BYTES } from './import-file';
import { commitMemberImport, previewMemberImport } from './import-service';

const previewResponse = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  issues: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
});

export const memberImportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/units/:id/members/import',
    {
      schema: {
        tags: ['members'],
        summary: 'Nhập danh sách đảng viên từ XLSX/CSV: xem trước (mode=preview) hoặc nhập (mode=commit), tất cả hoặc không dòng nào',
        params: unitIdParams,
        querystring: z.object({ mode: z.enum(['preview', 'commit']).default('preview') }),
        consumes: ['multipart/form-data'],
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw badRequest('members-import.no-file', 'Hãy chọn tệp danh sách (.xlsx hoặc .csv) để tải lên.');
      const file = await request.file({ limits: { fileSize: MAX_MEMBER_FILE_BYTES } });
      if (!file) throw badRequest('members-import.no-file', 'Hãy chọn tệp danh sách (.xlsx hoặc .csv) để tải lên.');
      const bytes = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw payloadTooLarge('10 MB');
        throw error;
      });
      const actor = actorOf(request);
      return request.query.mode === 'commit'
        ? commitMemberImport(db, actor, request.params.id, bytes)
        : previewMemberImport(db, actor, request.params.id, bytes);
    },
  );
};
