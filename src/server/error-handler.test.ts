import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { describeForLog } from './error-handler';

describe('the log of an unexpected error', () => {
  it('keeps the kind, the code and the route, never the query or its parameters', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const error = Object.assign(new Error('Failed query: update "members" set "phone" = $1\nparams: 0912345678,Nguyễn Văn A'), { cause });
    const request = { method: 'PATCH', routeOptions: { url: '/api/members/:id' }, url: '/api/members/1?q=Nguyễn' } as unknown as FastifyRequest;
    const logged = JSON.stringify(describeForLog(error, request));
    expect(logged).toContain('22021');
    expect(logged).toContain('/api/members/:id');
    expect(logged).not.toContain('0912345678');
    expect(logged).not.toContain('Nguyễn');
    expect(logged).not.toContain('Failed query');
  });
});

describe('messages', () => {
  it('name every entity in Vietnamese', async () => {
    const { conflict, notFound } = await import('./errors');
    for (const entity of ['unit', 'member', 'user', 'route', 'resolution', 'plan', 'delivery', 'file', 'link', 'settings', 'vocabulary']) {
      expect(notFound(entity).message).not.toContain(entity);
      expect(conflict(entity).message).not.toContain(entity);
    }
  });
});
