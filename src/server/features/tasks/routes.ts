import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import type { FileStore } from '../../files/store';
import { contentDisposition } from '../../files/content-disposition';
import { readUploadWithFields } from '../../files/upload';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { planIdParams } from '../plans/schema';
import { assigneeMappingBody, completeBody, evidenceCreated, evidenceNoteBody, evidenceParams, planTasksResponse, taskAddBody, taskDetailSchema, taskIdParams, taskUpdateBody } from './schema';
import { addTask, completeTask, findEvidence, listPlanTasks, loadTaskFor, taskFor, updateTask } from './service';
import { addEvidence, MAX_EVIDENCE_BYTES, taskForEvidence } from './evidence';
import { noEvidence } from './errors';
import { validationFailed } from '../../errors';
import { assignDraftTaskUnit } from './assignee-mappings';

const tags = ['tasks'];
const detail = { 200: taskDetailSchema };

export const taskRoutes: FastifyPluginAsyncZod<{ db: Db; files: FileStore }> = async (app, { db, files }) => {
  app.get(
    '/api/plans/:id/tasks',
    {
      config: { policy: 'tasks.list' },
      schema: { tags, summary: 'Nhiệm vụ của kế hoạch (mục IV); với bản nháp: các nhiệm vụ sẽ được tạo khi ban hành', params: planIdParams, response: { 200: planTasksResponse } },
    },
    async (request) => listPlanTasks(db, actorOf(request), request.params.id),
  );

  app.put(
    '/api/plans/:id/task-assignees',
    {
      config: { policy: 'plans.edit' },
      schema: { tags, summary: 'Bản nháp: chọn đơn vị cho một tên đơn vị được giao ở mục IV (đảng bộ ghi nhớ cho các kế hoạch sau)', params: planIdParams, body: assigneeMappingBody, response: { 200: planTasksResponse } },
    },
    async (request) => assignDraftTaskUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/tasks',
    {
      config: { policy: 'tasks.add' },
      schema: { tags, summary: 'Thêm nhiệm vụ vào kế hoạch đã ban hành (gửi lại cùng mã: không thêm lần hai)', params: planIdParams, body: taskAddBody, response: { 200: taskDetailSchema, 201: taskDetailSchema } },
    },
    async (request, reply) => {
      const { created, task } = await addTask(db, actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(task);
    },
  );

  app.get(
    '/api/tasks/:id',
    { config: { policy: 'tasks.view' }, schema: { tags, summary: 'Một nhiệm vụ: minh chứng, lịch sử', params: taskIdParams, response: detail } },
    async (request) => taskFor(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { policy: 'tasks.edit' },
      schema: { tags, summary: 'Sửa nội dung, thời hạn, đơn vị (cán bộ Đảng ủy) hoặc trạng thái (đơn vị được giao)', params: taskIdParams, body: taskUpdateBody, response: detail },
    },
    async (request) => updateTask(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/complete',
    { config: { policy: 'tasks.work' }, schema: { tags, summary: 'Xác nhận hoàn thành', params: taskIdParams, body: completeBody, response: detail } },
    async (request) => completeTask(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/evidence',
    {
      config: { policy: 'tasks.work' },
      schema: { tags, summary: 'Thêm minh chứng: tệp PDF, DOCX, JPEG, PNG (tối đa 20 MB) và/hoặc ghi chú', params: taskIdParams, headers: idempotencyKeyHeaders, consumes: ['multipart/form-data', 'application/json'], response: { 201: evidenceCreated } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await taskForEvidence(db, actor, request.params.id);
      if (request.isMultipart()) {
        const upload = await readUploadWithFields(request, MAX_EVIDENCE_BYTES);
        // The note beside a file keeps the rules of a note sent alone (at most 4,000 characters).
        const note = upload.fields.note?.trim() ? evidenceNoteBody.safeParse({ note: upload.fields.note }) : null;
        if (note && !note.success) throw validationFailed(note.error.issues.map((issue) => ({ path: '/note', message: issue.message })));
        return reply.status(201).send(await addEvidence(db, files, actor, loaded, { file: upload, note: note?.data.note ?? null }, request.headers['idempotency-key']));
      }
      const parsed = evidenceNoteBody.safeParse(request.body ?? {});
      if (!parsed.success) throw noEvidence();
      return reply.status(201).send(await addEvidence(db, files, actor, loaded, { note: parsed.data.note }, request.headers['idempotency-key']));
    },
  );

  app.get(
    '/api/tasks/:id/evidence/:evidenceId',
    { config: { policy: 'tasks.view' }, schema: { tags, summary: 'Tải tệp minh chứng', params: evidenceParams } },
    async (request, reply) => {
      const { task } = await loadTaskFor(db, actorOf(request), request.params.id);
      const file = await findEvidence(db, task, request.params.evidenceId);
      const bytes = files.open(file.fileSha256!); // before the headers: a missing file answers 410 in JSON
      return reply
        .type(file.contentType!)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName!, file.contentType === 'application/pdf' || file.contentType!.startsWith('image/')))
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
