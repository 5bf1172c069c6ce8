import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { PdfConverter } from '../../documents/pdf';
import { renderDocx } from '../../documents/docx';
import { contentDisposition } from '../../files/content-disposition';
import { readUploadWithFields } from '../../files/upload';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { planIdParams } from '../plans/schema';
import { sessionIdParams } from '../study-sessions/schema';
import type { Mailer } from '../notifications/mailer';
import {
  communeQuery,
  consolidationResponse,
  inspectionBody,
  reportActionBody,
  reportCreateBody,
  reportDetailSchema,
  reportIdParams,
  reportPatchBody,
  rescoreBody,
  rubricBody,
  rubricResponse,
  sessionReportResponse,
  versionsResponse,
  consolidatedReportActionBody,
  consolidatedReportBody,
  consolidatedReportDocumentQuery,
  consolidatedReportResponse,
} from './schema';
import { reopenConsolidatedReport, saveConsolidatedReport, submitConsolidatedReport, consolidatedReportFor } from './consolidated-report';
import { currentRubric, currentRubricWorkbook, importRubric, saveRubric } from './rubric';
import { reportCreations } from './create';
import { acceptReport, recordInspection, reportFor, reportVersions, rescoreReport, returnReport, sessionReport, submitReport, updateReport } from './service';
import { planConsolidation, remindMissing } from './consolidation';
import { reportDocumentFor, consolidatedReportDocumentFor } from './document';
import { consolidatedReportWorkbook } from '../../documents/consolidated-report';

const tags = ['reports'];
const detail = { 200: reportDetailSchema };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_RUBRIC_BYTES = 2 * 1024 * 1024;

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db; pdf: PdfConverter; mailer: Mailer }> = async (app, { db, pdf, mailer }) => {
  const createReport = reportCreations(db);
  app.get(
    '/api/rubrics/current',
    { config: { policy: 'rubrics.view' }, schema: { tags, summary: 'Bộ tiêu chí tự chấm điểm hiện hành', querystring: communeQuery, response: { 200: rubricResponse } } },
    async (request) => currentRubric(db, actorOf(request), request.query.communeId),
  );

  app.get(
    '/api/rubrics/current.xlsx',
    { config: { policy: 'rubrics.view' }, schema: { tags, summary: 'Bộ tiêu chí hiện hành dưới dạng Excel (sửa rồi nhập lại)', querystring: communeQuery } },
    async (request, reply) =>
      reply.type(XLSX_TYPE).header('content-disposition', contentDisposition('bo-tieu-chi.xlsx')).send(await currentRubricWorkbook(db, actorOf(request), request.query.communeId)),
  );

  app.post(
    '/api/rubrics',
    { config: { policy: 'rubrics.edit' }, schema: { tags, summary: 'Lưu phiên bản mới của bộ tiêu chí', querystring: communeQuery, body: rubricBody, response: { 201: rubricResponse } } },
    async (request, reply) => reply.status(201).send(await saveRubric(db, actorOf(request), request.body, request.query.communeId)),
  );

  app.post(
    '/api/rubrics/import',
    { config: { policy: 'rubrics.edit' }, schema: { tags, summary: 'Nhập bộ tiêu chí từ Excel (trang "Tiêu chí" và "Xếp loại")', querystring: communeQuery, response: { 201: rubricResponse } } },
    async (request, reply) =>
      reply.status(201).send(await importRubric(db, actorOf(request), () => readUploadWithFields(request, MAX_RUBRIC_BYTES), request.query.communeId)),
  );

  app.get(
    '/api/sessions/:id/report',
    { config: { policy: 'reports.view' }, schema: { tags, summary: 'Báo cáo của chi bộ về buổi sinh hoạt (hoặc số liệu để lập)', params: sessionIdParams, response: { 200: sessionReportResponse } } },
    async (request) => sessionReport(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/sessions/:id/report',
    {
      config: { policy: 'reports.write' },
      schema: { tags, summary: 'Lập báo cáo kết quả học tập (gửi lại với cùng Idempotency-Key trả về báo cáo đã lập)', params: sessionIdParams, headers: idempotencyKeyHeaders, body: reportCreateBody, response: { 201: reportDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await createReport(actorOf(request), request.params.id, request.body, request.headers['idempotency-key'])),
  );

  app.post(
    '/api/sessions/:id/inspections',
    { config: { policy: 'reports.inspect' }, schema: { tags, summary: 'Ghi nhận kiểm tra, giám sát buổi sinh hoạt của chi bộ', params: sessionIdParams, headers: idempotencyKeyHeaders, body: inspectionBody } },
    async (request, reply) => reply.status(201).send(await recordInspection(db, actorOf(request), request.params.id, request.body, request.headers['idempotency-key'])),
  );

  app.get(
    '/api/reports/:id',
    { config: { policy: 'reports.view' }, schema: { tags, summary: 'Một báo cáo của chi bộ', params: reportIdParams, response: detail } },
    async (request) => reportFor(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/reports/:id',
    { config: { policy: 'reports.write' }, schema: { tags, summary: 'Sửa báo cáo (bản nháp hoặc bị trả lại)', params: reportIdParams, body: reportPatchBody, response: detail } },
    async (request) => updateReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/submit',
    { config: { policy: 'reports.write' }, schema: { tags, summary: 'Gửi báo cáo lên Đảng ủy', params: reportIdParams, body: reportActionBody, response: detail } },
    async (request) => submitReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/return',
    { config: { policy: 'reports.review' }, schema: { tags, summary: 'Trả lại báo cáo kèm ý kiến', params: reportIdParams, body: reportActionBody, response: detail } },
    async (request) => returnReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/accept',
    { config: { policy: 'reports.review' }, schema: { tags, summary: 'Tiếp nhận báo cáo', params: reportIdParams, body: reportActionBody, response: detail } },
    async (request) => acceptReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/rescore',
    { config: { policy: 'reports.review' }, schema: { tags, summary: 'Đảng ủy chấm lại (giữ cả điểm chi bộ tự chấm)', params: reportIdParams, body: rescoreBody, response: detail } },
    async (request) => rescoreReport(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reports/:id/versions',
    { config: { policy: 'reports.view' }, schema: { tags, summary: 'Lịch sử các phiên bản của báo cáo', params: reportIdParams, response: { 200: versionsResponse } } },
    async (request) => reportVersions(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/reports/:id/document',
    { config: { policy: 'reports.view' }, schema: { tags, summary: 'Báo cáo của chi bộ (DOCX hoặc PDF)', params: reportIdParams, querystring: z.object({ format: z.enum(['docx', 'pdf']).default('docx') }) } },
    async (request, reply) => {
      const { model, fileName } = await reportDocumentFor(db, actorOf(request), request.params.id);
      const docx = await renderDocx(model);
      if (request.query.format === 'docx') {
        return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', contentDisposition(fileName('docx'))).send(docx);
      }
      const bytes = await pdf.convert(docx);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName('pdf'), true)).send(bytes);
    },
  );

  app.get(
    '/api/plans/:id/consolidation',
    { config: { policy: 'reports.consolidation' }, schema: { tags, summary: 'Tổng hợp báo cáo của các chi bộ theo kế hoạch', params: planIdParams, response: { 200: consolidationResponse } } },
    async (request) => planConsolidation(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans/:id/consolidation/remind',
    {
      config: { policy: 'reports.remind' },
      schema: {
        tags,
        summary: 'Nhắc tất cả chi bộ chưa gửi báo cáo',
        params: planIdParams,
        response: { 200: z.object({ cells: z.number(), notified: z.number(), withoutSecretary: z.array(z.string()) }) },
      },
    },
    async (request) => remindMissing(db, actorOf(request), request.params.id, mailer),
  );

  const wardTags = ['reports'];
  app.get(
    '/api/plans/:id/consolidated-report',
    { config: { policy: 'consolidated-reports.view' }, schema: { tags: wardTags, summary: 'Báo cáo tổng hợp của Đảng ủy theo kế hoạch (bản nháp trống khi chưa soạn)', params: planIdParams, response: { 200: consolidatedReportResponse } } },
    async (request) => consolidatedReportFor(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/plans/:id/consolidated-report',
    { config: { policy: 'consolidated-reports.edit' }, schema: { tags: wardTags, summary: 'Lưu báo cáo tổng hợp (khó khăn, đề xuất, số, ngày); phiên bản 0 khi lưu lần đầu', params: planIdParams, body: consolidatedReportBody, response: { 200: consolidatedReportResponse } } },
    async (request) => saveConsolidatedReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/consolidated-report/submit',
    { config: { policy: 'consolidated-reports.submit' }, schema: { tags: wardTags, summary: 'Gửi báo cáo tổng hợp lên cấp trên (khóa số liệu báo cáo của các chi bộ)', params: planIdParams, body: consolidatedReportActionBody, response: { 200: consolidatedReportResponse } } },
    async (request) => submitConsolidatedReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/consolidated-report/reopen',
    { config: { policy: 'consolidated-reports.reopen' }, schema: { tags: wardTags, summary: 'Mở lại báo cáo tổng hợp (mở khóa báo cáo của các chi bộ)', params: planIdParams, body: consolidatedReportActionBody, response: { 200: consolidatedReportResponse } } },
    async (request) => reopenConsolidatedReport(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/plans/:id/consolidated-report/document',
    { config: { policy: 'consolidated-reports.view' }, schema: { tags: wardTags, summary: 'Báo cáo tổng hợp (DOCX) hoặc bảng tổng hợp các chi bộ (XLSX)', params: planIdParams, querystring: consolidatedReportDocumentQuery } },
    async (request, reply) => {
      const { input, model, fileName } = await consolidatedReportDocumentFor(db, actorOf(request), request.params.id);
      if (request.query.format === 'xlsx') return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(fileName('xlsx'))).send(await consolidatedReportWorkbook(input));
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', contentDisposition(fileName('docx'))).send(await renderDocx(model));
    },
  );
};
