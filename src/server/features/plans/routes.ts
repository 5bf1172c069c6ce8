import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { PdfConverter } from '../../documents/pdf';
import { renderDocx } from '../../documents/docx';
import { renderHtml } from '../../documents/html';
import { actorOf } from '../../auth/plugin';
import { contentDisposition } from '../../files/content-disposition';
import { communeQuery } from '../units/schema';
import { listDeliveries, listInbox, markDeliveryRead } from './inbox';
import { planDocumentModel, planFileName } from './document';
import { deliverySchema, inboxItem, issueBody, issuePreviewSchema, planCreateBody, planIdParams, planSchema, planSummary, planUpdateBody, submitBody, transitionBody } from './schema';
import { createPlan, describePlan, listPlans, loadPlanFor, updatePlan } from './service';
import { approvePlan, issuePlan, newPlanVersion, previewIssue, returnPlan, submitPlan } from './workflow';

const tags = ['plans'];

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; pdf: PdfConverter }> = async (app, { db, pdf }) => {
  const describe = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const { plan, commune } = await loadPlanFor(db, actor, id);
    return describePlan(db, actor, plan, commune);
  };

  app.get(
    '/api/plans',
    { config: { policy: 'plans.list' }, schema: { tags, summary: 'Các kế hoạch của đảng bộ', querystring: communeQuery, response: { 200: z.object({ plans: z.array(planSummary) }) } } },
    async (request) => ({ plans: await listPlans(db, actorOf(request), request.query.communeId) }),
  );

  app.post(
    '/api/plans',
    { config: { policy: 'plans.create' }, schema: { tags, summary: 'Tạo kế hoạch: từ văn bản nhập, từ mẫu, hoặc sao từ kế hoạch trước', querystring: communeQuery, body: planCreateBody, response: { 201: planSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createPlan(db, actor, request.body, { communeId: request.query.communeId });
      return reply.status(201).send(await describe(actor, id));
    },
  );

  app.get('/api/plans/:id', { config: { policy: 'plans.view' }, schema: { tags, summary: 'Một kế hoạch', params: planIdParams, response: { 200: planSchema } } }, async (request) =>
    describe(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/plans/:id',
    { config: { policy: 'plans.edit' }, schema: { tags, summary: 'Sửa bản nháp kế hoạch', params: planIdParams, body: planUpdateBody, response: { 200: planSchema } } },
    async (request) => {
      const actor = actorOf(request);
      await updatePlan(db, actor, request.params.id, request.body);
      return describe(actor, request.params.id);
    },
  );

  app.post(
    '/api/plans/:id/submit',
    {
      config: { policy: 'plans.submit' },
      schema: {
        tags,
        summary: 'Trình duyệt (lỗi của bộ kiểm tra phải được sửa hoặc ghi lý do giữ nguyên)',
        params: planIdParams,
        body: submitBody,
        response: { 200: planSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await submitPlan(db, actor, request.params.id, request.body.version, request.body.acknowledgements ?? []);
      return describe(actor, request.params.id);
    },
  );

  app.get(
    '/api/plans/:id/issue-preview',
    {
      config: { policy: 'plans.issue' },
      schema: {
        tags,
        summary: 'Số và ngày kế hoạch sẽ nhận nếu ban hành (không giữ số)',
        params: planIdParams,
        querystring: z.object({ issuedOn: z.iso.date({ message: 'Ngày ban hành không hợp lệ.' }).optional() }),
        response: { 200: issuePreviewSchema },
      },
    },
    async (request) => previewIssue(db, actorOf(request), request.params.id, request.query.issuedOn),
  );

  const steps = { approve: approvePlan, return: returnPlan } as const;
  for (const [step, run] of Object.entries(steps)) {
    app.post(
      `/api/plans/:id/${step}`,
      { config: { policy: `plans.${step}` as 'plans.approve' | 'plans.return' }, schema: { tags, summary: { approve: 'Duyệt', return: 'Trả lại để sửa' }[step], params: planIdParams, body: transitionBody, response: { 200: planSchema } } },
      async (request) => {
        const actor = actorOf(request);
        await run(db, actor, request.params.id, request.body.version);
        return describe(actor, request.params.id);
      },
    );
  }

  app.post(
    '/api/plans/:id/issue',
    { config: { policy: 'plans.issue' }, schema: { tags, summary: 'Ban hành: cấp số, ghi ngày, khóa và gửi đến nơi nhận', params: planIdParams, body: issueBody, response: { 200: planSchema } } },
    async (request) => {
      const actor = actorOf(request);
      await issuePlan(db, actor, request.params.id, request.body.version, request.body.issuedOn);
      return describe(actor, request.params.id);
    },
  );

  app.post(
    '/api/plans/:id/new-version',
    { config: { policy: 'plans.new-version' }, schema: { tags, summary: 'Tạo phiên bản mới của kế hoạch đã ban hành', params: planIdParams, response: { 201: planSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await newPlanVersion(db, actor, request.params.id);
      return reply.status(201).send(await describe(actor, id));
    },
  );

  app.get(
    '/api/plans/:id/deliveries',
    { config: { policy: 'plans.deliveries' }, schema: { tags, summary: 'Nơi nhận và xác nhận đã đọc', params: planIdParams, response: { 200: z.object({ deliveries: z.array(deliverySchema) }) } } },
    async (request) => ({ deliveries: await listDeliveries(db, actorOf(request), request.params.id) }),
  );

  app.get('/api/inbox', { config: { policy: 'inbox.list' }, schema: { tags, summary: 'Văn bản đến của đơn vị', response: { 200: z.object({ items: z.array(inboxItem) }) } } }, async (request) => ({
    items: await listInbox(db, actorOf(request)),
  }));

  app.post(
    '/api/inbox/:id/read',
    { config: { policy: 'inbox.confirm' }, schema: { tags, summary: 'Xác nhận đã đọc', params: z.object({ id: z.uuid() }) } },
    async (request) => {
      const delivery = await markDeliveryRead(db, actorOf(request), request.params.id);
      return { id: delivery.id, readAt: delivery.readAt };
    },
  );

  app.get(
    '/api/plans/:id/document',
    { config: { policy: 'plans.document' }, schema: { tags, summary: 'Văn bản kế hoạch: DOCX, PDF hoặc HTML', params: planIdParams, querystring: z.object({ format: z.enum(['docx', 'pdf', 'html']).default('docx') }) } },
    async (request, reply) => {
      const { plan, commune } = await loadPlanFor(db, actorOf(request), request.params.id);
      const model = await planDocumentModel(db, plan, commune);
      const format = request.query.format;
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(model));
      const docx = await renderDocx(model);
      if (format === 'docx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', contentDisposition(planFileName(plan, 'docx')))
          .send(docx);
      }
      const bytes = await pdf.convert(docx);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(planFileName(plan, 'pdf'), true)).send(bytes);
    },
  );
};
