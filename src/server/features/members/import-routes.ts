import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { readUpload } from '../../files/upload';
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
      const { bytes } = await readUpload(request, MAX_MEMBER_FILE_BYTES);
      const actor = actorOf(request);
      return request.query.mode === 'commit'
        ? commitMemberImport(db, actor, request.params.id, bytes)
        : previewMemberImport(db, actor, request.params.id, bytes);
    },
  );
};
