import { describe, expect, it } from 'vitest';
import { communeOfTenant, tenantOfUnit } from './tenants';

describe('tenants', () => {
  it('a province and a commune are tenants of their own', () => {
    expect(tenantOfUnit({ id: 'p', kind: 'province' }, null)).toBe('p');
    expect(tenantOfUnit({ id: 'c', kind: 'commune' }, { tenantId: 'p' })).toBe('c');
  });

  it('any other unit belongs to its parent’s tenant', () => {
    expect(tenantOfUnit({ id: 'x', kind: 'cell' }, { tenantId: 'c' })).toBe('c');
    expect(tenantOfUnit({ id: 'y', kind: 'agency' }, { tenantId: 'p' })).toBe('p');
    expect(() => tenantOfUnit({ id: 'z', kind: 'cell' }, null)).toThrow();
  });

  it('an account’s commune is its tenant only when that tenant is a commune', () => {
    expect(communeOfTenant({ id: 'c', kind: 'commune' })).toBe('c');
    expect(communeOfTenant({ id: 'p', kind: 'province' })).toBeNull();
  });
});
