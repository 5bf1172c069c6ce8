// A list of members: a table on wide screens, one card per member on phones (no sideways
// scrolling). Names link to the member's page.
import { Badge, Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { AnchorLink } from '../../components/links';
import { vi } from '../../i18n/vi';
import { formatDate, genderLabel, orNone } from './format';
import type { Member } from './queries';
import classes from './MemberList.module.css';

interface MemberListProps {
  members: Member[];
  /** Show the cell of each member (search results across cells). */
  showCell?: boolean;
  /** Accessible name of the list or table. */
  label: string;
}

const f = vi.member.fields;

export function MemberList({ members, showCell = false, label }: MemberListProps) {
  // The table needs the width left beside the navigation on a desktop screen.
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <ul className={classes.cards} aria-label={label}>
        {members.map((m, i) => (
          <Paper component="li" key={m.id} withBorder p="sm" radius="md">
            <Text fz="sm" c="dimmed" component="span">
              {i + 1}.{' '}
            </Text>
            <AnchorLink to="/dang-vien/$memberId" params={{ memberId: m.id }} fw={700} fz="lg">
              {m.fullName}
            </AnchorLink>
            {m.exempt && (
              <Badge color="grape" ml="xs">
                {vi.member.exempt}
              </Badge>
            )}
            <dl className={classes.facts}>
              <dt>{f.gender}</dt>
              <dd>{genderLabel(m.gender)}</dd>
              <dt>{f.birthDate}</dt>
              <dd>{formatDate(m.birthDate)}</dd>
              <dt>{f.cardNumber}</dt>
              <dd>{orNone(m.cardNumber)}</dd>
              {showCell && (
                <>
                  <dt>{f.cell}</dt>
                  <dd>{m.cellName}</dd>
                </>
              )}
            </dl>
          </Paper>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" className={classes.table} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{f.index}</Table.Th>
            <Table.Th scope="col">{f.fullName}</Table.Th>
            <Table.Th scope="col">{f.gender}</Table.Th>
            <Table.Th scope="col">{f.birthDate}</Table.Th>
            <Table.Th scope="col">{f.cardNumber}</Table.Th>
            {showCell && <Table.Th scope="col">{f.cell}</Table.Th>}
            <Table.Th scope="col">{f.notes}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m, i) => (
            <Table.Tr key={m.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <AnchorLink to="/dang-vien/$memberId" params={{ memberId: m.id }} fw={600}>
                  {m.fullName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{genderLabel(m.gender)}</Table.Td>
              <Table.Td className={classes.nowrap}>{formatDate(m.birthDate)}</Table.Td>
              <Table.Td className={classes.nowrap}>{orNone(m.cardNumber)}</Table.Td>
              {showCell && <Table.Td>{m.cellName}</Table.Td>}
              <Table.Td>
                {m.exempt && (
                  <Badge color="grape">
                    {vi.member.exempt}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
