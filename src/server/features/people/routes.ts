import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../auth/plugin';
import { idempotencyKeyHeaders } from '../../idempotency';
import { communeQuery, unitIdParams } from '../units/schema';
import { memberIdParams } from '../members/schema';
import {
  countsQuery,
  countsResponse,
  exemptionBody,
  exemptionEndBody,
  exemptionParams,
  idParams,
  leaveBody,
  memberCreateBody,
  membershipResponse,
  mergeBody,
  mergeResponse,
  peopleQuery,
  personCreateBody,
  personDetailResponse,
  personListItem,
  personSchema,
  personUpdateBody,
  positionCreateBody,
  positionEndBody,
  positionKindCreateBody,
  positionKindSchema,
  positionListResponse,
  positionSchema,
  positionUpdateBody,
  transferBody,
} from './schema';
import { createPerson, listPeople, personDetailFor, updatePerson } from './persons-service';
import { createPosition, createPositionKind, listPositionKinds, listUnitPositions, updatePosition } from './positions-service';
import { addExemption, endExemption, leaveMember, transferMember } from './membership-service';
import { createMember } from './member-create';
import { mergeUnits } from './merge-service';
import { cellCountsFor, membershipFor } from './reads';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/people',
    { config: { policy: 'people.list' }, schema: { tags, summary: 'Người của đảng bộ (đảng viên và người ngoài Đảng)', querystring: peopleQuery, response: { 200: z.object({ people: z.array(personListItem), abilities: z.object({ edit: z.boolean() }) }) } } },
    async (request) => listPeople(db, actorOf(request), request.query),
  );
  app.post(
    '/api/people',
    { config: { policy: 'people.edit' }, schema: { tags, summary: 'Thêm người (không phải đảng viên)', querystring: communeQuery, headers: idempotencyKeyHeaders, body: personCreateBody, response: { 201: personSchema } } },
    async (request, reply) => reply.code(201).send(await createPerson(db, actorOf(request), request.body, request.query.communeId, request.headers['idempotency-key'])),
  );
  app.get(
    '/api/people/:id',
    { config: { policy: 'people.view' }, schema: { tags, summary: 'Một người: sinh hoạt đảng và chức vụ', params: idParams, response: { 200: personDetailResponse } } },
    async (request) => personDetailFor(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/people/:id',
    { config: { policy: 'people.edit' }, schema: { tags, summary: 'Sửa thông tin một người', params: idParams, body: personUpdateBody, response: { 200: personSchema } } },
    async (request) => updatePerson(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/position-kinds',
    { config: { policy: 'position-kinds.list' }, schema: { tags, summary: 'Danh sách chức vụ của đảng bộ', querystring: communeQuery, response: { 200: z.object({ kinds: z.array(positionKindSchema), abilities: z.object({ edit: z.boolean() }) }) } } },
    async (request) => listPositionKinds(db, actorOf(request), request.query.communeId),
  );
  app.post(
    '/api/position-kinds',
    { config: { policy: 'position-kinds.edit' }, schema: { tags, summary: 'Thêm loại chức vụ', querystring: communeQuery, body: positionKindCreateBody, response: { 201: positionKindSchema } } },
    async (request, reply) => reply.code(201).send(await createPositionKind(db, actorOf(request), request.body, request.query.communeId)),
  );

  app.get(
    '/api/units/:id/positions',
    { config: { policy: 'positions.list' }, schema: { tags, summary: 'Chức vụ ở một đơn vị', params: unitIdParams, response: { 200: positionListResponse } } },
    async (request) => listUnitPositions(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/positions',
    { config: { policy: 'positions.edit' }, schema: { tags, summary: 'Giao chức vụ', headers: idempotencyKeyHeaders, body: positionCreateBody, response: { 201: positionSchema } } },
    async (request, reply) => reply.code(201).send(await createPosition(db, actorOf(request), request.body, request.headers['idempotency-key'])),
  );
  app.patch(
    '/api/positions/:id',
    { config: { policy: 'positions.edit' }, schema: { tags, summary: 'Sửa nhiệm kỳ chức vụ', params: idParams, body: positionUpdateBody, response: { 200: positionSchema } } },
    async (request) => updatePosition(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/positions/:id/end',
    { config: { policy: 'positions.edit' }, schema: { tags, summary: 'Kết thúc nhiệm kỳ chức vụ', params: idParams, body: positionEndBody, response: { 200: positionSchema } } },
    async (request) => updatePosition(db, actorOf(request), request.params.id, request.body, 'position.end'),
  );

  app.post(
    '/api/members',
    { config: { policy: 'membership.record' }, schema: { tags, summary: 'Thêm đảng viên (vào Đảng hoặc chuyển đến)', headers: idempotencyKeyHeaders, body: memberCreateBody, response: { 201: z.object({ id: z.uuid(), personId: z.uuid(), version: z.number().int() }) } } },
    async (request, reply) => reply.code(201).send(await createMember(db, actorOf(request), request.body, request.headers['idempotency-key'])),
  );
  app.get(
    '/api/members/:id/membership',
    { config: { policy: 'members.view' }, schema: { tags, summary: 'Lịch sử sinh hoạt đảng của đảng viên', params: memberIdParams, response: { 200: membershipResponse } } },
    async (request) => membershipFor(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/members/:id/transfer',
    { config: { policy: 'membership.record' }, schema: { tags, summary: 'Chuyển sinh hoạt đảng (trong đảng bộ hoặc đi nơi khác)', params: memberIdParams, body: transferBody, response: { 200: membershipResponse } } },
    async (request) => transferMember(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/members/:id/exemptions',
    { config: { policy: 'membership.record' }, schema: { tags, summary: 'Miễn sinh hoạt đảng', params: memberIdParams, body: exemptionBody, response: { 200: membershipResponse } } },
    async (request) => addExemption(db, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/members/:id/exemptions/:eventId',
    { config: { policy: 'membership.record' }, schema: { tags, summary: 'Ngày kết thúc miễn sinh hoạt', params: exemptionParams, body: exemptionEndBody, response: { 200: membershipResponse } } },
    async (request) => endExemption(db, actorOf(request), request.params.id, request.params.eventId, request.body.to),
  );
  app.post(
    '/api/members/:id/leave',
    { config: { policy: 'membership.record' }, schema: { tags, summary: 'Ra khỏi đảng bộ (chuyển đi, từ trần, xóa tên)', params: memberIdParams, body: leaveBody, response: { 200: membershipResponse } } },
    async (request) => leaveMember(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/cells/counts',
    { config: { policy: 'membership.counts' }, schema: { tags, summary: 'Số đảng viên và số phải dự sinh hoạt của mỗi chi bộ vào một ngày', querystring: countsQuery, response: { 200: countsResponse } } },
    async (request) => cellCountsFor(db, actorOf(request), request.query.on, request.query.communeId),
  );
  app.post(
    '/api/units/merge',
    { config: { policy: 'units.merge' }, schema: { tags, summary: 'Sáp nhập đơn vị', body: mergeBody, response: { 200: mergeResponse } } },
    async (request) => mergeUnits(db, actorOf(request), request.body),
  );
};
