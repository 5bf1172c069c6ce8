import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import type { FileStore } from '../../files/store';
import { contentDisposition } from '../../files/content-disposition';
import { readUpload } from '../../files/upload';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { planIdParams } from '../plans/schema';
import {
  confirmBody,
  entryCreateBody,
  entryFileParams,
  entryIdParams,
  entryListResponse,
  entrySchema,
  entryUpdateBody,
  listQuery,
  occurrenceParams,
  scheduleCreateBody,
  scheduleListResponse,
  scheduleSchema,
  totalsQuery,
  totalsResponse,
  versionQuery,
} from './schema';
import { attachToEntry, createEntry, deleteEntry, entryForAttachment, findEntryFile, listEntries, loadEntryFor, MAX_PROPAGANDA_FILE_BYTES, totalsFor, updateEntry } from './service';
import { confirmOccurrence, createSchedule, listSchedules } from './loudspeaker';

const tags = ['propaganda'];

export const propagandaRoutes: FastifyPluginAsyncZod<{ db: Db; files: FileStore }> = async (app, { db, files }) => {
  app.get(
    '/api/plans/:id/propaganda',
    { config: { policy: 'propaganda.list' }, schema: { tags, summary: 'Kết quả tuyên truyền của kế hoạch (lọc theo đơn vị, hình thức)', params: planIdParams, querystring: listQuery, response: { 200: entryListResponse } } },
    async (request) => listEntries(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/plans/:id/propaganda',
    {
      config: { policy: 'propaganda.write' },
      schema: { tags, summary: 'Ghi một kết quả tuyên truyền (gửi lại cùng mã: không ghi lần hai)', params: planIdParams, body: entryCreateBody, response: { 200: entrySchema, 201: entrySchema } },
    },
    async (request, reply) => {
      const { created, entry } = await createEntry(db, actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.get(
    '/api/plans/:id/propaganda/totals',
    { config: { policy: 'propaganda.list' }, schema: { tags, summary: 'Tổng hợp kết quả tuyên truyền theo hình thức', params: planIdParams, querystring: totalsQuery, response: { 200: totalsResponse } } },
    async (request) => totalsFor(db, actorOf(request), request.params.id, request.query.unitId),
  );

  app.patch(
    '/api/propaganda/:id',
    { config: { policy: 'propaganda.write' }, schema: { tags, summary: 'Sửa một kết quả tuyên truyền (theo phiên bản)', params: entryIdParams, body: entryUpdateBody, response: { 200: entrySchema } } },
    async (request) => updateEntry(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/propaganda/:id',
    { config: { policy: 'propaganda.write' }, schema: { tags, summary: 'Xóa một kết quả tuyên truyền (theo phiên bản)', params: entryIdParams, querystring: versionQuery } },
    async (request, reply) => {
      await deleteEntry(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/propaganda/:id/attachments',
    {
      config: { policy: 'propaganda.write' },
      schema: {
        tags,
        summary: 'Đính kèm ảnh, tài liệu: PDF, DOCX, JPEG, PNG (tối đa 20 MB)',
        params: entryIdParams,
        headers: idempotencyKeyHeaders,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await entryForAttachment(db, actor, request.params.id);
      const upload = await readUpload(request, MAX_PROPAGANDA_FILE_BYTES);
      return reply.status(201).send(await attachToEntry(db, files, actor, loaded, upload, request.headers['idempotency-key']));
    },
  );

  app.get(
    '/api/propaganda/:id/attachments/:attachmentId',
    { config: { policy: 'propaganda.list' }, schema: { tags, summary: 'Tải tệp đính kèm', params: entryFileParams } },
    async (request, reply) => {
      const { entry } = await loadEntryFor(db, actorOf(request), request.params.id);
      const file = await findEntryFile(db, entry, request.params.attachmentId);
      const bytes = files.open(file.sha256); // before the headers: a missing file answers 410 in JSON
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName, file.contentType === 'application/pdf' || file.contentType.startsWith('image/')))
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  app.get(
    '/api/plans/:id/loudspeaker',
    { config: { policy: 'propaganda.list' }, schema: { tags, summary: 'Lịch phát thanh của kế hoạch, các buổi phát và xác nhận', params: planIdParams, response: { 200: scheduleListResponse } } },
    async (request) => listSchedules(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans/:id/loudspeaker',
    {
      config: { policy: 'propaganda.write' },
      schema: { tags, summary: 'Lập lịch phát thanh định kỳ (có ngày kết thúc, tối đa một năm)', params: planIdParams, body: scheduleCreateBody, response: { 200: scheduleSchema, 201: scheduleSchema } },
    },
    async (request, reply) => {
      const { created, schedule } = await createSchedule(db, actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(schedule);
    },
  );

  app.put(
    '/api/loudspeaker/:id/occurrences/:on',
    { config: { policy: 'propaganda.write' }, schema: { tags, summary: 'Xác nhận một buổi phát: đã phát hoặc không phát', params: occurrenceParams, body: confirmBody, response: { 200: scheduleSchema } } },
    async (request) => confirmOccurrence(db, actorOf(request), request.params.id, request.params.on, request.body),
  );
};
