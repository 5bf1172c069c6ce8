import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { communeReportDocumentQuery, provinceIdQuery, provinceQuery, provinceReportsResponse, upwardParams, upwardReportResponse } from './schema';
import { communeReportDocument, confirmUpwardReceipt, provinceReports, upwardReportFor } from './service';
import { renderDocx } from '../../documents/docx';
import { consolidatedReportWorkbook } from '../../documents/consolidated-report';
import { contentDisposition } from '../../files/content-disposition';

const tags = ['province'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const provinceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/province/reports',
    {
      config: { policy: 'province.reports.view' },
      schema: { tags, summary: 'Báo cáo các đảng bộ xã, phường đã gửi lên tỉnh: đầy đủ, đúng hạn theo nghị quyết, tổng hợp toàn tỉnh', querystring: provinceQuery, response: { 200: provinceReportsResponse } },
    },
    async (request) => provinceReports(db, actorOf(request), request.query),
  );

  app.get(
    '/api/province/reports/:communeId/:planId',
    { config: { policy: 'province.reports.view' }, schema: { tags, summary: 'Báo cáo tổng hợp của một đảng bộ xã, phường (đã gửi lên tỉnh)', params: upwardParams, querystring: provinceIdQuery, response: { 200: upwardReportResponse } } },
    async (request) => upwardReportFor(db, actorOf(request), request.params.communeId, request.params.planId, request.query.provinceId),
  );

  app.get(
    '/api/province/reports/:communeId/:planId/document',
    {
      config: { policy: 'province.reports.download' },
      schema: { tags, summary: 'Tải báo cáo tổng hợp một đảng bộ xã, phường đã gửi lên tỉnh (DOCX) hoặc bảng các chi bộ (XLSX)', params: upwardParams, querystring: communeReportDocumentQuery },
    },
    async (request, reply) => {
      const { input, model, fileName } = await communeReportDocument(db, actorOf(request), request.params.communeId, request.params.planId, request.query.provinceId);
      if (request.query.format === 'xlsx') return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(fileName('xlsx'))).send(await consolidatedReportWorkbook(input));
      return reply.type(DOCX_TYPE).header('content-disposition', contentDisposition(fileName('docx'))).send(await renderDocx(model));
    },
  );

  app.post(
    '/api/province/reports/:communeId/:planId/read',
    { config: { policy: 'province.reports.receive' }, schema: { tags, summary: 'Xác nhận tỉnh đã nhận báo cáo', params: upwardParams, querystring: provinceIdQuery, response: { 200: upwardReportResponse } } },
    async (request) => confirmUpwardReceipt(db, actorOf(request), request.params.communeId, request.params.planId, request.query.provinceId),
  );
};
