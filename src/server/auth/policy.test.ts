import { describe, expect, it } from 'vitest';
import type { Actor, UnitRef } from './actor';
import type { Role } from './tables';
import { canListMembers, canViewUnit } from '../features/units/policy';
import { canEditMember, canImportMembers, canSearchMembers, canViewMember } from '../features/members/policy';
import { canViewAudit } from '../features/audit/policy';
import { computeAbilities } from './abilities';

const province: UnitRef = { id: 'p', path: '/p/', kind: 'province', tenantId: 'p' };
const ward: UnitRef = { id: 'w', path: '/p/w/', kind: 'commune', tenantId: 'w' };
const cellA: UnitRef = { id: 'a', path: '/p/w/a/', kind: 'cell', tenantId: 'w' };
const cellB: UnitRef = { id: 'b', path: '/p/w/b/', kind: 'cell', tenantId: 'w' };
const otherWard: UnitRef = { id: 'v', path: '/p/v/', kind: 'commune', tenantId: 'v' };
const otherCell: UnitRef = { id: 'c', path: '/p/v/c/', kind: 'cell', tenantId: 'v' };
const agency: UnitRef = { id: 'u', path: '/p/w/u/', kind: 'agency', tenantId: 'w' };

const actor = (role: Role, unit: UnitRef, memberId: string | null = null): Actor => ({
  userId: role,
  username: role,
  displayName: role,
  tenantId: unit.tenantId,
  communeId: unit.kind === 'province' ? null : unit.tenantId,
  memberId,
  grants: [{ role, unitId: unit.id, unitPath: unit.path, unitKind: unit.kind, unitTenantId: unit.tenantId }],
});

describe('policies follow the organisation tree', () => {
  const staff = actor('wardStaff', ward);
  const leader = actor('wardLeader', ward);
  const secretary = actor('cellSecretary', cellA, 'm1');
  const member = actor('member', cellA, 'm2');
  const officer = actor('unitOfficer', agency);
  const provinceViewer = actor('provinceViewer', province);
  const admin = actor('admin', province);

  it('ward staff reach their ward and nothing beside it', () => {
    expect(canViewUnit(staff, cellA)).toBe(true);
    expect(canViewUnit(staff, otherCell)).toBe(false);
    expect(canViewUnit(staff, province)).toBe(false);
    expect(canEditMember(staff, cellB)).toBe(true);
    expect(canEditMember(staff, otherCell)).toBe(false);
    expect(canImportMembers(staff, ward)).toBe(true);
    expect(canImportMembers(staff, otherWard)).toBe(false);
    expect(canViewAudit(staff, ward)).toBe(true);
    expect(canViewAudit(staff, otherWard)).toBe(false);
  });

  it('leaders and the province see but do not edit people', () => {
    for (const a of [leader, provinceViewer]) {
      expect(canListMembers(a, cellA)).toBe(true);
      expect(canEditMember(a, cellA)).toBe(false);
      expect(canImportMembers(a, ward)).toBe(false);
    }
    expect(canSearchMembers(provinceViewer, otherWard)).toBe(true);
    expect(canSearchMembers(leader, otherWard)).toBe(false);
  });

  it('a cell secretary sees their own cell only', () => {
    expect(canListMembers(secretary, cellA)).toBe(true);
    expect(canListMembers(secretary, cellB)).toBe(false);
    expect(canViewMember(secretary, { id: 'x' }, cellA)).toBe(true);
    expect(canViewMember(secretary, { id: 'x' }, cellB)).toBe(false);
    expect(canEditMember(secretary, cellA)).toBe(false);
  });

  it('a member sees their own record only', () => {
    expect(canViewMember(member, { id: 'm2' }, cellA)).toBe(true);
    expect(canViewMember(member, { id: 'm1' }, cellA)).toBe(false);
    expect(canListMembers(member, cellA)).toBe(false);
    expect(computeAbilities(member)).toMatchObject({ viewOwnRecord: true, viewOrganisation: false, searchMembers: false, viewPeople: false, editPeople: false });
  });

  it('a unit officer sees their unit, not the cells', () => {
    expect(canViewUnit(officer, agency)).toBe(true);
    expect(canViewUnit(officer, cellA)).toBe(false);
    expect(canListMembers(officer, agency)).toBe(false);
  });

  it('the administrator reaches everything below their grant', () => {
    expect(canEditMember(admin, otherCell)).toBe(true);
    expect(computeAbilities(admin)).toMatchObject({ manageUsers: true, importMembers: true });
  });
});
