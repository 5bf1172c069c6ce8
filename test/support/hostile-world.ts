// The world the hostile-input proofs run in (test/integrity/hostile-*.int.test.ts, issue 15 item 4): the
// demo ward with the administrator and the ward's office signed in, ids of every kind for path parameters
// and body fields, addresses and bodies built from the route table, and what every answer must be.
// One world per test file: each file runs in a process of its own, so the state below is that file's.
import { expect } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { RouteAccess } from '../../src/server/auth/plugin';
import { startSignedIn, type Session, type TestApp } from './app';
import { buildUserWithGrant, findUnit } from './factories';
import { idKindOf, UNKNOWN_ID } from './route-ids';
import { deepJson, hostileString, noiseText, type ShapeContext } from './hostile';
import { members } from '../../src/server/features/members/tables';
import { plans, planDeliveries } from '../../src/server/features/plans/tables';
import { conferences } from '../../src/server/features/conferences/tables';
import { attachments, resolutionLinks, resolutions } from '../../src/server/features/resolutions/tables';
import { studySessions } from '../../src/server/features/study-sessions/tables';
import { cellReports } from '../../src/server/features/reports/tables';
import { planTasks, taskEvidence } from '../../src/server/features/tasks/tables';
import { notifications } from '../../src/server/features/notifications/tables';
import { membershipEvents, persons, positions } from '../../src/server/features/people/tables';
import { loudspeakerSchedules } from '../../src/server/features/propaganda/tables';
import { reflections } from '../../src/server/features/reflections/tables';
import { quizAttempts, quizQuestions } from '../../src/server/features/quiz/tables';
import { roleGrants } from '../../src/server/auth/tables';

const SEED = process.env.QT_FUZZ_SEED ? Number(process.env.QT_FUZZ_SEED) : undefined;
export const fcOptions = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

let t: TestApp;
/** Ids of the demo ward by kind ("plan", "unit", …), for path parameters and body fields. */
const ids: Record<string, string[]> = {};

export interface HostileWorld {
  t: TestApp;
  admin: Session;
  staff: Session;
  ids: Record<string, string[]>;
  communeId: string;
  cellId: string;
  planId: string;
  resolutionId: string;
}

export async function startHostileWorld(): Promise<HostileWorld> {
  const signed = await startSignedIn({ admin: 'admin', staff: 'vanphong' });
  t = signed.t;
  const { admin, staff } = signed;
  const db = t.database.db;
  const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
  const communeId = commune.id;
  const cellId = cell.id;
  const [plan] = await db.select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
  const planId = plan!.id;
  const [resolution] = await db.select().from(resolutions).where(eq(resolutions.number, '91-NQ/TU'));
  const resolutionId = resolution!.id;
  // An account of its own for the routes that disable, reset or re-grant one.
  const { user } = await buildUserWithGrant(t.database, { role: 'member', unit: cell });
  const first = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).slice(0, 2).map((r) => r.id);
  // An entry and a schedule of the demo plan, and an attachment of each kind, for their routes.
  const entry = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: { id: crypto.randomUUID(), unitId: cellId, channel: 'zalo', on: '2026-05-20', title: 'Tin thử' } });
  if (entry.statusCode !== 201) throw new Error(`hostile world: entry ${entry.statusCode} ${entry.body}`);
  Object.assign(ids, {
    plan: [planId],
    conference: await first(db.select().from(conferences).where(eq(conferences.planId, planId))),
    resolution: [resolutionId],
    unit: [cellId, communeId],
    commune: [communeId],
    member: await first(db.select().from(members).where(eq(members.cellId, cellId))),
    person: await first(db.select().from(persons).where(eq(persons.tenantId, communeId))),
    session: await first(db.select().from(studySessions).where(eq(studySessions.planId, planId))),
    report: await first(db.select().from(cellReports).where(eq(cellReports.tenantId, communeId))),
    task: await first(db.select().from(planTasks).where(eq(planTasks.planId, planId))),
    evidence: await first(db.select().from(taskEvidence).where(eq(taskEvidence.tenantId, communeId))),
    notification: await first(db.select().from(notifications).where(eq(notifications.tenantId, communeId))),
    account: [user.id],
    grant: await first(db.select().from(roleGrants).where(eq(roleGrants.userId, user.id))),
    position: await first(db.select().from(positions).where(eq(positions.tenantId, communeId))),
    entry: [entry.json().id],
    schedule: await first(db.select().from(loudspeakerSchedules).where(eq(loudspeakerSchedules.tenantId, communeId))),
    delivery: await first(db.select().from(planDeliveries).where(eq(planDeliveries.planId, planId))),
    reflection: await first(db.select().from(reflections).where(eq(reflections.tenantId, communeId))),
    quizQuestion: await first(db.select().from(quizQuestions).where(eq(quizQuestions.tenantId, communeId))),
    quizAttempt: await first(db.select().from(quizAttempts).where(eq(quizAttempts.tenantId, communeId))),
    exemption: await first(db.select().from(membershipEvents).where(and(eq(membershipEvents.tenantId, communeId), eq(membershipEvents.kind, 'exemption')))),
    link: await first(db.select().from(resolutionLinks).where(eq(resolutionLinks.tenantId, communeId))),
    resolutionAttachment: await first(db.select().from(attachments).where(eq(attachments.ownerType, 'resolution'))),
    entryAttachment: await first(db.select().from(attachments).where(eq(attachments.ownerType, 'propaganda'))),
  });
  ids.all = [...new Set(Object.values(ids).flat())];
  return { t, admin, staff, ids, communeId, cellId, planId, resolutionId };
}

// --- what every answer must be --------------------------------------------------------------------

export const HANG_MS = 20_000;

/** The request, refused as a failure when it takes longer than HANG_MS (a hang, not a slow machine). */
export async function send(s: Session | null, options: Parameters<Session['inject']>[0]): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${options.method ?? 'GET'} ${String(options.url).slice(0, 120)}`)), HANG_MS);
  });
  try {
    return await Promise.race([s ? s.inject(options) : t.app.inject(options), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** What is wrong with an answer: a 5xx, or a refusal that is not JSON with a stable id and a message. */
export function fault(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode < 400 || res.statusCode === 404 && !String(res.headers['content-type']).includes('json')) return null;
  if (!String(res.headers['content-type']).startsWith('application/json')) return `${res.statusCode} answered as ${res.headers['content-type']}`;
  let error: { id?: unknown; message?: unknown } | undefined;
  try {
    error = res.json().error;
  } catch {
    return `${res.statusCode} with a body that is not JSON`;
  }
  if (typeof error?.id !== 'string' || !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/u.test(error.id)) return `${res.statusCode} without a stable error id: ${res.body.slice(0, 200)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return `${res.statusCode} without a message`;
  return null;
}

export function expectSane(res: LightMyRequestResponse, what: string) {
  const found = fault(res);
  if (found) throw new Error(`${what} → ${found}`);
}

// --- addresses from the route table --------------------------------------------------------------

export const uuid0 = UNKNOWN_ID;

/** The kind of id a path parameter names; 'all' (any known id) when the address does not say. */
export const kindOf = (url: string, param: string): string => idKindOf(url, param) ?? 'all';

export const pick = (kind: string) => fc.constantFrom(...(ids[kind]?.length ? ids[kind] : [uuid0]));

/** A body field's id, by the field's name: a unit for "unitId", a fresh one for a create's "id". */
export const bodyIds: ShapeContext = {
  idFor(field) {
    if (field === 'id') return fc.uuid({ version: 4 });
    const kinds: Record<string, string> = { unitId: 'unit', cellId: 'unit', parentId: 'unit', assigneeUnitId: 'unit', intoId: 'unit', fromId: 'unit', personId: 'person', memberId: 'member', resolutionId: 'resolution', toId: 'resolution', planId: 'plan', userId: 'account', communeId: 'commune' };
    return fc.oneof({ weight: 4, arbitrary: pick(kinds[field] ?? 'all') }, { weight: 1, arbitrary: pick('all') });
  },
};

/** A path with its parameters filled: ids the app knows, or (hostile) anything at all. */
export function pathArb(url: string, hostile = false): fc.Arbitrary<string> {
  const params = [...url.matchAll(/:([A-Za-z]+)/gu)].map((m) => m[1]!);
  const valueOf = (param: string): fc.Arbitrary<string> => {
    const known = param === 'kind' ? fc.constantFrom('session', 'conference') : param === 'document' ? fc.constantFrom('convocation', 'sign-in') : param === 'on' ? fc.constantFrom('2026-05-18', '2026-02-30') : pick(kindOf(url, param));
    return hostile ? fc.oneof(known, hostileString(300).map(encodeParam)) : known;
  };
  return fc.tuple(...params.map(valueOf)).map((values) => {
    let i = 0;
    return url.replace(/:([A-Za-z]+)/gu, () => values[i++]!).replace(/\*$/u, 'x');
  });
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its UTF-8-ish bytes. */
export function encodeParam(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A query string from a value shaped by the route's querystring schema (arrays as repeated keys). */
export function queryString(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined) continue;
      parts.push(`${encodeParam(key)}=${encodeParam(typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Raw query strings no form sends. */
export const HOSTILE_QUERIES = [
  '?q=a&q=b&q=c',
  '?q[]=1&q[x]=2',
  '?__proto__[admin]=1&constructor[prototype][admin]=1',
  '?%',
  '?a=%E0%A4%A',
  '?a=%C0%AF',
  `?q=${'%F0%9F%87%BB%F0%9F%87%B3'.repeat(2_000)}`,
  `?q=${noiseText(50_000)}`,
  '?communeId=%27%20OR%201%3D1%20--&unitId=..%2F..%2F&year=-1&month=2026-13&on=2026-02-30&format=exe&mode=drop',
  '?year=99999999999999999999&limit=-1&offset=1e308&page=NaN',
];

/** Bodies refused before any handler: broken JSON, wrong encodings, deep nesting, over the limit. */
export const RAW_BODIES: { name: string; payload: string | Buffer; type?: string }[] = [
  { name: 'nested arrays 10,000 deep', payload: deepJson(10_000, 'array') },
  { name: 'nested objects 10,000 deep', payload: deepJson(10_000, 'object') },
  { name: 'nested arrays 200,000 deep', payload: deepJson(200_000, 'array') },
  { name: 'nested objects 50,000 deep under "version"', payload: deepJson(50_000, 'object', 'version') },
  { name: 'a __proto__ key', payload: '{"__proto__":{"isAdmin":true},"version":1}' },
  { name: 'a constructor.prototype key', payload: '{"constructor":{"prototype":{"isAdmin":true}},"version":1}' },
  { name: 'bytes that are not UTF-8', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'a lone surrogate', payload: '{"version":1,"title":"\\ud800","name":"\\udfff"}' },
  { name: 'a NUL', payload: '{"version":1,"title":"a\\u0000b","name":"a\\u0000b","note":"a\\u0000b"}' },
  { name: 'truncated JSON', payload: '{"version":1,"title":"abc' },
  { name: 'an empty body', payload: '' },
  { name: 'JSON with a BOM', payload: '\uFEFF{"version":1}' },
  { name: 'a body over the limit', payload: `{"title":"${'a'.repeat(1024 * 1024 + 10)}"}` },
  { name: 'text/plain', payload: 'version=1', type: 'text/plain' },
  { name: 'an XML body', payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', type: 'application/xml' },
  { name: 'a form body', payload: 'version=1&title=%3Cscript%3E', type: 'application/x-www-form-urlencoded' },
];

export const routesOf = (filter: (r: RouteAccess) => boolean) => t.app.routeAccess().filter((r) => r.method !== 'HEAD' && filter(r));
export const isMultipart = (r: RouteAccess) => (r.schema.consumes ?? []).includes('multipart/form-data');
/** Not walked with random bodies: signing out ends the session every other request uses (its own test below). */
export const SIGN_OUT = 'POST /api/auth/logout';

/** Runs a property per route and collects the failures, so one run names every defect at once. */
export async function eachRoute(routes: RouteAccess[], check: (route: RouteAccess) => Promise<void>) {
  const failures: string[] = [];
  for (const route of routes) {
    const started = Date.now();
    try {
      await check(route);
      if (process.env.QT_FUZZ_TIMES) console.log(`${Date.now() - started} ms ${route.method} ${route.url}`);
    } catch (error) {
      // fast-check keeps the property's own error as the cause.
      const cause = (error as { cause?: Error }).cause;
      const lines = [...(error as Error).message.split('\n'), ...(cause ? [`→ ${cause.message}`] : [])];
      const telling = lines.filter((l) => /→|Got error|seed:|hang:|expected|Error/u.test(l)).map((l) => l.slice(0, 400));
      failures.push(`${route.method} ${route.url}: ${(telling.length ? telling : lines.slice(0, 6)).join('\n')}`);
    }
  }
  expect(failures).toEqual([]);
}
