// One figure of a report's summary: its label, its value large, a detail below — a term and its
// descriptions, so a list of figures is a <dl> (the consolidation's and the province's pages).
import { Paper, Text } from '@mantine/core';

export function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper bg="gray.0" p="sm" radius="md">
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700}>
        {value}
      </Text>
      {detail && (
        <Text component="dd" m={0} fz="sm">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
