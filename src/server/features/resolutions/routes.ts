import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { FileStore } from '../../files/store';
import { actorOf } from '../../auth/plugin';
import { badRequest } from '../../errors';
import { readUpload } from '../../files/upload';
import { communeQuery } from '../units/schema';
import { contentDisposition } from '../../files/content-disposition';
import { findAttachment, MAX_ATTACHMENT_BYTES, storeAttachment } from './attachments';
import { attachmentSchema, linkInput, resolutionDetail, resolutionIdParams, resolutionInput, resolutionSchema, resolutionSearchQuery, resolutionSummary, resolutionUpdate } from './schema';
import { asks, createResolution, linkResolutions, loadResolution, resolutionDetail as loadDetail, searchResolutions, unlinkResolutions, updateResolution } from './service';

const tags = ['resolutions'];

export const resolutionRoutes: FastifyPluginAsyncZod<{ db: Db; files: FileStore }> = async (app, { db, files }) => {
  app.get(
    '/api/resolutions',
    { config: { policy: 'resolutions.list' }, schema: { tags, summary: 'Tìm văn bản theo số hiệu, trích yếu, nội dung (có hoặc không dấu)', querystring: resolutionSearchQuery, response: { 200: z.object({ resolutions: z.array(resolutionSummary) }) } } },
    async (request) => ({ resolutions: await searchResolutions(db, actorOf(request), request.query) }),
  );

  app.post(
    '/api/resolutions',
    { config: { policy: 'resolutions.create' }, schema: { tags, summary: 'Đăng ký văn bản', querystring: communeQuery, body: resolutionInput, response: { 201: resolutionSchema } } },
    async (request, reply) => reply.status(201).send(await createResolution(db, actorOf(request), request.body, request.query.communeId)),
  );

  app.get(
    '/api/resolutions/:id',
    { config: { policy: 'resolutions.view' }, schema: { tags, summary: 'Một văn bản, tệp đính kèm, liên kết và các kế hoạch thực hiện', params: resolutionIdParams, response: { 200: resolutionDetail } } },
    async (request) => loadDetail(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/resolutions/:id',
    { config: { policy: 'resolutions.edit' }, schema: { tags, summary: 'Sửa văn bản', params: resolutionIdParams, body: resolutionUpdate, response: { 200: resolutionSchema } } },
    async (request) => updateResolution(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/resolutions/:id/links',
    { config: { policy: 'resolutions.link' }, schema: { tags, summary: 'Liên kết văn bản (thực hiện, hướng dẫn, thay thế)', params: resolutionIdParams, body: linkInput } },
    async (request, reply) => reply.status(201).send(await linkResolutions(db, actorOf(request), request.params.id, request.body.toId, request.body.relation)),
  );

  app.delete(
    '/api/resolutions/:id/links/:linkId',
    { config: { policy: 'resolutions.link' }, schema: { tags, summary: 'Bỏ liên kết', params: resolutionIdParams.extend({ linkId: z.uuid() }) } },
    async (request) => {
      await unlinkResolutions(db, actorOf(request), request.params.id, request.params.linkId);
      return { ok: true };
    },
  );

  app.post(
    '/api/resolutions/:id/attachments',
    { config: { policy: 'resolutions.attach' }, schema: { tags, summary: 'Đính kèm tệp PDF/DOCX (tối đa 20 MB)', params: resolutionIdParams, consumes: ['multipart/form-data'], response: { 201: attachmentSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const resolution = await loadResolution(db, actor, request.params.id, asks.attach);
      const upload = await readUpload(request, MAX_ATTACHMENT_BYTES);
      if (upload.bytes.length === 0) throw badRequest('upload.empty', 'Tệp tải lên không có nội dung.');
      const row = await storeAttachment(db, files, actor, { type: 'resolution', id: resolution.id, tenantId: resolution.tenantId }, upload);
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/api/resolutions/:id/attachments/:attachmentId',
    { config: { policy: 'resolutions.download' }, schema: { tags, summary: 'Tải tệp đính kèm', params: resolutionIdParams.extend({ attachmentId: z.uuid() }) } },
    async (request, reply) => {
      const resolution = await loadResolution(db, actorOf(request), request.params.id, asks.download);
      const file = await findAttachment(db, { type: 'resolution', id: resolution.id }, request.params.attachmentId);
      const bytes = files.open(file.sha256); // before the headers: a missing file answers 410 in JSON
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName, file.contentType === 'application/pdf'))
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
