// Membership over time (PRODUCT.md §7 "sinh hoạt đảng"): from a member's dated events, where they
// belonged and whether they were exempt on any day. Events take effect on their day: a member
// transferred on the session's day counts in the new cell; an exemption ending the day before
// no longer exempts. Pure: the server's SQL (people/membership-queries.ts) computes the same sets.
import { formatDayFirst } from './dates';

export type MembershipEventKind = 'joined' | 'transferIn' | 'transferWithin' | 'transferOut' | 'exemption' | 'left';

export interface MembershipEventLike {
  kind: MembershipEventKind;
  /** The day it takes effect (ISO); for an exemption its first day. */
  on: string;
  /** Exemption: its last day, null while open. */
  toOn?: string | null;
  /** The cell from `on` (joined, transferIn, transferWithin). */
  cellId?: string | null;
}

export interface MembershipIssue {
  id: string;
  message: string;
}

const placementRank: Record<MembershipEventKind, number> = { joined: 0, transferIn: 0, transferWithin: 1, transferOut: 2, left: 2, exemption: 3 };
const placesInCell = (kind: MembershipEventKind) => kind === 'joined' || kind === 'transferIn' || kind === 'transferWithin';

/** The events that place a member (all but exemptions), in the order they took effect (same day: arrivals, moves, departures; then as recorded). */
export function placements<E extends MembershipEventLike>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.kind !== 'exemption')
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : placementRank[a.e.kind] - placementRank[b.e.kind] || a.i - b.i))
    .map(({ e }) => e);
}

/** The last placing event on or before `date`. */
function placementAsOf<E extends MembershipEventLike>(events: readonly E[], date: string): E | undefined {
  let last: E | undefined;
  for (const e of placements(events)) if (e.on <= date) last = e;
  return last;
}

/** The member's cell as of `date`, or null when they were not a member of the ward that day. */
export function cellAsOf(events: readonly MembershipEventLike[], date: string): string | null {
  const last = placementAsOf(events, date);
  return last && placesInCell(last.kind) ? (last.cellId ?? null) : null;
}

export function isMemberAsOf(events: readonly MembershipEventLike[], date: string): boolean {
  return cellAsOf(events, date) !== null;
}

/** Exempt from activity on `date`: a member that day, within an exemption's [on, toOn]. */
export function isExemptAsOf(events: readonly MembershipEventLike[], date: string): boolean {
  return isMemberAsOf(events, date) && events.some((e) => e.kind === 'exemption' && e.on <= date && (e.toOn == null || e.toOn >= date));
}

export interface MemberHistory {
  memberId: string;
  events: readonly MembershipEventLike[];
}

/** The members of `cellId` as of `date`. */
export function membersOfCellAsOf(histories: Iterable<MemberHistory>, cellId: string, date: string): string[] {
  const ids: string[] = [];
  for (const h of histories) if (cellAsOf(h.events, date) === cellId) ids.push(h.memberId);
  return ids;
}

/** Those expected to attend a session of `cellId` on `date`: its members not exempt that day. */
export function expectedToAttendAsOf(histories: Iterable<MemberHistory>, cellId: string, date: string): string[] {
  const ids: string[] = [];
  for (const h of histories) if (cellAsOf(h.events, date) === cellId && !isExemptAsOf(h.events, date)) ids.push(h.memberId);
  return ids;
}

/** Today's state, as members.cell_id / exempt / left_on keep it: the last cell (kept after leaving). */
export function currentState(events: readonly MembershipEventLike[], today: string): { cellId: string | null; exempt: boolean; leftOn: string | null } {
  const placed = placements(events).filter((e) => e.on <= today);
  const lastCell = [...placed].reverse().find((e) => placesInCell(e.kind))?.cellId ?? null;
  const last = placed.at(-1);
  const leftOn = last && !placesInCell(last.kind) ? last.on : null;
  return { cellId: lastCell, exempt: isExemptAsOf(events, today), leftOn };
}

const d = formatDayFirst;

/** Checks common to every new placing event dated `on`. */
function checkPlacementDate(events: readonly MembershipEventLike[], on: string, today: string): MembershipIssue | null {
  if (on > today) return { id: 'membership.future-date', message: `Ngày ${d(on)} chưa đến: chỉ ghi những thay đổi đã có hiệu lực.` };
  const placed = placements(events);
  const first = placed[0];
  if (!first) return { id: 'membership.not-joined', message: 'Đảng viên chưa có ngày vào sinh hoạt tại đảng bộ.' };
  if (on < first.on) return { id: 'membership.before-joined', message: `Ngày ${d(on)} trước ngày đảng viên vào sinh hoạt tại đảng bộ (${d(first.on)}).` };
  const last = placed.at(-1)!;
  if (!placesInCell(last.kind)) return { id: 'membership.left', message: `Đảng viên đã ra khỏi đảng bộ từ ngày ${d(last.on)}.` };
  if (on < last.on) return { id: 'membership.before-last-event', message: `Ngày ${d(on)} trước lần thay đổi gần nhất (${d(last.on)}): hãy ghi theo đúng thứ tự thời gian.` };
  return null;
}

/** A transfer within the ward to `toCellId` (or out, when `toCellId` is null) on `on`. */
export function checkTransfer(events: readonly MembershipEventLike[], transfer: { on: string; toCellId: string | null }, today: string): MembershipIssue | null {
  const issue = checkPlacementDate(events, transfer.on, today);
  if (issue) return issue;
  if (transfer.toCellId && cellAsOf(events, transfer.on) === transfer.toCellId) {
    return { id: 'membership.same-cell', message: 'Đảng viên đang sinh hoạt ở chi bộ này.' };
  }
  return null;
}

/** Leaving the ward's organisation on `on`. */
export function checkLeave(events: readonly MembershipEventLike[], on: string, today: string): MembershipIssue | null {
  return checkPlacementDate(events, on, today);
}

/** A new exemption [from, to] (to null = open), or an existing one (`exceptIndex`) changed to it. */
export function checkExemption(
  events: readonly MembershipEventLike[],
  exemption: { from: string; to: string | null },
  exceptIndex = -1,
): MembershipIssue | null {
  const { from, to } = exemption;
  if (to !== null && to < from) return { id: 'membership.dates-reversed', message: `Ngày kết thúc (${d(to)}) trước ngày bắt đầu (${d(from)}).` };
  const first = placements(events)[0];
  if (!first) return { id: 'membership.not-joined', message: 'Đảng viên chưa có ngày vào sinh hoạt tại đảng bộ.' };
  if (from < first.on) return { id: 'membership.before-joined', message: `Ngày ${d(from)} trước ngày đảng viên vào sinh hoạt tại đảng bộ (${d(first.on)}).` };
  if (!isMemberAsOf(events, from)) return { id: 'membership.left', message: `Ngày ${d(from)} đảng viên không còn sinh hoạt tại đảng bộ.` };
  const other = events.find(
    (e, i) => i !== exceptIndex && e.kind === 'exemption' && (to === null || e.on <= to) && (e.toOn == null || e.toOn >= from),
  );
  if (other) {
    const span = other.toOn ? `từ ${d(other.on)} đến ${d(other.toOn)}` : `từ ${d(other.on)}, chưa kết thúc`;
    return { id: 'membership.exemption-overlap', message: `Thời gian miễn sinh hoạt trùng với lần miễn ${span}.` };
  }
  return null;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
