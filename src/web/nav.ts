// The navigation, as data: one entry per menu item, shown to whoever `show` allows from the
// abilities the server computed (GET /api/me), so that the browser never guesses. Items with a
// `hint` are also the quick links of the home page. To add a page, add its route in router.tsx and
// one entry here, e.g. { id: 'reports', label: vi.nav.reports, to: '/bao-cao', show: (me) => me.abilities.viewReports }.
// Items appear in this order.
import type { Abilities } from '../server/auth/abilities';
import { landingFor, type Me } from './features/auth/session';
import { vi } from './i18n/vi';

export interface NavItem {
  id: string;
  label: string;
  /** A route path of router.tsx; `$name` segments are filled from `params`. */
  to: string;
  params?: (me: Me) => Record<string, string>;
  show: (me: Me) => boolean;
  /** What the page is for, on the home page's quick links. */
  hint?: string;
}

const links = vi.home.links;

export const navItems: NavItem[] = [
  // "/" shows a page of its own only to those who land there; others are sent on (home.tsx).
  { id: 'home', label: vi.nav.home, to: '/', show: (me) => landingFor(me).kind === 'overview' || landingFor(me).kind === 'officer' },
  {
    id: 'my-cell',
    label: vi.nav.myCell,
    to: '/don-vi/$unitId',
    params: (me) => {
      const landing = landingFor(me);
      return { unitId: landing.kind === 'cell' ? landing.unitId : '' };
    },
    show: (me) => landingFor(me).kind === 'cell',
  },
  // Plans issued to the user's units (unit officers, cell secretaries).
  { id: 'inbox', label: vi.nav.inbox, to: '/van-ban-den', show: (me) => me.abilities.viewInbox, hint: links.inbox },
  { id: 'my-tasks', label: vi.taskViews.nav.myTasks, to: '/nhiem-vu', show: (me) => me.abilities.viewUnitTasks, hint: vi.taskViews.links.myTasks },
  { id: 'task-overview', label: vi.taskViews.nav.overview, to: '/nhiem-vu/tong-hop', show: (me) => me.abilities.viewTaskOverview, hint: vi.taskViews.links.overview },
  { id: 'calendar', label: vi.taskViews.nav.calendar, to: '/lich', show: (me) => me.abilities.viewMonthCalendar, hint: vi.taskViews.links.calendar },
  { id: 'organisation', label: vi.nav.organisation, to: '/to-chuc', show: (me) => me.abilities.viewOrganisation, hint: links.organisation },
  { id: 'search', label: vi.nav.search, to: '/tim-kiem', show: (me) => me.abilities.searchMembers, hint: links.search },
  { id: 'people', label: vi.nav.people, to: '/nguoi', show: (me) => me.abilities.viewPeople, hint: links.people },
  { id: 'import-members', label: vi.nav.importMembers, to: '/nhap-danh-sach', show: (me) => me.abilities.importMembers, hint: links.importMembers },
  // Everyone of a commune reads its registry (members read the resolution).
  { id: 'resolutions', label: vi.nav.resolutions, to: '/nghi-quyet', show: (me) => me.abilities.viewResolutions, hint: links.resolutions },
  { id: 'province-reports', label: vi.nav.provinceReports, to: '/tinh/bao-cao', show: (me) => me.abilities.viewProvinceReports, hint: links.provinceReports },
  { id: 'plans', label: vi.nav.plans, to: '/ke-hoach', show: (me) => me.abilities.viewPlans, hint: links.plans },
  { id: 'import-plan', label: vi.nav.importPlan, to: '/nhap-ke-hoach', show: (me) => me.abilities.importPlans, hint: links.importPlan },
  { id: 'my-study', label: vi.nav.myStudy, to: '/hoc-tap', show: (me) => me.abilities.studyOwn, hint: links.myStudy },
  { id: 'reflections', label: vi.nav.reflections, to: '/thu-hoach', show: (me) => me.abilities.reviewReflections, hint: links.reflections },
  {
    id: 'my-record',
    label: vi.nav.myRecord,
    to: '/dang-vien/$memberId',
    params: (me) => ({ memberId: me.user.memberId ?? '' }),
    show: (me) => me.abilities.viewOwnRecord,
  },
  { id: 'settings', label: vi.nav.settings, to: '/thiet-lap', show: (me) => canOpenSettings(me.abilities), hint: links.settings },
  { id: 'account', label: vi.nav.account, to: '/tai-khoan', show: () => true, hint: links.account },
];

/** The settings page holds the commune's document settings, the importer's vocabulary, the organisation's editor and the accounts. */
export function canOpenSettings(abilities: Abilities): boolean {
  return abilities.viewSettings || abilities.editVocabulary || abilities.manageUnits || abilities.manageUsers;
}

/** The address of an item for this user: "/don-vi/$unitId" → "/don-vi/8f…". */
export function hrefOf(item: NavItem, me: Me): string {
  const params = item.params?.(me) ?? {};
  return item.to.replace(/\$(\w+)/gu, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
