import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { provinceIdQuery, provinceQuery, provinceReportsResponse, upwardParams, upwardReportResponse } from './schema';
import { confirmUpwardReceipt, provinceReports, upwardReportFor } from './service';

const tags = ['province'];

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

  app.post(
    '/api/province/reports/:communeId/:planId/read',
    { config: { policy: 'province.reports.receive' }, schema: { tags, summary: 'Xác nhận tỉnh đã nhận báo cáo', params: upwardParams, querystring: provinceIdQuery, response: { 200: upwardReportResponse } } },
    async (request) => confirmUpwardReceipt(db, actorOf(request), request.params.communeId, request.params.planId, request.query.provinceId),
  );
};
