// A list of members: a table on wide screens, one card per member on phones. Names link to the
// member's page.
import { memo, useDeferredValue } from 'react';
import { Badge } from '@mantine/core';
import { Facts } from '../../components/Facts';
import { ListLink } from '../../components/links';
import { ResponsiveList, type Column } from '../../components/ResponsiveList';
import listClasses from '../../components/ResponsiveList.module.css';
import { formatDate, orNone } from '../../format';
import { vi } from '../../i18n/vi';
import { genderLabel } from './format';
import type { Member } from './queries';

interface MemberListProps {
  members: Member[];
  /** Show the cell of each member (search results across cells). */
  showCell?: boolean;
  /** Accessible name of the list or table. */
  label: string;
}

const f = vi.member.fields;

/** The member's page (route member.tsx: /dang-vien/$memberId). */
const memberHref = (id: string) => `/dang-vien/${encodeURIComponent(id)}`;

const ExemptBadge = ({ ml }: { ml?: string }) => (
  <Badge color="grape" ml={ml}>
    {vi.member.exempt}
  </Badge>
);

/**
 * How many members render with the page; the others follow at once in a background render. A cell
 * has up to a hundred members and a phone shows two or three cards, far below the page's heading:
 * rendering them all before the first paint held up the secretary's home (decision 039).
 */
const FIRST_RENDER = 10;

// Memoised: the page around it re-renders as each of its queries answers; the list only when its members change.
export const MemberList = memo(function MemberList({ members: all, showCell = false, label }: MemberListProps) {
  // React renders the whole list as a transition right after the first commit: time-sliced, so it
  // never holds up a tap; while a filter is typed, the list follows the keystrokes the same way.
  const members = useDeferredValue(all, all.length > FIRST_RENDER ? all.slice(0, FIRST_RENDER) : all);
  const columns: Column<Member>[] = [
    { header: f.index, cell: (_, i) => i + 1 },
    {
      header: f.fullName,
      cell: (m) => (
        <ListLink href={memberHref(m.id)} weight="semibold">
          {m.fullName}
        </ListLink>
      ),
    },
    { header: f.gender, cell: (m) => genderLabel(m.gender) },
    { header: f.birthDate, cell: (m) => formatDate(m.birthDate), nowrap: true },
    { header: f.cardNumber, cell: (m) => orNone(m.cardNumber), nowrap: true },
    ...(showCell ? [{ header: f.cell, cell: (m: Member) => m.cellName }] : []),
    { header: f.notes, cell: (m) => m.exempt && <ExemptBadge /> },
  ];
  return (
    <ResponsiveList
      items={members}
      label={label}
      columns={columns}
      minWidth={640}
      twoColumns
      card={(m, i) => (
        <>
          <span className={listClasses.index}>{i + 1}. </span>
          <ListLink href={memberHref(m.id)} weight="bold" size="lg">
            {m.fullName}
          </ListLink>
          {m.exempt && <ExemptBadge ml="xs" />}
          <Facts
            compact
            rows={[
              [f.gender, genderLabel(m.gender)],
              [f.birthDate, formatDate(m.birthDate)],
              [f.cardNumber, orNone(m.cardNumber)],
              [f.cell, showCell && m.cellName],
            ]}
          />
        </>
      )}
    />
  );
});
