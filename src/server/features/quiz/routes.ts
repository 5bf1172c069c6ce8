import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { resolutionIdParams } from '../resolutions/schema';
import {
  attemptIdParams,
  attemptSchema,
  bankResponse,
  overviewResponse,
  questionCreateBody,
  questionIdParams,
  questionSchema,
  questionUpdateBody,
  resultsResponse,
  settingsBody,
  settingsSchema,
  startBody,
  submitBody,
  versionQuery,
} from './schema';
import { createQuestion, deleteQuestion, questionBank, saveSettings, updateQuestion } from './service';
import { getAttempt, quizOverview, startAttempt, submitAttempt } from './attempts';
import { quizResults } from './results';

const tags = ['quiz'];

export const quizRoutes: FastifyPluginAsyncZod<{ db: Db; random?: () => number }> = async (app, { db, random }) => {
  app.get(
    '/api/resolutions/:id/quiz',
    { config: { policy: 'quiz.view' }, schema: { tags, summary: 'Bài kiểm tra của nghị quyết: thiết lập và các lần làm bài của chính mình', params: resolutionIdParams, response: { 200: overviewResponse } } },
    async (request) => quizOverview(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/resolutions/:id/quiz/questions',
    { config: { policy: 'quiz.manage' }, schema: { tags, summary: 'Ngân hàng câu hỏi (có đáp án) và thiết lập', params: resolutionIdParams, response: { 200: bankResponse } } },
    async (request) => questionBank(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/resolutions/:id/quiz/questions',
    {
      config: { policy: 'quiz.manage' },
      schema: { tags, summary: 'Thêm một câu hỏi (gửi lại cùng mã: không thêm lần hai)', params: resolutionIdParams, body: questionCreateBody, response: { 200: questionSchema, 201: questionSchema } },
    },
    async (request, reply) => {
      const { created, question } = await createQuestion(db, actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(question);
    },
  );

  app.patch(
    '/api/quiz/questions/:id',
    { config: { policy: 'quiz.manage' }, schema: { tags, summary: 'Sửa một câu hỏi (theo phiên bản)', params: questionIdParams, body: questionUpdateBody, response: { 200: questionSchema } } },
    async (request) => updateQuestion(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/quiz/questions/:id',
    { config: { policy: 'quiz.manage' }, schema: { tags, summary: 'Xóa một câu hỏi (theo phiên bản)', params: questionIdParams, querystring: versionQuery } },
    async (request, reply) => {
      await deleteQuestion(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/resolutions/:id/quiz/settings',
    { config: { policy: 'quiz.manage' }, schema: { tags, summary: 'Thiết lập bài kiểm tra: số câu, thời gian, số lần, cách tính, mở/đóng', params: resolutionIdParams, body: settingsBody, response: { 200: settingsSchema } } },
    async (request) => saveSettings(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/resolutions/:id/quiz/results',
    { config: { policy: 'quiz.results' }, schema: { tags, summary: 'Kết quả bài kiểm tra theo chi bộ', params: resolutionIdParams, response: { 200: resultsResponse } } },
    async (request) => quizResults(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/resolutions/:id/quiz/attempts',
    {
      config: { policy: 'quiz.take' },
      schema: { tags, summary: 'Bắt đầu một lần làm bài (câu hỏi rút ngẫu nhiên; gửi lại cùng mã: cùng lần làm bài)', params: resolutionIdParams, body: startBody, response: { 200: attemptSchema, 201: attemptSchema } },
    },
    async (request, reply) => {
      const { created, attempt } = await startAttempt(db, actorOf(request), request.params.id, request.body.id, random);
      return reply.status(created ? 201 : 200).send(attempt);
    },
  );

  app.get(
    '/api/quiz/attempts/:id',
    { config: { policy: 'quiz.take' }, schema: { tags, summary: 'Một lần làm bài của chính mình', params: attemptIdParams, response: { 200: attemptSchema } } },
    async (request) => getAttempt(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/quiz/attempts/:id/submit',
    { config: { policy: 'quiz.take' }, schema: { tags, summary: 'Nộp bài: chấm ngay; quá thời gian thì không nhận', params: attemptIdParams, body: submitBody, response: { 200: attemptSchema } } },
    async (request) => submitAttempt(db, actorOf(request), request.params.id, request.body.answers),
  );
};
