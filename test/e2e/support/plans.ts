// Plans a story issues for itself, so it never depends on what another story did to the demo's plan
// (1-KH/ĐU, issued on 15/05/2026). Dated 18/05/2026 and titled apart: the stories that pick the
// demo's plan by its date or its title never see them.
import { expect } from 'vitest';
import { planFixture } from '../../support/fixtures';
import type { ApiClient } from './browser';

const DEMO_TITLE = 'Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ/TU';

/** The demo's plan fixture under another title, imported, submitted, approved and issued: its id. */
export async function issuedPlan(office: ApiClient, leader: ApiClient, title: string, issuedOn = '2026-05-18'): Promise<string> {
  const created = await office.request<{ id: string }>('POST', '/api/plans', { from: 'import', source: planFixture.replace(DEMO_TITLE, title) });
  expect(created.status).toBe(201);
  const planId = created.data.id;
  expect((await office.request('POST', `/api/plans/${planId}/submit`, { version: 1 })).status).toBe(200);
  expect((await leader.request('POST', `/api/plans/${planId}/approve`, { version: 2 })).status).toBe(200);
  expect((await office.request('POST', `/api/plans/${planId}/issue`, { version: 3, issuedOn })).status).toBe(200);
  return planId;
}
