import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { PdfConverter } from '../../documents/pdf';
import { renderDocx } from '../../documents/docx';
import { renderHtml } from '../../documents/html';
import { actorOf } from '../../auth/plugin';
import { contentDisposition } from '../../files/content-disposition';
import type { Mailer } from '../notifications/mailer';
import { attendanceFor, markHeld, saveAttendance } from './attendance';
import { describeById } from './describe';
import { conferenceDocumentModel, conferenceFileName } from './document';
import { addParticipant, previewResolution, removeParticipant, replaceGroups, resolveParticipants, sendConvocation } from './participants';
import {
  addParticipantBody,
  attendanceBody,
  attendanceSchema,
  conferenceCreateBody,
  conferenceIdParams,
  conferenceSchema,
  conferenceSummary,
  conferenceUpdateBody,
  groupsBody,
  heldBody,
  participantParams,
  planIdParams,
  previewSchema,
  versionBody,
} from './schema';
import { createConference, listPlanConferences, loadConferenceFor, updateConference } from './service';
import './check-in';

const tags = ['conferences'];

export const conferenceRoutes: FastifyPluginAsyncZod<{ db: Db; pdf: PdfConverter; mailer: Mailer }> = async (app, { db, pdf, mailer }) => {
  const one = { 200: conferenceSchema };

  app.get(
    '/api/plans/:id/conferences',
    { config: { policy: 'conferences.list' }, schema: { tags, summary: 'Các hội nghị cấp phường của kế hoạch', params: planIdParams, response: { 200: z.object({ conferences: z.array(conferenceSummary), canCreate: z.boolean() }) } } },
    async (request) => listPlanConferences(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans/:id/conferences',
    { config: { policy: 'conferences.create' }, schema: { tags, summary: 'Tạo hội nghị cấp phường từ kế hoạch đã ban hành (mục III điền sẵn)', params: planIdParams, body: conferenceCreateBody, response: { 201: conferenceSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createConference(db, actor, request.params.id, request.body);
      return reply.status(201).send(await describeById(db, actor, id));
    },
  );

  app.get('/api/conferences/:id', { config: { policy: 'conferences.view' }, schema: { tags, summary: 'Một hội nghị', params: conferenceIdParams, response: one } }, async (request) =>
    describeById(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/conferences/:id',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Sửa thông tin hội nghị', params: conferenceIdParams, body: conferenceUpdateBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      const { version, ...input } = request.body;
      await updateConference(db, actor, request.params.id, version, input);
      return describeById(db, actor, request.params.id);
    },
  );

  app.put(
    '/api/conferences/:id/groups',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Thay thành phần (nhóm đại biểu) và xác định lại danh sách', params: conferenceIdParams, body: groupsBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      await replaceGroups(db, actor, request.params.id, request.body.version, request.body.groups);
      return describeById(db, actor, request.params.id);
    },
  );

  app.get(
    '/api/conferences/:id/resolution',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Xem trước danh sách theo thành phần (không lưu)', params: conferenceIdParams, response: { 200: previewSchema } } },
    async (request) => previewResolution(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/conferences/:id/resolve',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Xác định lại danh sách theo thành phần (trước khi gửi giấy triệu tập)', params: conferenceIdParams, body: versionBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      await resolveParticipants(db, actor, request.params.id, request.body.version);
      return describeById(db, actor, request.params.id);
    },
  );

  app.post(
    '/api/conferences/:id/participants',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Bổ sung một người vào danh sách', params: conferenceIdParams, body: addParticipantBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      await addParticipant(db, actor, request.params.id, request.body);
      return describeById(db, actor, request.params.id);
    },
  );

  app.post(
    '/api/conferences/:id/participants/:personId/remove',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Bớt một người khỏi danh sách (chưa được gửi giấy triệu tập)', params: participantParams, body: versionBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      await removeParticipant(db, actor, request.params.id, request.params.personId, request.body.version);
      return describeById(db, actor, request.params.id);
    },
  );

  app.post(
    '/api/conferences/:id/send',
    {
      config: { policy: 'conferences.manage' },
      schema: { tags, summary: 'Gửi giấy triệu tập: chốt danh sách, thông báo người chưa được gửi', params: conferenceIdParams, body: versionBody, response: { 200: z.object({ notified: z.number().int(), conference: conferenceSchema }) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { notified } = await sendConvocation(db, actor, request.params.id, request.body.version, mailer);
      return { notified, conference: await describeById(db, actor, request.params.id) };
    },
  );

  app.post(
    '/api/conferences/:id/held',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Ghi hội nghị đã tổ chức', params: conferenceIdParams, body: heldBody, response: one } },
    async (request) => {
      const actor = actorOf(request);
      await markHeld(db, actor, request.params.id, request.body.version, request.body.heldOn);
      return describeById(db, actor, request.params.id);
    },
  );

  app.get(
    '/api/conferences/:id/attendance',
    { config: { policy: 'conferences.manage' }, schema: { tags, summary: 'Điểm danh hội nghị', params: conferenceIdParams, response: { 200: attendanceSchema } } },
    async (request) => attendanceFor(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/conferences/:id/attendance',
    { config: { policy: 'conferences.attendance' }, schema: { tags, summary: 'Lưu điểm danh hội nghị (cả danh sách)', params: conferenceIdParams, body: attendanceBody, response: { 200: attendanceSchema } } },
    async (request) => {
      const actor = actorOf(request);
      await saveAttendance(db, actor, request.params.id, request.body.version, request.body.marks);
      return attendanceFor(db, actor, request.params.id);
    },
  );

  app.get(
    '/api/conferences/:id/documents/:document',
    {
      config: { policy: 'conferences.document' },
      schema: {
        tags,
        summary: 'Giấy triệu tập hoặc danh sách đại biểu: DOCX, PDF hoặc HTML',
        params: conferenceIdParams.extend({ document: z.enum(['convocation', 'sign-in-sheet']) }),
        querystring: z.object({ format: z.enum(['docx', 'pdf', 'html']).default('docx') }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const which = request.params.document;
      // The sign-in sheet is the office's working list; a participant reads their convocation.
      const { conference, plan, commune } = await loadConferenceFor(db, actor, request.params.id, which === 'sign-in-sheet' ? 'manage' : 'view');
      const model = await conferenceDocumentModel(db, which, conference, plan, commune);
      const format = request.query.format;
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(model));
      const docx = await renderDocx(model);
      if (format === 'docx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', contentDisposition(conferenceFileName(which, conference, 'docx')))
          .send(docx);
      }
      const bytes = await pdf.convert(docx);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(conferenceFileName(which, conference, 'pdf'), true)).send(bytes);
    },
  );
};
