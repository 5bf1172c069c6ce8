import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { PdfConverter } from '../../documents/pdf';
import { renderDocx } from '../../documents/docx';
import { contentDisposition } from '../../files/content-disposition';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { planIdParams } from '../plans/schema';
import {
  atConferenceBody,
  attendanceBody,
  guestBody,
  heldBody,
  makeUpBody,
  modeBody,
  modeParams,
  overviewResponse,
  scheduleBody,
  sessionDetailSchema,
  sessionIdParams,
  sessionListResponse,
  unitSessionsResponse,
} from './schema';
import { markHeld, saveAttendance, sessionFor, setAtConference, updateSchedule } from './service';
import { chooseSessionMode, planOverview, planSessions, unitSessions } from './overview';
import { unitIdParams } from '../units/schema';
import { addGuest, createMakeUp } from './make-up';
import { minutesFor } from './minutes';
import './check-in';

const tags = ['sessions'];
const detail = { 200: sessionDetailSchema };
const idempotencyKey = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() });

export const studySessionRoutes: FastifyPluginAsyncZod<{ db: Db; pdf: PdfConverter }> = async (app, { db, pdf }) => {
  app.get(
    '/api/plans/:id/sessions',
    { config: { policy: 'sessions.list' }, schema: { tags, summary: 'Buổi sinh hoạt học tập của các chi bộ theo kế hoạch', params: planIdParams, response: { 200: sessionListResponse } } },
    async (request) => ({ sessions: await planSessions(db, actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/plans/:id/sessions/overview',
    { config: { policy: 'sessions.overview' }, schema: { tags, summary: 'Tổng hợp: số buổi theo trạng thái, học bù theo chi bộ', params: planIdParams, response: { 200: overviewResponse } } },
    async (request) => planOverview(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/plans/:id/units/:unitId/session-mode',
    { config: { policy: 'sessions.mode' }, schema: { tags, summary: 'Đảng bộ cơ sở: một buổi chung hoặc mỗi chi bộ một buổi', params: modeParams, body: modeBody } },
    async (request) => chooseSessionMode(db, actorOf(request), request.params.id, request.params.unitId, request.body.mode),
  );

  app.get(
    '/api/units/:id/sessions',
    { config: { policy: 'sessions.view' }, schema: { tags, summary: 'Buổi sinh hoạt học tập của một chi bộ', params: unitIdParams, response: { 200: unitSessionsResponse } } },
    async (request) => ({ sessions: await unitSessions(db, actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/sessions/:id',
    { config: { policy: 'sessions.view' }, schema: { tags, summary: 'Một buổi sinh hoạt: lịch, người phải dự, điểm danh', params: sessionIdParams, response: detail } },
    async (request) => sessionFor(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/sessions/:id',
    {
      config: { policy: 'sessions.run' },
      schema: { tags, summary: 'Lịch, địa điểm, báo cáo viên, nội dung của buổi sinh hoạt (gửi lại với cùng Idempotency-Key: không ghi lần hai)', params: sessionIdParams, headers: idempotencyKey, body: scheduleBody, response: detail },
    },
    async (request) => updateSchedule(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.put(
    '/api/sessions/:id/attendance',
    {
      config: { policy: 'sessions.run' },
      schema: { tags, summary: 'Điểm danh (gửi lại với cùng Idempotency-Key trả về buổi sinh hoạt, không ghi lần hai)', params: sessionIdParams, headers: idempotencyKey, body: attendanceBody, response: detail },
    },
    async (request) => saveAttendance(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.post(
    '/api/sessions/:id/held',
    { config: { policy: 'sessions.run' }, schema: { tags, summary: 'Xác nhận đã tổ chức (gửi lại với cùng Idempotency-Key: không ghi lần hai)', params: sessionIdParams, headers: idempotencyKey, body: heldBody, response: detail } },
    async (request) => markHeld(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.post(
    '/api/sessions/:id/at-conference',
    { config: { policy: 'sessions.plan' }, schema: { tags, summary: 'Học tập tại hội nghị cấp phường', params: sessionIdParams, body: atConferenceBody, response: detail } },
    async (request) => setAtConference(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/sessions/:id/make-ups',
    { config: { policy: 'sessions.run' }, schema: { tags, summary: 'Tổ chức học bù cho buổi đã tổ chức', params: sessionIdParams, headers: idempotencyKeyHeaders, body: makeUpBody, response: { 201: sessionDetailSchema } } },
    async (request, reply) => reply.status(201).send(await createMakeUp(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key'])),
  );

  app.post(
    '/api/sessions/:id/guests',
    { config: { policy: 'sessions.plan' }, schema: { tags, summary: 'Cử đảng viên nợ buổi học đến học bù tại chi bộ này', params: sessionIdParams, headers: idempotencyKeyHeaders, body: guestBody, response: detail } },
    async (request) => addGuest(db, actorOf(request), request.params.id, request.body.memberId, request.headers['idempotency-key']),
  );

  app.get(
    '/api/sessions/:id/minutes',
    {
      config: { policy: 'sessions.view' },
      schema: { tags, summary: 'Biên bản buổi sinh hoạt (DOCX hoặc PDF)', params: sessionIdParams, querystring: z.object({ format: z.enum(['docx', 'pdf']).default('docx') }) },
    },
    async (request, reply) => {
      const { model, fileName } = await minutesFor(db, actorOf(request), request.params.id);
      const docx = await renderDocx(model);
      if (request.query.format === 'docx') {
        return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', contentDisposition(fileName('docx'))).send(docx);
      }
      const bytes = await pdf.convert(docx);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName('pdf'), true)).send(bytes);
    },
  );
};
