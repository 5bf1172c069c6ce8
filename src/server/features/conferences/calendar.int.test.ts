import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { members } from '../members/tables';

let t: TestApp;
let staff: Session;
let bithu: Session;
let member: Session;
let planId: string;
beforeAll(async () => {
  ({ t, staff, bithu, member } = await startSignedIn({ staff: 'vanphong', bithu: 'bithu', member: 'dangvien' }));
  const list = (await staff.inject({ url: '/api/plans' })).json().plans as { id: string; status: string; issuedOn: string }[];
  planId = list.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
});
afterAll(() => t?.close());

async function feedOf(s: Session) {
  const { url } = (await s.inject({ method: 'POST', url: '/api/calendar/feed' })).json();
  const res = await t.app.inject({ url: new URL(url).pathname });
  expect(res.statusCode).toBe(200);
  return { body: res.body, events: Object.values(ical.sync.parseICS(res.body)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[] };
}

describe('the ward conference in the private iCal feed', () => {
  it('lists a conference to each person summoned once the convocation is sent, in Asia/Ho_Chi_Minh, with venue and plan', async () => {
    const created = await staff.inject({
      method: 'POST',
      url: `/api/plans/${planId}/conferences`,
      payload: { title: 'Hội nghị học tập Nghị quyết thử lịch', scheduledAt: '2026-05-27T07:30:00+07:00', venue: 'Hội trường Đảng ủy phường Nông Tiến', reporterText: 'Đồng chí Bí thư Đảng ủy' },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    const uid = `conference-${c.id}@quantriet`;
    const [me] = await t.database.db.select().from(members).where(eq(members.id, bithu.me.user.memberId!));
    expect(c.participants.map((p: { personId: string }) => p.personId)).toContain(me!.personId);

    // A draft: the list is not frozen yet, nobody's calendar shows it.
    expect((await feedOf(bithu)).events.some((e) => e.uid === uid)).toBe(false);

    expect((await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: c.version } })).statusCode).toBe(200);
    const { body, events } = await feedOf(bithu);
    const mine = events.filter((e) => e.uid === uid);
    expect(mine).toHaveLength(1);
    const event = mine[0]!;
    expect(body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260527T073000');
    expect(event.start.toISOString()).toBe('2026-05-27T00:30:00.000Z');
    expect(event.end!.getTime()).toBeGreaterThan(event.start.getTime());
    expect(event.summary).toBe('Hội nghị học tập Nghị quyết thử lịch');
    expect(event.location).toBe('Hội trường Đảng ủy phường Nông Tiến');
    const description = String(event.description);
    expect(description).toMatch(/Thực hiện Kế hoạch số 1-KH\/ĐU ngày 15\/05\/2026/u);
    expect(description).toContain('Báo cáo viên: Đồng chí Bí thư Đảng ủy');
    expect(description).toContain('Hình thức: Trực tiếp');

    // A member the plan does not summon does not see it.
    expect((await feedOf(member)).events.some((e) => e.uid === uid)).toBe(false);

    // Moved: the same UID at the new time (a calendar updates the event instead of adding one).
    const moved = await staff.inject({ method: 'PATCH', url: `/api/conferences/${c.id}`, payload: { version: c.version + 1, scheduledAt: '2026-05-28T14:00:00+07:00', form: 'both', onlineLink: 'https://hop.example.vn/nong-tien' } });
    expect(moved.statusCode).toBe(200);
    const after = (await feedOf(bithu)).events.filter((e) => e.uid === uid);
    expect(after).toHaveLength(1);
    expect(after[0]!.start.toISOString()).toBe('2026-05-28T07:00:00.000Z');
    expect(String(after[0]!.description)).toContain('Họp trực tuyến: https://hop.example.vn/nong-tien');
  });

  it('leaves out a conference whose moment is not fixed yet and one the person was removed from before sending', async () => {
    const c = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} })).json();
    const [me] = await t.database.db.select().from(members).where(eq(members.id, bithu.me.user.memberId!));
    await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: c.version } });
    expect((await feedOf(bithu)).events.some((e) => e.uid === `conference-${c.id}@quantriet`)).toBe(false); // only "Dự kiến trong tháng 5/2026"

    const d = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: { scheduledAt: '2026-05-29T08:00:00+07:00' } })).json();
    const removed = await staff.inject({ method: 'POST', url: `/api/conferences/${d.id}/participants/${me!.personId}/remove`, payload: { version: d.version } });
    await staff.inject({ method: 'POST', url: `/api/conferences/${d.id}/send`, payload: { version: removed.json().version } });
    expect((await feedOf(bithu)).events.some((e) => e.uid === `conference-${d.id}@quantriet`)).toBe(false);
  });
});
