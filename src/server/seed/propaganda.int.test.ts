import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-12T09:00:00+07:00'));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

describe('the demo propaganda of plan 1-KH/ĐU', () => {
  it('has entries on every channel, the loudspeaker schedule with aired and one missed broadcast, and a public page', async () => {
    const plan = (await staff.inject({ url: '/api/plans' })).json().plans.find((p: { status: string }) => p.status === 'issued');
    const { entries, channels } = (await staff.inject({ url: `/api/plans/${plan.id}/propaganda` })).json();
    expect(new Set(entries.map((e: { channel: string }) => e.channel))).toEqual(new Set(channels.map((c: { id: string }) => c.id)));
    const { schedules } = (await staff.inject({ url: `/api/plans/${plan.id}/loudspeaker` })).json();
    expect(schedules).toHaveLength(1);
    expect(schedules[0].description).toBe('Mỗi tuần 02 lần: thứ Hai và thứ Năm, 6h30, từ 20/5/2026 đến 30/6/2026');
    expect(schedules[0].counts).toEqual({ total: 12, aired: 6, missed: 1, unconfirmed: 0 });
    const totals = (await staff.inject({ url: `/api/plans/${plan.id}/propaganda/totals` })).json();
    expect(totals.byChannel.leaflet).toMatchObject({ entries: 1, copies: 1500 });
    const communeId = staff.me.user.tenantId;
    const list = await t.app.inject({ url: `/p/resolutions?xa=${communeId}` });
    const href = /href="(\/p\/resolutions\/nghi-quyet-91-nq-tu-[0-9a-f-]{36})"/u.exec(list.body)![1]!;
    const page = await t.app.inject({ url: href });
    expect(page.body).toContain('Hội nghị học tập, quán triệt Nghị quyết số 91-NQ/TU của Đảng ủy phường');
    expect(page.body).not.toContain('Chia sẻ tài liệu hỏi - đáp');
    expect(page.body).toContain('Thứ Hai, 15/06/2026 lúc 6h30');
  });
});
