import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { planIdParams } from '../plans/schema';
import { filteredListQuery, monthQuery, monthResponse, overviewQuery, overviewResponse, taskListResponse, timelineResponse } from './schema';
import { filteredTasks, monthEvents, myTasks, planTimeline, taskOverview } from './service';

const tags = ['tasks'];

export const taskViewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/my/tasks',
    { config: { policy: 'tasks.mine' }, schema: { tags, summary: 'Nhiệm vụ của đơn vị mình: chưa xong trước, quá hạn trước', response: { 200: taskListResponse } } },
    async (request) => ({ tasks: await myTasks(db, actorOf(request)) }),
  );

  app.get(
    '/api/tasks/overview',
    { config: { policy: 'tasks.overview' }, schema: { tags, summary: 'Tổng hợp nhiệm vụ của đảng bộ theo đơn vị hoặc theo kế hoạch', querystring: overviewQuery, response: { 200: overviewResponse } } },
    async (request) => taskOverview(db, actorOf(request), request.query.by, request.query.communeId),
  );

  app.get(
    '/api/tasks',
    { config: { policy: 'tasks.overview' }, schema: { tags, summary: 'Nhiệm vụ của đảng bộ, lọc theo đơn vị hoặc kế hoạch', querystring: filteredListQuery, response: { 200: taskListResponse } } },
    async (request) => ({ tasks: await filteredTasks(db, actorOf(request), request.query) }),
  );

  app.get(
    '/api/plans/:id/timeline',
    { config: { policy: 'plans.timeline' }, schema: { tags, summary: 'Tiến độ của kế hoạch: các mốc theo thời gian', params: planIdParams, response: { 200: timelineResponse } } },
    async (request) => planTimeline(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/calendar/month',
    { config: { policy: 'calendar.month' }, schema: { tags, summary: 'Lịch tháng: hạn nhiệm vụ, hội nghị, buổi sinh hoạt', querystring: monthQuery, response: { 200: monthResponse } } },
    async (request) => monthEvents(db, actorOf(request), request.query.month, request.query.communeId),
  );
};
