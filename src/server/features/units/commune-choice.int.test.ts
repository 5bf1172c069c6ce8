// Province accounts oversee several communes: every commune-scoped route takes `?communeId=`, checked
// against the actor's grants; without it the only commune below them is used, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, findUnit } from '../../../../test/support/factories';
import { planFixture } from '../../../../test/support/fixtures';

let t: TestApp;
let province: Session;
let demoWardId: string;
let secondId: string;
beforeAll(async () => {
  t = await startTestApp();
  demoWardId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
  secondId = (await buildCommune(t.database, 'Đảng ủy phường Hưng Thành')).id;
  province = await t.signIn('tinhuy');
});
afterAll(() => t?.close());

const lists = {
  resolutions: { url: '/api/resolutions', items: (body: { resolutions: unknown[] }) => body.resolutions },
  plans: { url: '/api/plans', items: (body: { plans: unknown[] }) => body.plans },
} as const;

const withCommune = (url: string, communeId: string) => `${url}${url.includes('?') ? '&' : '?'}communeId=${communeId}`;

describe('a province account over two communes', () => {
  it.each(['/api/resolutions', '/api/plans', '/api/settings/documents'])('%s without a commune: 400 commune.required, naming none', async (url) => {
    const res = await province.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('commune.required');
    expect(res.json().error.message).not.toMatch(/Nông Tiến|Hưng Thành/u);
  });

  it.each(Object.entries(lists))('%s of the demo ward with ?communeId=', async (_name, { url, items }) => {
    const res = await province.inject({ url: withCommune(url, demoWardId) });
    expect(res.statusCode).toBe(200);
    expect(items(res.json()).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(lists))('%s of the second commune: empty', async (_name, { url, items }) => {
    const res = await province.inject({ url: withCommune(url, secondId) });
    expect(res.statusCode).toBe(200);
    expect(items(res.json())).toEqual([]);
  });

  it('reads the settings of the commune chosen', async () => {
    const demo = await province.inject({ url: withCommune('/api/settings/documents', demoWardId) });
    expect(demo.statusCode).toBe(200);
    expect(demo.json()).toMatchObject({ issuerName: 'Đảng ủy phường Nông Tiến', abilities: { edit: false } });
    const second = await province.inject({ url: withCommune('/api/settings/documents', secondId) });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ issuerName: 'Đảng ủy phường Hưng Thành', placeName: 'Hưng Thành' });
  });

  it('refuses a unit that is not a commune', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const res = await province.inject({ url: withCommune('/api/plans', cell.id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('commune.required');
  });
});

describe('a ward account naming another commune', () => {
  it.each(['/api/resolutions', '/api/plans', '/api/settings/documents'])('%s?communeId=<second commune>: 404, no data', async (url) => {
    const staff = await t.signIn('vanphong');
    const res = await staff.inject({ url: withCommune(url, secondId) });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { id: 'unit.not-found', message: 'Không tìm thấy đơn vị.' } });
  });

  it('cannot write in another commune: a resolution, a plan, the settings', async () => {
    const staff = await t.signIn('vanphong');
    const resolution = await staff.inject({
      method: 'POST',
      url: withCommune('/api/resolutions', secondId),
      payload: { kind: 'nghi-quyet', number: '01-NQ/ĐU', issuedOn: '2026-01-05', issuer: 'Đảng ủy phường', subject: 'thử' },
    });
    const plan = await staff.inject({ method: 'POST', url: withCommune('/api/plans', secondId), payload: { from: 'import', source: planFixture } });
    const settings = await staff.inject({ method: 'PUT', url: withCommune('/api/settings/documents', secondId), payload: { version: 1, placeName: 'Chỗ khác' } });
    for (const res of [resolution, plan, settings]) expect(res.statusCode).toBe(404);
    expect((await province.inject({ url: withCommune('/api/resolutions', secondId) })).json().resolutions).toEqual([]);
    expect((await province.inject({ url: withCommune('/api/plans', secondId) })).json().plans).toEqual([]);
    expect((await province.inject({ url: withCommune('/api/settings/documents', secondId) })).json().placeName).toBe('Hưng Thành');
  });

  it('still works in its own commune, named or not', async () => {
    const staff = await t.signIn('vanphong');
    expect((await staff.inject({ url: '/api/plans' })).statusCode).toBe(200);
    expect((await staff.inject({ url: withCommune('/api/plans', demoWardId) })).statusCode).toBe(200);
  });
});
