// The commune a province account chose in the header goes on the routes that take `?communeId=`,
// only for a province account, and never overrides a commune named by the caller.
import { beforeEach, describe, expect, it, vi as vitest } from 'vitest';
import { withQuery } from '../../api';
import { communeParamFor, pickCommune, setChosenCommune, setProvinceSession, shortCommuneName } from './commune';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  vitest.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
});

describe('the chosen commune', () => {
  it('names it on commune routes for a province account only', () => {
    setChosenCommune('c2');
    setProvinceSession(true);
    expect(communeParamFor('/api/plans')).toBe('c2');
    expect(communeParamFor('/api/plans/import?mode=preview')).toBe('c2');
    expect(communeParamFor('/api/units')).toBeNull();
    setProvinceSession(false);
    expect(communeParamFor('/api/plans')).toBeNull();
  });

  it('falls back to the first commune the user may work in', () => {
    const communes = [{ id: 'c1' }, { id: 'c2' }];
    expect(pickCommune(communes, 'c2')!.id).toBe('c2');
    expect(pickCommune(communes, 'gone')!.id).toBe('c1');
    expect(pickCommune([], 'c2')).toBeNull();
  });

  it('names on commune routes the audit, reminders and rubrics too', () => {
    setChosenCommune('c2');
    setProvinceSession(true);
    for (const path of ['/api/audit?entity=plan', '/api/settings/reminders', '/api/rubrics/current']) expect(communeParamFor(path)).toBe('c2');
  });

  it('shortens a commune for the header: "Phường Nông Tiến"', () => {
    expect(shortCommuneName('Đảng ủy phường Nông Tiến')).toBe('Phường Nông Tiến');
    expect(shortCommuneName('Đảng bộ xã Thái Bình')).toBe('Xã Thái Bình');
    expect(shortCommuneName('Phường Minh Xuân')).toBe('Phường Minh Xuân');
  });

  it('adds to an address that already has a query', () => {
    expect(withQuery('/api/plans/import?mode=preview', { communeId: 'c2' })).toBe('/api/plans/import?mode=preview&communeId=c2');
    expect(withQuery('/api/plans', { communeId: 'c2', q: '' })).toBe('/api/plans?communeId=c2');
  });
});
