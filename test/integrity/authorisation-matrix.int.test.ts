// The authorisation matrix (issue 15, item 3), generated from the server's own route table
// (app.routeAccess()): every private route × every role × a target in the actor's own unit, in another
// unit of the same commune, and in another commune (built with the factories), against the expected
// answer in EXPECTED below. A route without an entry fails the test; so does an entry for a route that
// no longer exists.
//
// Answer classes: o answered (2xx, or a refusal of the request itself after the policy let it
// through: 400 with a business id, 409, 415, 422…), v 400 `validation` (the body is checked before the
// policy: nothing learnt about authorisation), 1 401, 3 403, 4 404. Anonymous is 401 everywhere.
//
// Mutations are sent with a stale version (999999) where they take one, so an allowed actor gets 409
// and nothing changes; a create is sent with a small valid body (an allowed actor creates it).
//
// Targets ("own / same commune / other commune"): the actor's own unit is Chi bộ Tràng Đà 1 (the cell
// secretary's and the member's cell; the ward's roles and the administrator work over it too), the
// UBND for the unit officer (a cell's session, report and members stand in where the UBND has none);
// another unit of the same commune is Chi bộ Tràng Đà 2 (Tràng Đà 1 for the unit officer); the other
// commune is a commune of the same province built here. Commune-level targets (a plan, a conference,
// a resolution) are the demo ward's for the first two and the other commune's for the third; a route
// without an id is sent as is, and with `?communeId=<other commune>` for the third when it takes one.
// Run with QT_MATRIX_PRINT=<file> to write the observed table (to review, never to paste blindly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildMatrixWorld, roles, scopes, type MatrixWorld } from '../support/matrix-world';
import { EXPECTED } from './authorisation-matrix.expected';
import { addressOf, bodyOf, classOf } from './authorisation-matrix.requests';

let world: MatrixWorld;
beforeAll(async () => {
  world = await buildMatrixWorld();
}, 300_000);
afterAll(() => world?.t.close());

describe('the authorisation matrix', () => {
  it('every private route answers each role in each place as the table says', { timeout: 600_000 }, async () => {
    const { t, sessions } = world;
    const routes = t.app
      .routeAccess()
      .filter((r) => !r.public && r.method !== 'HEAD')
      .sort((a, b) => (a.method === 'GET' ? 0 : 1) - (b.method === 'GET' ? 0 : 1) || `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
    const observed: Record<string, string> = {};
    const anonymousAnswers: string[] = [];
    const details: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const groups: string[] = [];
      for (const role of roles) {
        let group = '';
        for (const scope of scopes) {
          const url = addressOf(world, route.url, role, scope, route.takesCommune);
          const payload = bodyOf(world, route.method, route.url, role, scope);
          const res = await sessions[role].inject({ method: route.method as 'GET', url, ...(payload ? { payload } : {}), ...(route.method === 'DELETE' ? { query: { version: '999999' } } : {}) });
          group += classOf(res);
          details.push(`${name} ${role} ${scope} ${res.statusCode} ${res.statusCode >= 400 ? (res.json().error?.id ?? '') : ''}`);
          if (role === 'admin') {
            const anonymous = await t.app.inject({ method: route.method as 'GET', url, ...(payload ? { payload } : {}) });
            if (anonymous.statusCode !== 401) anonymousAnswers.push(`${name} ${scope}: ${anonymous.statusCode}`);
          }
        }
        groups.push(group);
      }
      observed[name] = groups.join(' ');
    }
    if (process.env.QT_MATRIX_PRINT) {
      writeFileSync(process.env.QT_MATRIX_PRINT, Object.entries(observed).map(([k, v]) => `  '${k}': '${v}',`).join('\n') + '\n');
      writeFileSync(`${process.env.QT_MATRIX_PRINT}.details`, details.join('\n') + '\n');
    }
    expect(anonymousAnswers).toEqual([]);
    const missing = Object.keys(observed).filter((k) => !(k in EXPECTED));
    const stale = Object.keys(EXPECTED).filter((k) => !(k in observed));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    const differing = Object.keys(observed).filter((k) => observed[k] !== EXPECTED[k]).map((k) => `${k}: expected ${EXPECTED[k]}, got ${observed[k]}`);
    expect(differing).toEqual([]);
  });
});
