import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { roleGrants, users } from '../../auth/tables';
import { contentDisposition } from '../../files/content-disposition';
import { renderDocx } from '../../documents/docx';
import type { PdfConverter } from '../../documents/pdf';
import type { Actor } from '../../auth/actor';
import { planIdParams } from '../plans/schema';
import {
  createBody,
  deadlineBody,
  deadlineResponse,
  listQuery,
  memberIdParams,
  myStudyResponse,
  planReflectionsResponse,
  recordResponse,
  reflectionIdParams,
  reflectionSchema,
  reviewBody,
  unitIdParams,
  updateBody,
  yearQuery,
} from './schema';
import { createReflection, getReflection, listPlanReflections, myStudy, reviewReflection, setReflectionDeadline, updateReflection } from './service';
import { cellRecord, loadCellForRecord, memberRecord } from './record';
import { cellRecordXlsx, memberRecordDocument } from './record-export';

const tags = ['reflections'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reflectionRoutes: FastifyPluginAsyncZod<{ db: Db; pdf: PdfConverter }> = async (app, { db, pdf }) => {
  app.get(
    '/api/my/study',
    { config: { policy: 'study.own' }, schema: { tags, summary: 'Nghị quyết đảng viên phải học tập, nội dung cốt lõi, tài liệu và bài thu hoạch của mình', response: { 200: myStudyResponse } } },
    async (request) => myStudy(db, actorOf(request)),
  );

  app.post(
    '/api/plans/:id/reflections',
    {
      config: { policy: 'reflections.write' },
      schema: { tags, summary: 'Nộp bài thu hoạch và bản cam kết (gửi lại cùng mã: không ghi lần hai; sau hạn: nhận và ghi trễ hạn)', params: planIdParams, body: createBody, response: { 200: reflectionSchema, 201: reflectionSchema } },
    },
    async (request, reply) => {
      const { created, reflection } = await createReflection(db, actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(reflection);
    },
  );

  app.get(
    '/api/plans/:id/reflections',
    { config: { policy: 'reflections.list' }, schema: { tags, summary: 'Bài thu hoạch của đảng viên theo chi bộ (bí thư: chi bộ mình)', params: planIdParams, querystring: listQuery, response: { 200: planReflectionsResponse } } },
    async (request) => listPlanReflections(db, actorOf(request), request.params.id, request.query.unitId),
  );

  app.put(
    '/api/plans/:id/reflection-deadline',
    { config: { policy: 'reflections.deadline' }, schema: { tags, summary: 'Đặt hạn nộp bài thu hoạch (mặc định: thời hạn của cấp cơ sở)', params: planIdParams, body: deadlineBody, response: { 200: deadlineResponse } } },
    async (request) => setReflectionDeadline(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reflections/:id',
    { config: { policy: 'reflections.view' }, schema: { tags, summary: 'Một bài thu hoạch (của mình, hoặc của chi bộ mình)', params: reflectionIdParams, response: { 200: reflectionSchema } } },
    async (request) => getReflection(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/reflections/:id',
    {
      config: { policy: 'reflections.write' },
      schema: { tags, summary: 'Sửa bài thu hoạch (theo phiên bản, đến khi được nhận xét đạt; gửi lại với cùng Idempotency-Key: không ghi lần hai)', params: reflectionIdParams, headers: idempotencyKeyHeaders, body: updateBody, response: { 200: reflectionSchema } },
    },
    async (request) => updateReflection(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.post(
    '/api/reflections/:id/review',
    { config: { policy: 'reflections.review' }, schema: { tags, summary: 'Bí thư chi bộ nhận xét: Đạt / Chưa đạt', params: reflectionIdParams, body: reviewBody, response: { 200: reflectionSchema } } },
    async (request) => reviewReflection(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/members/:id/record',
    { config: { policy: 'records.view' }, schema: { tags, summary: 'Kết quả học tập nghị quyết trong năm của một đảng viên', params: memberIdParams, querystring: yearQuery, response: { 200: recordResponse } } },
    async (request) => memberRecord(db, actorOf(request), request.params.id, request.query.year),
  );

  /** The member's one-page summary: one model, as DOCX, or as PDF through LibreOffice (like the plans'). */
  const recordDocument = async (actor: Actor, memberId: string, year: number) => {
    const record = await memberRecord(db, actor, memberId, year);
    const [secretary] = await db
      .select({ name: users.displayName })
      .from(roleGrants)
      .innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId)))
      .where(and(eq(roleGrants.tenantId, record.member.tenantId), eq(roleGrants.unitId, record.member.cellId), eq(roleGrants.role, 'cellSecretary'), eq(users.disabled, false)))
      .limit(1);
    const { model, fileName } = await memberRecordDocument(db, {
      tenantId: record.member.tenantId,
      cellName: record.member.cellName,
      fullName: record.member.fullName,
      year: record.year,
      rows: record.resolutions,
      secretaryName: secretary?.name ?? '',
    });
    return { docx: await renderDocx(model), fileName };
  };

  app.get(
    '/api/members/:id/record.docx',
    { config: { policy: 'records.view' }, schema: { tags, summary: 'Phiếu tổng hợp kết quả học tập trong năm của một đảng viên (DOCX, một trang)', params: memberIdParams, querystring: yearQuery } },
    async (request, reply) => {
      const { docx, fileName } = await recordDocument(actorOf(request), request.params.id, request.query.year);
      return reply.type(DOCX).header('content-disposition', contentDisposition(fileName)).send(docx);
    },
  );

  app.get(
    '/api/members/:id/record.pdf',
    { config: { policy: 'records.view' }, schema: { tags, summary: 'Phiếu tổng hợp kết quả học tập trong năm của một đảng viên (PDF, một trang)', params: memberIdParams, querystring: yearQuery } },
    async (request, reply) => {
      const { docx, fileName } = await recordDocument(actorOf(request), request.params.id, request.query.year);
      const bytes = await pdf.convert(docx);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName.replace(/\.docx$/u, '.pdf'), true)).send(bytes);
    },
  );

  app.get(
    '/api/units/:id/record.xlsx',
    { config: { policy: 'records.export' }, schema: { tags, summary: 'Kết quả học tập nghị quyết trong năm của chi bộ (XLSX, cho đánh giá, xếp loại đảng viên)', params: unitIdParams, querystring: yearQuery } },
    async (request, reply) => {
      const unit = await loadCellForRecord(db, actorOf(request), request.params.id);
      const entries = await cellRecord(db, unit, request.query.year);
      const { bytes, fileName } = await cellRecordXlsx(unit, request.query.year, entries);
      return reply.type(XLSX).header('content-disposition', contentDisposition(fileName)).send(bytes);
    },
  );
};
