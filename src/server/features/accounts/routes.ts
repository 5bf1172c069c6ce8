import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { actorOf } from '../../auth/plugin';
import type { SessionCache } from '../../auth/session-cache';
import type { PdfConverter } from '../../documents/pdf';
import { renderDocxPages } from '../../documents/docx';
import { contentDisposition } from '../../files/content-disposition';
import { communeQuery } from '../units/schema';
import { bulkOnboard } from './bulk';
import { letterModels } from './letters';
import { createCommune, listCommunes } from './province';
import {
  accountIdParams,
  accountListQuery,
  accountListResponse,
  bulkBody,
  bulkResponse,
  codeResponse,
  communeListResponse,
  createAccountBody,
  createCommuneBody,
  createdAccountResponse,
  createdCommuneResponse,
  grantIdParams,
  grantInput,
  grantResponse,
  lettersBody,
  lettersQuery,
  okResponse,
} from './schema';
import { accountsCommune, createAccount, grantRole, listAccounts, resetAccount, revokeGrant, setDisabled } from './service';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod<{ db: Db; env: Env; pdf: PdfConverter; sessions: SessionCache }> = async (app, { db, env, pdf, sessions }) => {
  app.get(
    '/api/accounts',
    { config: { policy: 'accounts.list' }, schema: { tags, summary: 'Tài khoản của đảng bộ: tìm, lọc theo vai trò và đơn vị', querystring: accountListQuery, response: { 200: accountListResponse } } },
    async (request) => {
      const { communeId, ...query } = request.query;
      return listAccounts(db, await accountsCommune(db, actorOf(request), communeId), query);
    },
  );

  app.post(
    '/api/accounts',
    { config: { policy: 'accounts.create' }, schema: { tags, summary: 'Tạo tài khoản (kèm mã dùng một lần)', querystring: communeQuery, body: createAccountBody, response: { 201: createdAccountResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await createAccount(db, actor, await accountsCommune(db, actor, request.query.communeId), request.body);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/accounts/:id/reset',
    { config: { policy: 'accounts.reset' }, schema: { tags, summary: 'Cấp lại mã dùng một lần (mật khẩu cũ hết hiệu lực)', params: accountIdParams, response: { 200: codeResponse } } },
    async (request) => {
      const result = await resetAccount(db, actorOf(request), request.params.id);
      sessions.dropUser(request.params.id);
      return result;
    },
  );

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(
      `/api/accounts/:id/${action}`,
      { config: { policy: `accounts.${action}` }, schema: { tags, summary: disabled ? 'Khóa tài khoản' : 'Mở lại tài khoản', params: accountIdParams, response: { 200: okResponse } } },
      async (request) => {
        await setDisabled(db, actorOf(request), request.params.id, disabled);
        sessions.dropUser(request.params.id);
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/api/accounts/:id/grants',
    { config: { policy: 'accounts.grant' }, schema: { tags, summary: 'Giao vai trò trên một đơn vị', params: accountIdParams, body: grantInput, response: { 201: grantResponse } } },
    async (request, reply) => {
      const grant = await grantRole(db, actorOf(request), request.params.id, request.body);
      sessions.dropUser(request.params.id);
      return reply.code(201).send(grant);
    },
  );

  app.delete(
    '/api/accounts/:id/grants/:grantId',
    { config: { policy: 'accounts.revoke' }, schema: { tags, summary: 'Thu hồi vai trò', params: grantIdParams, response: { 200: okResponse } } },
    async (request) => {
      await revokeGrant(db, actorOf(request), request.params.id, request.params.grantId);
      sessions.dropUser(request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/bulk',
    { config: { policy: 'accounts.bulk' }, schema: { tags, summary: 'Tạo tài khoản hàng loạt cho bí thư chi bộ hoặc đảng viên', querystring: communeQuery, body: bulkBody, response: { 200: bulkResponse } } },
    async (request) => {
      const actor = actorOf(request);
      return bulkOnboard(db, actor, await accountsCommune(db, actor, request.query.communeId), request.body);
    },
  );

  app.post(
    '/api/accounts/letters',
    { config: { policy: 'accounts.letters' }, schema: { tags, summary: 'Thư thông tin tài khoản (DOCX, PDF), mỗi người một trang', querystring: lettersQuery, body: lettersBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const commune = await accountsCommune(db, actor, request.query.communeId);
      const docx = await renderDocxPages(await letterModels(db, commune, request.body.letters, env.QT_PUBLIC_URL));
      if (request.query.format === 'docx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', contentDisposition('thu-tai-khoan.docx'))
          .send(docx);
      }
      return reply.type('application/pdf').header('content-disposition', contentDisposition('thu-tai-khoan.pdf')).send(await pdf.convert(docx));
    },
  );

  app.get(
    '/api/province/communes',
    { config: { policy: 'province.communes' }, schema: { tags, summary: 'Các đảng bộ xã, phường của tỉnh', response: { 200: communeListResponse } } },
    async (request) => listCommunes(db, actorOf(request)),
  );

  app.post(
    '/api/province/communes',
    { config: { policy: 'province.create-commune' }, schema: { tags, summary: 'Mở đảng bộ xã, phường mới với quản trị viên đầu tiên', body: createCommuneBody, response: { 201: createdCommuneResponse } } },
    async (request, reply) => reply.code(201).send(await createCommune(db, actorOf(request), request.body)),
  );
};
