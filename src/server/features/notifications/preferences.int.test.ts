// A person's e-mail choices (GET/PUT /api/me/notification-preferences) and a commune's reminder
// settings (GET/PUT /api/settings/reminders): each role, stale versions, bad input changing nothing,
// another commune's ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildUserWithGrant, findUnit, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { taskReminderSettings } from '../tasks/tables';
import { notificationPreferences } from './tables';

let t: TestApp;
let member: Session;
let staff: Session;
beforeAll(async () => {
  ({ t, member, staff } = await startSignedIn({ member: 'dangvien', staff: 'vanphong' }));
});
afterAll(() => t?.close());

describe('my notification preferences', () => {
  it('reads the defaults, saves a choice with its version, refuses a stale one and a bad value, changing nothing', async () => {
    expect((await member.inject({ url: '/api/me/notification-preferences' })).json()).toEqual({ hasPerson: true, muteEmail: false, dailyDigest: false, version: 1 });
    const saved = await member.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { version: 1, dailyDigest: true } });
    expect(saved.json()).toEqual({ hasPerson: true, muteEmail: false, dailyDigest: true, version: 2 });
    const stale = await member.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { version: 1, muteEmail: true } });
    expect(stale.statusCode).toBe(409);
    const bad = await member.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { version: 2, muteEmail: 'có' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('validation');
    const rows = await t.database.db.select().from(notificationPreferences);
    expect(rows.map((r) => [r.muteEmail, r.dailyDigest, r.version])).toEqual([[false, true, 2]]);
  });

  it('an account that stands for no person has no choice to make', async () => {
    // The demo's accounts all stand for a person; a new staff account with none does not.
    const account = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: await findUnit(t.database, 'Đảng ủy phường Nông Tiến') });
    const nobody = await t.signIn(account.username, FACTORY_PASSWORD);
    expect((await nobody.inject({ url: '/api/me/notification-preferences' })).json()).toMatchObject({ hasPerson: false });
    const res = await nobody.inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { version: 1, muteEmail: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ id: 'notifications.no-person', message: expect.stringMatching(/chưa gắn với một người/u) });
  });
});

describe('reminder settings of a commune', () => {
  it('shows the defaults; the office changes them; the others may not; bad offsets change nothing', async () => {
    expect((await staff.inject({ url: '/api/settings/reminders' })).json()).toEqual({ beforeDays: [7, 3, 1], overdueEveryDays: 3, escalationAfterDays: 3, version: 1, abilities: { edit: true } });
    const leader = await t.signIn('thuongtruc');
    expect((await leader.inject({ url: '/api/settings/reminders' })).json().abilities).toEqual({ edit: false });
    expect((await leader.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, escalationAfterDays: 5 } })).statusCode).toBe(403);
    for (const username of ['bithu', 'dangvien', 'ubnd']) {
      const s = await t.signIn(username);
      expect((await s.inject({ url: '/api/settings/reminders' })).statusCode).toBe(403);
      expect((await s.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, escalationAfterDays: 5 } })).statusCode).toBe(403);
    }
    const dup = await staff.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, beforeDays: [3, 3] } });
    expect(dup.json().error.id).toBe('reminders.duplicate-offset');
    const negative = await staff.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, overdueEveryDays: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json())).toContain('không được âm');
    expect(await t.database.db.select().from(taskReminderSettings)).toEqual([]);

    const saved = await staff.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, beforeDays: [2, 5], escalationAfterDays: 5 } });
    expect(saved.json()).toMatchObject({ beforeDays: [5, 2], overdueEveryDays: 3, escalationAfterDays: 5, version: 2 });
    expect((await staff.inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version: 1, escalationAfterDays: 4 } })).statusCode).toBe(409);
  });

  it('another commune’s staff reach neither ours nor we theirs', async () => {
    const other = await buildCommune(t.database, 'Đảng ủy xã Thử Nhắc Việc');
    const { username, password } = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    const otherStaff = await t.signIn(username, password);
    const ours = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const theirsRead = await staff.inject({ url: `/api/settings/reminders?communeId=${other.id}` });
    const oursWrite = await otherStaff.inject({ method: 'PUT', url: `/api/settings/reminders?communeId=${ours.id}`, payload: { version: 2, escalationAfterDays: 9 } });
    expect([theirsRead.statusCode, oursWrite.statusCode]).toEqual([404, 404]); // another commune's: not found (decision 012)
    const [row] = await t.database.db.select().from(taskReminderSettings).where(eq(taskReminderSettings.tenantId, ours.id));
    expect(row!.escalationAfterDays).toBe(5);
    expect((await otherStaff.inject({ url: '/api/settings/reminders' })).json()).toMatchObject({ beforeDays: [7, 3, 1], version: 1 });
  });
});
