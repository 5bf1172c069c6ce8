// A list of records that reads well on every screen: a table on wide screens, one card per record
// on phones (no sideways scrolling). The caller says what the columns and a card show.
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import classes from './ResponsiveList.module.css';

export interface Column<T> {
  header: string;
  cell: (item: T, index: number) => ReactNode;
  /** Short values (dates, numbers) that must not wrap. */
  nowrap?: boolean;
  className?: string;
}

interface ResponsiveListProps<T> {
  items: T[];
  /** Accessible name of the list or table. */
  label: string;
  columns: Column<T>[];
  card: (item: T, index: number) => ReactNode;
  /** The table's width below which it scrolls sideways rather than squeezing. */
  minWidth: number;
  /** Two cards per row on tablets. */
  twoColumns?: boolean;
}

/** The table needs the width left beside the navigation on a desktop screen. */
export const useWideScreen = () => useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

export function ResponsiveList<T extends { id: string }>({ items, label, columns, card, minWidth, twoColumns = false }: ResponsiveListProps<T>) {
  const wide = useWideScreen();
  if (!wide) {
    return (
      <ul className={classes.cards} data-columns={twoColumns ? 2 : 1} aria-label={label}>
        {items.map((item, i) => (
          // A plain element styled as Mantine's Paper (withBorder, p="sm", radius="md"): a cell's list
          // renders one per member on the secretary's home, where every component costs (decision 036).
          <li key={item.id} className={classes.card}>
            {card(item, i)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" className={classes.table} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            <Table.Tr key={item.id}>
              {columns.map((c) => (
                <Table.Td key={c.header} className={[c.nowrap ? classes.nowrap : '', c.className ?? ''].join(' ').trim() || undefined}>
                  {c.cell(item, i)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
