// Two saves of one record with the same version, sent at once: exactly one wins (200), the other
// gets 409, and the stored value is the winner's. On PGlite the two requests serialise; on
// PostgreSQL the pool runs them concurrently (READ COMMITTED), so only the write's own condition
// (`… WHERE version = $expected`, see versioned.ts) can tell them apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';
import { membersOf } from '../../../test/support/factories';
import { planFixture } from '../../../test/support/fixtures';
import { resolutions } from '../features/resolutions/tables';

const TRIALS = 20;

type Res = LightMyRequestResponse;
interface Race {
  a: Res;
  b: Res;
  /** The one that got 200 when exactly one did. */
  winner: 'a' | 'b' | null;
}

/** Counts of outcomes per route, e.g. `{ '200+409': 20 }`; a lost update shows as `200+200`. */
type Tally = Record<string, number>;

async function race(a: () => Promise<Res>, b: () => Promise<Res>): Promise<Race> {
  const [ra, rb] = await Promise.all([a(), b()]);
  const winner = ra.statusCode === 200 && rb.statusCode !== 200 ? 'a' : rb.statusCode === 200 && ra.statusCode !== 200 ? 'b' : null;
  return { a: ra, b: rb, winner };
}

/**
 * Records the outcome of a race. `withCurrent`: the loser's 409 must carry the record as it is now
 * (`error.details.current`), as the route's early check gives it.
 */
function record(tally: Tally, r: Race, withCurrent: boolean) {
  let key = [r.a.statusCode, r.b.statusCode].sort().join('+');
  const loser = r.winner === 'a' ? r.b : r.winner === 'b' ? r.a : null;
  if (loser?.statusCode === 409 && withCurrent && loser.json().error?.details?.current === undefined) key += ' (409 without current)';
  tally[key] = (tally[key] ?? 0) + 1;
}

const expected = { '200+409': TRIALS };

let t: TestApp;
let staff: Session;
let staff2: Session;
beforeAll(async () => {
  t = await startTestApp();
  [staff, staff2] = await Promise.all([t.signIn('vanphong'), t.signIn('banxaydung')]);
});
afterAll(() => t?.close());

describe('concurrent saves with the same version', () => {
  it('PUT /api/settings/documents (the first save creates the row)', async () => {
    const tally: Tally = {};
    const lost: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const { version } = (await staff.inject({ url: '/api/settings/documents' })).json();
      const put = (s: Session, placeName: string) => () => s.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version, placeName } });
      const r = await race(put(staff, `Nơi A ${i}`), put(staff2, `Nơi B ${i}`));
      record(tally, r, true);
      const stored = (await staff.inject({ url: '/api/settings/documents' })).json();
      if (r.winner && stored.placeName !== (r.winner === 'a' ? `Nơi A ${i}` : `Nơi B ${i}`)) lost.push(i);
      if (r.winner) expect(stored.version).toBe(version + 1);
    }
    expect({ tally, lost }).toEqual({ tally: expected, lost: [] });
  });

  it('PUT /api/plan-import/vocabulary (the first save creates the row)', async () => {
    const [admin, admin2] = await Promise.all([t.signIn('admin'), t.signIn('admin')]);
    const tally: Tally = {};
    const lost: number[] = [];
    const data = (tag: string) => ({ misspellings: { [`công tắc ${tag}`]: 'công tác' } });
    for (let i = 0; i < TRIALS; i++) {
      const { version } = (await admin.inject({ url: '/api/plan-import/vocabulary' })).json();
      const put = (s: Session, tag: string) => () => s.inject({ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version, data: data(tag) } });
      const r = await race(put(admin, `a${i}`), put(admin2, `b${i}`));
      record(tally, r, true);
      const stored = (await admin.inject({ url: '/api/plan-import/vocabulary' })).json();
      if (r.winner && JSON.stringify(stored.data.misspellings) !== JSON.stringify(data(`${r.winner}${i}`).misspellings)) lost.push(i);
      if (r.winner) expect(stored.version).toBe(version + 1);
    }
    expect({ tally, lost }).toEqual({ tally: expected, lost: [] });
  });

  it('PATCH /api/members/:id', async () => {
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
    const url = `/api/members/${member!.id}`;
    const tally: Tally = {};
    const lost: number[] = [];
    const phone = (who: 'a' | 'b', i: number) => `09${who === 'a' ? 1 : 2}${String(i).padStart(7, '0')}`;
    for (let i = 0; i < TRIALS; i++) {
      const { version } = (await staff.inject({ url })).json().member;
      const patch = (s: Session, who: 'a' | 'b') => () => s.inject({ method: 'PATCH', url, payload: { version, phone: phone(who, i) } });
      const r = await race(patch(staff, 'a'), patch(staff2, 'b'));
      record(tally, r, true);
      const stored = (await staff.inject({ url })).json().member;
      if (r.winner && stored.phone !== phone(r.winner, i)) lost.push(i);
      if (r.winner) expect(stored.version).toBe(version + 1);
    }
    expect({ tally, lost }).toEqual({ tally: expected, lost: [] });
  });

  it('PATCH /api/resolutions/:id', async () => {
    const [resolution] = await t.database.db.select().from(resolutions).where(eq(resolutions.tenantId, staff.me.user.tenantId!)).limit(1);
    const url = `/api/resolutions/${resolution!.id}`;
    const tally: Tally = {};
    const lost: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const { version } = (await staff.inject({ url })).json().resolution;
      const patch = (s: Session, who: 'a' | 'b') => () => s.inject({ method: 'PATCH', url, payload: { version, content: `Nội dung ${who} ${i}.` } });
      const r = await race(patch(staff, 'a'), patch(staff2, 'b'));
      record(tally, r, true);
      const stored = (await staff.inject({ url })).json().resolution;
      if (r.winner && stored.content !== `Nội dung ${r.winner} ${i}.`) lost.push(i);
      if (r.winner) expect(stored.version).toBe(version + 1);
    }
    expect({ tally, lost }).toEqual({ tally: expected, lost: [] });
  });

  it('PATCH /api/plans/:id and every workflow step: submit, return, approve, issue', { timeout: 120_000 }, async () => {
    const [leader, leader2] = await Promise.all([t.signIn('thuongtruc'), t.signIn('thuongtruc')]);
    const tallies: Record<string, Tally> = { edit: {}, submit: {}, return: {}, approve: {}, issue: {} };
    const lost: string[] = [];
    const get = async (id: string) => (await staff.inject({ url: `/api/plans/${id}` })).json();
    const step = (s: Session, id: string, name: string, payload: object) => () => s.inject({ method: 'POST', url: `/api/plans/${id}/${name}`, payload });
    /** Races two requests on the plan; checks the version moved by one and `check` holds for the winner. */
    const racePlan = async (name: string, id: string, version: number, a: () => Promise<Res>, b: () => Promise<Res>, check: (plan: any, winner: 'a' | 'b') => boolean) => {
      const r = await race(a, b);
      record(tallies[name]!, r, name === 'edit');
      const after = await get(id);
      if (r.winner && (!check(after, r.winner) || after.version !== version + 1)) lost.push(`${name} ${id}`);
      return after;
    };

    let plan = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: planFixture } })).json();
    expect(plan.status).toBe('draft');
    const source = (who: 'a' | 'b', i: number) => `${planFixture}\n\nGhi chú ${who} ${i}.`;
    const issuedOn = (who: 'a' | 'b', i: number) => `2031-0${who === 'a' ? 3 : 4}-${String(i + 1).padStart(2, '0')}`;
    for (let i = 0; i < TRIALS; i++) {
      const id: string = plan.id;
      let v: number = plan.version;
      const edit = (s: Session, who: 'a' | 'b') => () => s.inject({ method: 'PATCH', url: `/api/plans/${id}`, payload: { version: v, source: source(who, i) } });
      plan = await racePlan('edit', id, v, edit(staff, 'a'), edit(staff2, 'b'), (p, w) => p.source === source(w, i));
      v = plan.version;
      plan = await racePlan('submit', id, v, step(staff, id, 'submit', { version: v }), step(staff2, id, 'submit', { version: v }), (p) => p.status === 'submitted');
      v = plan.version;
      plan = await racePlan('return', id, v, step(leader, id, 'return', { version: v }), step(leader2, id, 'return', { version: v }), (p) => p.status === 'draft');
      expect((await step(staff, id, 'submit', { version: plan.version })()).statusCode).toBe(200);
      v = plan.version + 1;
      plan = await racePlan('approve', id, v, step(leader, id, 'approve', { version: v }), step(leader2, id, 'approve', { version: v }), (p) => p.status === 'approved');
      v = plan.version;
      plan = await racePlan('issue', id, v, step(staff, id, 'issue', { version: v, issuedOn: issuedOn('a', i) }), step(staff2, id, 'issue', { version: v, issuedOn: issuedOn('b', i) }), (p, w) => p.status === 'issued' && p.issuedOn === issuedOn(w, i));
      const next = await staff.inject({ method: 'POST', url: `/api/plans/${id}/new-version`, payload: {} });
      expect(next.statusCode).toBe(201);
      plan = next.json();
    }
    expect({ tallies, lost }).toEqual({ tallies: { edit: expected, submit: expected, return: expected, approve: expected, issue: expected }, lost: [] });
  });

  // The account's version is read by the server, not sent; half the trials, as each costs six scrypt hashes.
  const PASSWORD_TRIALS = TRIALS / 2;
  it('POST /api/me/password (two sessions of one account)', { timeout: 120_000 }, async () => {
    const tally: Tally = {};
    let password = 'quantriet';
    for (let i = 0; i < PASSWORD_TRIALS; i++) {
      // Signing in with the last winner's password also checks that its change was the one kept.
      const [a, b] = await Promise.all([t.signIn('dangvien', password), t.signIn('dangvien', password)]);
      const change = (s: Session, next: string) => () => s.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: password, newPassword: next } });
      const r = await race(change(a, `mat-khau-a-${i}`), change(b, `mat-khau-b-${i}`));
      const loser = r.winner === 'a' ? r.b : r.a;
      // A loser that read the account after the winner committed finds its current password changed.
      if (r.winner && loser.statusCode === 400 && loser.json().error.id === 'auth.wrong-current-password') tally['200+400 (late)'] = (tally['200+400 (late)'] ?? 0) + 1;
      // A loser that arrived after the winner committed finds its session ended by the change.
      else if (r.winner && loser.statusCode === 401) tally['200+401 (late)'] = (tally['200+401 (late)'] ?? 0) + 1;
      else record(tally, r, false);
      if (!r.winner) break;
      password = `mat-khau-${r.winner}-${i}`;
    }
    expect((await t.signIn('dangvien', password)).me.user.id).toBeTruthy();
    const allowed = ['200+409', '200+400 (late)', '200+401 (late)'];
    expect(Object.keys(tally).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(allowed.reduce((n, k) => n + (tally[k] ?? 0), 0)).toBe(PASSWORD_TRIALS);
  });
});
