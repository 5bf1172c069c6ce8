// The navigation, as data: one entry per menu item, shown to whoever `show` allows (from the
// abilities the server computed). To add a page, add its route in router.tsx and one entry here,
// e.g. { id: 'resolutions', label: vi.nav.resolutions, to: '/nghi-quyet', show: (me) => … }.
// Items appear in this order.
import type { Me } from './features/auth/session';
import { grantsOf, isOverseer } from './features/auth/session';
import { canSeePlans, hasInbox } from './features/plans/access';
import { canReadRegistry } from './features/resolutions/access';
import { canSeeSettings } from './features/settings/access';
import { vi } from './i18n/vi';

export interface NavItem {
  id: string;
  label: string;
  /** A route path of router.tsx; `$name` segments are filled from `params`. */
  to: string;
  params?: (me: Me) => Record<string, string>;
  show: (me: Me) => boolean;
}

export const navItems: NavItem[] = [
  { id: 'home', label: vi.nav.home, to: '/', show: (me) => isOverseer(me) || grantsOf(me, 'unitOfficer').length > 0 },
  {
    id: 'my-cell',
    label: vi.nav.myCell,
    to: '/don-vi/$unitId',
    params: (me) => ({ unitId: grantsOf(me, 'cellSecretary')[0]?.unitId ?? '' }),
    show: (me) => !isOverseer(me) && grantsOf(me, 'cellSecretary').length > 0,
  },
  // Plans issued to the user's units (unit officers, cell secretaries).
  { id: 'inbox', label: vi.nav.inbox, to: '/van-ban-den', show: hasInbox },
  { id: 'organisation', label: vi.nav.organisation, to: '/to-chuc', show: (me) => me.abilities.viewOrganisation },
  { id: 'search', label: vi.nav.search, to: '/tim-kiem', show: (me) => me.abilities.searchMembers },
  { id: 'import-members', label: vi.nav.importMembers, to: '/nhap-danh-sach', show: (me) => me.abilities.importMembers },
  // Everyone of a commune reads its registry (members read the resolution).
  { id: 'resolutions', label: vi.nav.resolutions, to: '/nghi-quyet', show: canReadRegistry },
  { id: 'plans', label: vi.nav.plans, to: '/ke-hoach', show: canSeePlans },
  { id: 'import-plan', label: vi.nav.importPlan, to: '/nhap-ke-hoach', show: (me) => me.abilities.importPlans },
  {
    id: 'my-record',
    label: vi.nav.myRecord,
    to: '/dang-vien/$memberId',
    params: (me) => ({ memberId: me.user.memberId ?? '' }),
    show: (me) => me.abilities.viewOwnRecord && me.user.memberId !== null,
  },
  { id: 'settings', label: vi.nav.settings, to: '/thiet-lap', show: canSeeSettings },
  { id: 'account', label: vi.nav.account, to: '/tai-khoan', show: () => true },
];

/** The address of an item for this user: "/don-vi/$unitId" → "/don-vi/8f…". */
export function hrefOf(item: NavItem, me: Me): string {
  const params = item.params?.(me) ?? {};
  return item.to.replace(/\$(\w+)/gu, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
