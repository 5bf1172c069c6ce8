// How the authorisation matrix asks each route: the address with a place's ids, a body that passes
// validation (a stale version for an edit, a small valid create), and the class of the answer.
import type { LightMyRequestResponse } from 'fastify';
import { idKindOf } from '../support/route-ids';
import { uuid0, type MatrixWorld, type Place, type RoleName, type Scope } from '../support/matrix-world';

const placeOf = (role: RoleName, scope: Scope): Place => (scope === 'other' ? 'other' : role === 'unitOfficer' ? (scope === 'own' ? 'ubnd' : 'cell1') : scope === 'own' ? 'cell1' : 'cell2');

/** The kind of id each parameter names, by the address it is part of. */
function kindOf(url: string, param: string): string {
  const kind = idKindOf(url, param);
  if (!kind) throw new Error(`matrix: no id kind for ${param} of ${url}`);
  return kind;
}

export function addressOf(world: MatrixWorld, url: string, role: RoleName, scope: Scope, takesCommune: boolean): string {
  const { places, ownNotification, otherCommune } = world;
  const ids = places[placeOf(role, scope)];
  let address = url.replace(/:([A-Za-z]+)/gu, (_, param: string) => {
    if (param === 'kind') return 'session';
    if (param === 'document') return 'convocation';
    if (param === 'on') return '2026-05-18';
    const kind = kindOf(url, param);
    if (kind === 'notification' && scope === 'own') return ownNotification[role] ?? uuid0;
    return ids[kind] ?? uuid0;
  });
  const queries: Record<string, string> = {
    '/api/calendar/month': 'month=2026-05',
    '/api/cells/counts': 'on=2026-05-20',
    '/api/members/search': 'q=Nguyen',
    '/api/members/:id/record': 'year=2026',
    '/api/members/:id/record.docx': 'year=2026',
    '/api/members/:id/record.pdf': 'year=2026',
    '/api/units/:id/record.xlsx': 'year=2026',
  };
  if (queries[url]) address += `?${queries[url]}`;
  if (scope === 'other' && takesCommune) address += `${address.includes('?') ? '&' : '?'}communeId=${otherCommune.id}`;
  if (/\/(document|minutes|export)$/u.test(url)) address += `${address.includes('?') ? '&' : '?'}format=${url.endsWith('/export') ? 'csv' : 'docx'}`;
  return address;
}

/** A body that passes validation: a stale version for an edit, a small valid create. */
export function bodyOf(world: MatrixWorld, method: string, url: string, role: RoleName, scope: Scope): Record<string, unknown> | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const { places, currentRubric } = world;
  const ids = places[placeOf(role, scope)];
  const creates: Record<string, Record<string, unknown>> = {
    'POST /api/plans/:id/tasks': { id: crypto.randomUUID(), assigneeUnitId: ids.unit, text: 'Nhiệm vụ ma trận' },
    'POST /api/plans/:id/propaganda': { id: crypto.randomUUID(), unitId: ids.unit, channel: 'zalo', on: '2026-05-20', title: 'Tin ma trận' },
    'POST /api/plans/:id/loudspeaker': { id: crypto.randomUUID(), unitId: ids.unit, title: 'Phát thanh', from: '2026-05-18', to: '2026-06-30', weekdays: ['MO'], time: '06:30' },
    'POST /api/plans/:id/conferences': { title: 'Hội nghị ma trận' },
    'POST /api/sessions/:id/make-ups': {},
    'POST /api/sessions/:id/guests': { memberId: ids.member },
    'POST /api/sessions/:id/inspections': { inspectedOn: '2026-05-25', inspectors: 'Đoàn kiểm tra', findings: 'Đúng quy định.' },
    'POST /api/sessions/:id/report': {},
    'POST /api/tasks/:id/evidence': { note: 'Minh chứng ma trận' },
    'POST /api/members': { cellId: ids.unit, fullName: 'Nguyễn Văn Ma Trận', gender: 'male', arrival: { kind: 'joined', on: '2026-05-02' } },
    'POST /api/positions': { personId: ids.person, kindCode: 'bi-thu', unitId: ids.unit, fromOn: '2026-05-02' },
    'POST /api/people': { fullName: 'Lê Thị Ma Trận' },
    'POST /api/units': { parentId: ids.unit, kind: 'cell', name: `Chi bộ Ma Trận ${crypto.randomUUID().slice(0, 8)}` },
    'POST /api/resolutions': { kind: 'nghi-quyet', number: `${Math.floor(Math.random() * 9000) + 1000}-NQ/ĐU`, issuedOn: '2026-05-01', issuer: 'Đảng ủy', subject: 'Văn bản ma trận' },
    'POST /api/resolutions/:id/links': { toId: ids.resolution, relation: 'implements' },
    'POST /api/plans/:id/reflections': { id: crypto.randomUUID(), reflection: 'Bài thu hoạch ma trận', commitment: 'Cam kết ma trận' },
    'POST /api/reflections/:id/review': { version: 999999, result: 'passed' },
    'PUT /api/plans/:id/reflection-deadline': { version: 999999, dueOn: '2026-06-15' },
    'PUT /api/plans/:id/task-assignees': { phrase: 'Ban Không Có Trong Kế Hoạch', unitId: ids.unit },
    'POST /api/resolutions/:id/quiz/questions': { id: crypto.randomUUID(), kind: 'single', text: 'Câu hỏi ma trận?', options: ['Có', 'Không'], correct: [0] },
    'PATCH /api/quiz/questions/:id': { version: 999999, kind: 'single', text: 'Câu hỏi ma trận?', options: ['Có', 'Không'], correct: [0] },
    'PUT /api/resolutions/:id/quiz/settings': { version: 999999, questionCount: 1, timeLimitMinutes: 10, attemptsLimit: 3, counting: 'best', open: true },
    'POST /api/resolutions/:id/quiz/attempts': { id: crypto.randomUUID() },
    'POST /api/quiz/attempts/:id/submit': { answers: {} },
    'POST /api/province/reports/:communeId/:planId/read': {},
    'POST /api/members/:id/exemptions': { from: '2026-05-21', reason: 'Ma trận kiểm tra' },
    'POST /api/accounts': { username: `mt${crypto.randomUUID().slice(0, 8)}`, displayName: 'Tài khoản ma trận', grants: [{ role: 'member', unitId: ids.unit }] },
    'POST /api/accounts/:id/grants': { role: 'member', unitId: ids.unit },
    'POST /api/check-in': { token: 'ma-tran' },
    'POST /api/plans': { from: 'template', resolutionId: ids.resolution },
    'PUT /api/plans/:id/units/:unitId/session-mode': { mode: 'joint' },
    'PUT /api/loudspeaker/:id/occurrences/:on': { status: 'aired' },
    'POST /api/calendar/feed': {},
    'POST /api/notifications/read-all': {},
    'POST /api/plans/:id/consolidation/remind': {},
    'PUT /api/conferences/:id/attendance': { version: 999999, marks: [] },
    'PUT /api/conferences/:id/groups': { version: 999999, groups: [] },
    'POST /api/conferences/:id/held': { version: 999999, heldOn: '2026-05-20' },
    'POST /api/conferences/:id/participants': { version: 999999, personId: ids.person },
    'PATCH /api/members/:id/exemptions/:eventId': { to: '2026-06-01' },
    'POST /api/members/:id/transfer': { on: '2099-01-01', toWard: 'Đảng bộ phường khác' },
    'POST /api/positions/:id/end': { version: 999999, toOn: '2031-01-01' },
    'POST /api/reports/:id/rescore': { version: 999999, scores: [] },
    'POST /api/sessions/:id/at-conference': { version: 999999, atConference: true },
    'PUT /api/sessions/:id/attendance': { version: 999999, marks: [] },
    'POST /api/sessions/:id/held': { version: 999999, heldOn: '2026-05-20' },
    'PATCH /api/units/:id': { version: 999999, name: 'Chi bộ Đổi Tên' },
    'POST /api/units/:id/close': { version: 999999, closedOn: '2026-06-01' },
    'POST /api/units/:id/reorder': { version: 999999, direction: 'up' },
    // Bodies that pass validation and are refused (or change nothing) after the policy let the actor through:
    // an unknown cell, an unknown account's letter, a wrong current password, a leaving dated in the future,
    // a stale vocabulary, a throwaway position kind, a commune whose administrator's username is taken (the
    // transaction rolls back), the current rubric again, a merge into a unit of another kind.
    'POST /api/accounts/bulk': { kind: 'cellSecretaries', cellIds: [uuid0] },
    'POST /api/accounts/letters': { letters: [{ username: 'khong-co-tai-khoan-nay', oneTimeCode: 'ABCD-EFGH' }] },
    'POST /api/me/password': { currentPassword: 'khong-phai-mat-khau', newPassword: 'Mat-khau-moi-ma-tran-2026' },
    'POST /api/members/:id/leave': { on: '2099-01-01', reason: 'moved' },
    'PUT /api/plan-import/vocabulary': { version: 999999, data: {} },
    'POST /api/position-kinds': { name: `Chức vụ ma trận ${crypto.randomUUID().slice(0, 8)}` },
    'POST /api/province/communes': { name: `Đảng ủy xã Ma Trận ${crypto.randomUUID().slice(0, 8)}`, admin: { username: 'admin', displayName: 'Quản trị ma trận' } },
    'POST /api/rubrics': currentRubric,
    'POST /api/units/merge': { sourceIds: [ids.unit], targetId: ids.commune, on: '2026-05-20', versions: {} },
    'POST /api/people/:id/erase': { version: 999999, reason: 'Ma trận kiểm tra quyền' },
  };
  return creates[`${method} ${url}`] ?? { version: 999999 };
}

export function classOf(res: LightMyRequestResponse): string {
  if (res.statusCode === 401) return '1';
  if (res.statusCode === 403) return '3';
  if (res.statusCode === 404) return '4';
  if (res.statusCode >= 500) return `!${res.statusCode}`;
  if (res.statusCode === 400 && res.json().error?.id === 'validation') return 'v';
  return 'o';
}
