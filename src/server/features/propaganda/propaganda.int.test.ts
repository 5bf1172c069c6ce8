// A plan's propaganda log and loudspeaker schedule end to end: who writes (ward staff for any unit, a
// cell's secretary for their own, nobody else), idempotent creates, bad input (400, nothing changed),
// 409 on a stale version, the totals by channel, another commune's ids (404), the broadcasts confirmed
// in Việt Nam time; and the public pages: published resolutions only, public items only, escaped.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildPlan, buildResolution, buildUserWithGrant, findUnit, multipartFile, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { issueImportedPlan } from '../../../../test/support/fixtures';
import { planResolutions } from '../plans/tables';
import { auditLog } from '../audit/tables';
import { loudspeakerConfirmations, loudspeakerSchedules, propagandaEntries } from './tables';
import { propagandaTotals } from './service';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let member: Session;
let other: Session;
let communeId: string;
let planId: string;
let cellId: string;
let otherCellId: string;

const TODAY = '2026-06-02T09:00:00+07:00';

const entryCount = async () => (await t.database.db.select({ n: count() }).from(propagandaEntries))[0]!.n;

beforeAll(async () => {
  ({ t, staff, leader, bithu, member } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu', member: 'dangvien' }));
  const second = await buildCommune(t.database, 'Đảng ủy phường Thử Tuyên Truyền');
  const { username } = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: second });
  other = await t.signIn(username, FACTORY_PASSWORD);
  communeId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
  cellId = bithu.me.roles.find((r) => r.role === 'cellSecretary')!.unitId;
  const plan = await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' });
  planId = plan.id;
  otherCellId = (await staff.inject({ url: `/api/plans/${planId}/propaganda` })).json().writableUnits.find((u: { id: string }) => u.id !== cellId && u.id !== communeId).id;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(TODAY));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

const entry = (values: Record<string, unknown> = {}) => ({ id: randomUUID(), unitId: cellId, channel: 'zalo', on: '2026-05-22', title: 'Chia sẻ bài viết về Nghị quyết 91-NQ/TU trên nhóm Zalo tổ dân phố', posts: 3, reach: 120, ...values });

describe('the propaganda log', () => {
  let entryId: string;

  it('a cell secretary logs their own cell; a retry with the same id adds nothing; another cell is 403', async () => {
    const body = entry({ public: true, link: 'https://zalo.me/g/abc' });
    const first = await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: body });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: body.id, unitId: cellId, channel: 'zalo', channelName: 'Zalo', posts: 3, broadcasts: 0, copies: 0, reach: 120, public: true, version: 1, canEdit: true });
    const before = await entryCount();
    const retry = await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: body });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(body.id);
    expect(await entryCount()).toBe(before);
    // The same id by someone else: refused, not overwritten.
    expect((await staff.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: body })).statusCode).toBe(409);
    const foreign = await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: entry({ unitId: otherCellId }) });
    expect(foreign.statusCode).toBe(403);
    expect(await entryCount()).toBe(before);
    entryId = body.id;
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit!.action).toBe('propaganda.create');
  });

  it('the ward staff log any unit; the leadership and a member read but may not write', async () => {
    const res = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: entry({ unitId: otherCellId, channel: 'loudspeaker', broadcasts: 4, durationMinutes: 40, posts: 0, reach: 2000, title: 'Phát thanh tin về Nghị quyết' }) });
    expect(res.statusCode).toBe(201);
    for (const s of [leader, member]) {
      expect((await s.inject({ url: `/api/plans/${planId}/propaganda` })).statusCode).toBe(200);
      expect((await s.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: entry() })).statusCode).toBe(403);
    }
    const list = (await member.inject({ url: `/api/plans/${planId}/propaganda?channel=zalo` })).json();
    expect(list.entries.map((e: { id: string }) => e.id)).toEqual([entryId]);
    expect(list.writableUnits).toEqual([]);
    expect(list.channels).toHaveLength(8);
    const byUnit = (await staff.inject({ url: `/api/plans/${planId}/propaganda?unitId=${otherCellId}` })).json();
    expect(byUnit.entries.every((e: { unitId: string }) => e.unitId === otherCellId)).toBe(true);
  });

  it.each([
    ['an unknown channel', { channel: 'radio' }],
    ['a negative count', { posts: -1 }],
    ['an impossible date', { on: '2026-02-30' }],
    ['an empty title', { title: '   ' }],
    ['a link that is not http(s)', { link: 'javascript:alert(1)' }],
    ['a unit of another commune', { unitId: randomUUID() }],
  ])('%s: 400 with a Vietnamese message, nothing stored', async (_, values) => {
    const before = await entryCount();
    const res = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: entry(values) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[ạảãáàặẳẵắằậẩẫấầệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/u);
    expect(await entryCount()).toBe(before);
  });

  it('a draft plan takes no entries (409), and its log is not visible to a member', async () => {
    const { plan: draft } = await buildPlan(t.database, await findUnit(t.database, 'Đảng ủy phường Nông Tiến'));
    const res = await staff.inject({ method: 'POST', url: `/api/plans/${draft.id}/propaganda`, payload: entry() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe('propaganda.plan-not-issued');
    expect((await member.inject({ url: `/api/plans/${draft.id}/propaganda` })).statusCode).toBe(404);
  });

  it('edits are version-conditional: a stale save is 409 with the entry as it is now, and changes nothing', async () => {
    const ok = await bithu.inject({ method: 'PATCH', url: `/api/propaganda/${entryId}`, payload: { version: 1, posts: 5, title: 'Chia sẻ 5 bài viết' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ posts: 5, title: 'Chia sẻ 5 bài viết', version: 2 });
    const stale = await staff.inject({ method: 'PATCH', url: `/api/propaganda/${entryId}`, payload: { version: 1, posts: 9 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ posts: 5, version: 2 });
    const bad = await staff.inject({ method: 'PATCH', url: `/api/propaganda/${entryId}`, payload: { version: 2, copies: -4 } });
    expect(bad.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(propagandaEntries).where(eq(propagandaEntries.id, entryId));
    expect(row).toMatchObject({ posts: 5, copies: 0, version: 2 });
  });

  it('attachments: a PNG is stored; a file of another type is 415', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const up = await bithu.inject({ method: 'POST', url: `/api/propaganda/${entryId}/attachments`, ...multipartFile(png, 'anh-chup.png', 'image/png') });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'anh-chup.png', contentType: 'image/png' });
    const refused = await bithu.inject({ method: 'POST', url: `/api/propaganda/${entryId}/attachments`, ...multipartFile(Buffer.from('<script>alert(1)</script>'), 'x.png', 'image/png') });
    expect(refused.statusCode).toBe(415);
    const list = (await member.inject({ url: `/api/plans/${planId}/propaganda?channel=zalo` })).json();
    expect(list.entries[0].attachments).toHaveLength(1);
    const download = await member.inject({ url: `/api/propaganda/${entryId}/attachments/${up.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('totals by channel, for the plan and for one unit', async () => {
    const all = (await leader.inject({ url: `/api/plans/${planId}/propaganda/totals` })).json();
    expect(all.byChannel).toEqual({
      zalo: { entries: 1, posts: 5, broadcasts: 0, copies: 0, durationMinutes: 0, reach: 120 },
      loudspeaker: { entries: 1, posts: 0, broadcasts: 4, copies: 0, durationMinutes: 40, reach: 2000 },
    });
    expect(await propagandaTotals(t.database.db, communeId, planId, cellId)).toEqual({ zalo: all.byChannel.zalo });
  });

  it('another commune sees none of it: 404 on every address, nothing changed', async () => {
    const before = await entryCount();
    expect((await other.inject({ url: `/api/plans/${planId}/propaganda` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/plans/${planId}/propaganda/totals` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/plans/${planId}/loudspeaker` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: entry() })).statusCode).toBe(404);
    expect((await other.inject({ method: 'PATCH', url: `/api/propaganda/${entryId}`, payload: { version: 2, posts: 1 } })).statusCode).toBe(404);
    expect((await other.inject({ method: 'DELETE', url: `/api/propaganda/${entryId}?version=2` })).statusCode).toBe(404);
    expect(await entryCount()).toBe(before);
    // The other way round: the demo ward's staff cannot reach the other commune's plan.
    const second = await findUnit(t.database, 'Đảng ủy phường Thử Tuyên Truyền');
    const { plan: foreign } = await buildPlan(t.database, second, { status: 'issued' });
    expect((await staff.inject({ method: 'POST', url: `/api/plans/${foreign.id}/propaganda`, payload: entry() })).statusCode).toBe(404);
  });

  it('delete: with the version (a stale one is 409), by the unit or the ward staff', async () => {
    const extra = entry();
    await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: extra });
    expect((await member.inject({ method: 'DELETE', url: `/api/propaganda/${extra.id}?version=1` })).statusCode).toBe(403);
    expect((await bithu.inject({ method: 'DELETE', url: `/api/propaganda/${extra.id}?version=7` })).statusCode).toBe(409);
    expect((await bithu.inject({ method: 'DELETE', url: `/api/propaganda/${extra.id}?version=1` })).statusCode).toBe(204);
    expect(await t.database.db.select().from(propagandaEntries).where(eq(propagandaEntries.id, extra.id))).toEqual([]);
  });
});

describe('the loudspeaker schedule', () => {
  const id = randomUUID();
  const schedule = { id, unitId: '', title: 'Phát thanh chuyên mục Nghị quyết 91-NQ/TU', from: '2026-05-20', to: '2026-06-30', weekdays: ['MO', 'TH'], time: '06:30', durationMinutes: 10, broadcastText: 'Kính thưa bà con nhân dân trong phường…' };

  it('the ward staff set "thứ Hai và thứ Năm, 6h30, từ 20/5 đến 30/6/2026": 12 broadcasts in Việt Nam time, those before now past', async () => {
    const res = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/loudspeaker`, payload: { ...schedule, unitId: communeId } });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.description).toBe('Mỗi tuần 02 lần: thứ Hai và thứ Năm, 6h30, từ 20/5/2026 đến 30/6/2026');
    expect(s.rrule).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TH');
    expect(s.occurrences).toHaveLength(12);
    expect(s.occurrences[0]).toMatchObject({ on: '2026-05-21', time: '06:30', at: '2026-05-20T23:30:00.000Z', past: true, status: null });
    // Now is 02/6 9:00: 21/5, 25/5, 28/5, 1/6 have happened; 4/6 not yet.
    expect(s.occurrences.filter((o: { past: boolean }) => o.past).map((o: { on: string }) => o.on)).toEqual(['2026-05-21', '2026-05-25', '2026-05-28', '2026-06-01']);
    expect(s.counts).toEqual({ total: 12, aired: 0, missed: 0, unconfirmed: 4 });
    expect((await staff.inject({ method: 'POST', url: `/api/plans/${planId}/loudspeaker`, payload: { ...schedule, unitId: communeId } })).statusCode).toBe(200);
  });

  it.each([
    ['no end / over a year', { to: '2027-06-30' }, 'loudspeaker.too-long'],
    ['no weekday', { weekdays: [] }, 'loudspeaker.weekdays'],
    ['a bad time', { time: '6h30' }, 'loudspeaker.time'],
    ['the end before the start', { to: '2026-05-01' }, 'loudspeaker.order'],
  ])('%s: 400, nothing stored', async (_, values, errorId) => {
    const before = (await t.database.db.select({ n: count() }).from(loudspeakerSchedules))[0]!.n;
    const res = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/loudspeaker`, payload: { ...schedule, id: randomUUID(), unitId: communeId, ...values } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe(errorId);
    expect((await t.database.db.select({ n: count() }).from(loudspeakerSchedules))[0]!.n).toBe(before);
  });

  it('each past occurrence is confirmed aired or missed (again: updated); a future or unscheduled day is 400; a cell secretary may not confirm the ward\'s', async () => {
    const aired = await staff.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-21`, payload: { status: 'aired' } });
    expect(aired.statusCode).toBe(200);
    await staff.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-25`, payload: { status: 'aired' } });
    const missed = await staff.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-25`, payload: { status: 'missed', note: 'Mất điện' } });
    expect(missed.json().counts).toEqual({ total: 12, aired: 1, missed: 1, unconfirmed: 2 });
    expect(missed.json().occurrences[1]).toMatchObject({ on: '2026-05-25', status: 'missed', note: 'Mất điện' });
    const future = await staff.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-06-04`, payload: { status: 'aired' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.id).toBe('loudspeaker.not-yet');
    const tuesday = await staff.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-26`, payload: { status: 'aired' } });
    expect(tuesday.json().error.id).toBe('loudspeaker.not-an-occurrence');
    expect((await bithu.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-28`, payload: { status: 'aired' } })).statusCode).toBe(403);
    expect((await other.inject({ method: 'PUT', url: `/api/loudspeaker/${id}/occurrences/2026-05-28`, payload: { status: 'aired' } })).statusCode).toBe(404);
    expect(await t.database.db.select().from(loudspeakerConfirmations).where(eq(loudspeakerConfirmations.scheduleId, id))).toHaveLength(2);
    const listed = (await member.inject({ url: `/api/plans/${planId}/loudspeaker` })).json().schedules.find((s: { id: string }) => s.id === id);
    expect(listed.canConfirm).toBe(false);
    expect(listed.broadcastText).toBe(schedule.broadcastText);
  });
});

describe('the public pages', () => {
  it('a published resolution: title, summary, core content, public items only, coming broadcasts, Open Graph; no sign-in', async () => {
    const hidden = entry({ title: 'Ghi chú nội bộ không công khai', public: false });
    await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: hidden });
    const hostile = entry({ title: '<script>alert("x")</script> Tin có ký tự lạ', public: true, channel: 'facebook' });
    expect((await bithu.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: hostile })).statusCode).toBe(201);
    const [link] = await t.database.db.select().from(planResolutions).where(eq(planResolutions.planId, planId));
    const slug = `nghi-quyet-91-nq-tu-${link!.resolutionId}`;
    const res = await t.app.inject({ url: `/p/resolutions/${slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('Nghị quyết số 91-NQ/TU');
    expect(html).toMatch(/<meta property="og:title" content="Nghị quyết số 91-NQ\/TU[^"]*">/u);
    expect(html).toContain(`<meta property="og:url" content="${t.env.QT_PUBLIC_URL}/p/resolutions/${slug}">`);
    expect(html).toContain('og:description');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('Chia sẻ 5 bài viết');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tin có ký tự lạ');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('Ghi chú nội bộ không công khai');
    // Coming broadcasts after now (02/6 9:00): 04/6 first.
    expect(html).toContain('Thứ Năm, 04/06/2026 lúc 6h30');
    expect(html).not.toContain('21/05/2026 lúc');
    // Nothing private: no member names, no account names.
    expect(html).not.toContain('Người thử');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // The old address and a mistyped readable part move to the one address (301).
    const old = await t.app.inject({ url: `/cong-khai/${communeId}/nghi-quyet/${link!.resolutionId}` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/p/resolutions/${slug}`);
    const typo = await t.app.inject({ url: `/p/resolutions/nq-91-${link!.resolutionId}` });
    expect(typo.statusCode).toBe(301);
    expect(typo.headers.location).toBe(`/p/resolutions/${slug}`);
  });

  it('the commune\'s list links the published resolutions, never one cited only by a draft', async () => {
    const { resolution } = await buildResolution(t.database, { id: communeId } as never, { number: '777-NQ/TU', subject: 'Nghị quyết chỉ có trong bản nháp' });
    const { plan: draft } = await buildPlan(t.database, await findUnit(t.database, 'Đảng ủy phường Nông Tiến'));
    await t.database.db.insert(planResolutions).values({ tenantId: communeId, planId: draft.id, resolutionId: resolution.id });
    const list = await t.app.inject({ url: `/p/resolutions?xa=${communeId}` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toMatch(/href="\/p\/resolutions\/nghi-quyet-91-nq-tu-[0-9a-f-]{36}"/u);
    expect((await t.app.inject({ url: `/cong-khai/${communeId}` })).headers.location).toBe(`/p/resolutions?xa=${communeId}`);
    // Without ?xa= and more than one commune installed: the communes to choose from.
    const choose = await t.app.inject({ url: '/p/resolutions' });
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain(`href="/p/resolutions?xa=${communeId}"`);
    expect(list.body).toContain('91-NQ/TU');
    expect(list.body).not.toContain('Nghị quyết chỉ có trong bản nháp');
    expect((await t.app.inject({ url: `/p/resolutions/nghi-quyet-777-nq-tu-${resolution.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/cong-khai/${communeId}/nghi-quyet/${resolution.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/p/resolutions?xa=${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/p/resolutions/${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/p/resolutions/khong-phai-ma` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/cong-khai/${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/cong-khai/khong-phai-ma` })).statusCode).toBe(404);
    // Another commune's resolution under this commune's address: 404.
    const second = await findUnit(t.database, 'Đảng ủy phường Thử Tuyên Truyền');
    const foreign = await buildResolution(t.database, second);
    expect((await t.app.inject({ url: `/cong-khai/${communeId}/nghi-quyet/${foreign.resolution.id}` })).statusCode).toBe(404);
    // …and at its own address, unpublished: 404 too.
    expect((await t.app.inject({ url: `/p/resolutions/x-${foreign.resolution.id}` })).statusCode).toBe(404);
  });
});
