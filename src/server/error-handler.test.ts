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
  it('name every entity in Vietnamese (the factories take no other: a type error)', async () => {
    const { conflict, entities, notFound } = await import('./errors');
    expect(entities).toEqual(expect.arrayContaining(['conference', 'consolidated-report', 'notification', 'participant', 'reminder-settings']));
    for (const entity of entities) {
      expect(notFound(entity).message).not.toContain(entity);
      expect(conflict(entity).message).not.toContain(entity);
      expect(notFound(entity).id).toBe(`${entity}.not-found`);
    }
    expect(conflict('conference').message).toBe('Hội nghị đã được người khác sửa trong lúc bạn làm việc. Hãy tải lại để xem thay đổi mới nhất.');
    expect(notFound('consolidated-report').message).toBe('Không tìm thấy báo cáo tổng hợp.');
  });
});
