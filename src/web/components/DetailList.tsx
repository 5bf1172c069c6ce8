// A record's fields, read-only, as a description list in a grid: label above its value, one
// column on phones. Used for members, documents, settings and the account.
import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text, type SimpleGridProps } from '@mantine/core';

export type Detail = [label: string, value: ReactNode];

export function DetailList({ rows, cols = { base: 1, xs: 2 } }: { rows: Detail[]; cols?: SimpleGridProps['cols'] }) {
  return (
    <SimpleGrid component="dl" cols={cols} spacing="lg" verticalSpacing="sm" m={0}>
      {rows.map(([label, value]) => (
        <DetailItem key={label} label={label} value={value} />
      ))}
    </SimpleGrid>
  );
}

/** One label and its value; `className` styles the value (e.g. a capital first letter). */
export function DetailItem({ label, value, className }: { label: string; value: ReactNode; className?: string }) {
  return (
    <Stack gap={0}>
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} fz="lg" className={className}>
        {value}
      </Text>
    </Stack>
  );
}
