import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { AppError, validationFailed } from '../../errors';
import { readUpload } from '../../files/upload';
import { z } from 'zod';
import { communeQuery } from '../units/schema';
import { MAX_PLAN_BYTES, readPlanInput } from './input';
import { importedPlanSchema, importTextBody, vocabularyBody, vocabularyResponse } from './schema';
import { saveExtension } from './vocabulary';
import { analysePlan, planImportCommune, vocabularyFor } from './service';

export const planImportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/plans/import',
    {
      config: { policy: 'plans.import' },
      // A 5 MB plan sent as JSON text, with room for escaping.
      bodyLimit: 2 * MAX_PLAN_BYTES,
      schema: {
        tags: ['plan-import'],
        summary: 'Đọc một kế hoạch (tệp .md/.txt/.docx hoặc văn bản) thành cấu trúc và kiểm tra lỗi',
        // JSON { text } or a multipart file: the body is checked in the handler, by its kind.
        consumes: ['application/json', 'multipart/form-data'],
        // ?withText=true adds `text`: what was read from the file (a .docx's text), for the editor.
        querystring: communeQuery.extend({ withText: z.stringbool().default(false) }),
        response: { 200: importedPlanSchema.extend({ text: z.string().optional() }) },
      },
    },
    async (request) => {
      const commune = await planImportCommune(db, actorOf(request), request.query.communeId);
      // Pasted text is text whatever name it carries; a file is read by its type.
      const input = request.isMultipart() ? await readUpload(request, MAX_PLAN_BYTES + 1) : { bytes: Buffer.from(pastedText(request.body), 'utf8'), fileName: 'ke-hoach.txt' };
      const read = await readPlanInput(input.bytes, input.fileName);
      if (!read.ok) throw new AppError(read.error.status, read.error.id, read.error.message);
      const plan = await analysePlan(db, commune, read.text);
      return request.query.withText ? { ...plan, text: read.text } : plan;
    },
  );

  app.get(
    '/api/plan-import/vocabulary',
    { config: { policy: 'vocabulary.view' }, schema: { tags: ['plan-import'], summary: 'Từ vựng bổ sung của bộ kiểm tra kế hoạch', response: { 200: vocabularyResponse } } },
    async (request) => vocabularyFor(db, actorOf(request)),
  );

  app.put(
    '/api/plan-import/vocabulary',
    { config: { policy: 'vocabulary.edit' }, schema: { tags: ['plan-import'], summary: 'Sửa từ vựng bổ sung (quản trị viên)', body: vocabularyBody, response: { 200: vocabularyResponse } } },
    async (request) => saveExtension(db, actorOf(request), request.body),
  );
};

function pastedText(body: unknown): string {
  const parsed = importTextBody.safeParse(body ?? {});
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })));
  return parsed.data.text;
}
