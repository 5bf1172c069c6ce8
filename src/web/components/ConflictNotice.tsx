// What an edit form shows when someone else saved first (409): the server's message, their values
// beside the ones just typed (for the fields either side changed), and the way on: load the newest
// version and go on from it, or cancel. Nothing of the stale edit has been written.
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { vi } from '../i18n/vi';

const c = vi.common.conflict;

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

interface ConflictNoticeProps {
  title: string;
  message: string;
  /** The fields compared; none shows no table. */
  rows?: ConflictRow[];
  /** Accessible name of the comparison table. */
  compareLabel?: string;
  reloadLabel?: string;
  reloadHint?: string;
  onReload: () => void;
  onCancel?: () => void;
}

export function ConflictNotice({ title, message, rows = [], compareLabel, reloadLabel = c.reload, reloadHint = c.reloadHint, onReload, onCancel }: ConflictNoticeProps) {
  return (
    <Alert color="orange" title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text>{message}</Text>
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={320} w="100%">
            <Table withTableBorder fz="md" aria-label={compareLabel}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="22%">
                    {c.field}
                  </Table.Th>
                  <Table.Th scope="col" w="39%">
                    {c.theirs}
                  </Table.Th>
                  <Table.Th scope="col" w="39%">
                    {c.yours}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.field}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    <Table.Td>{row.theirs}</Table.Td>
                    <Table.Td>{row.yours}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text fz="sm">{reloadHint}</Text>
        <Group>
          <Button onClick={onReload}>{reloadLabel}</Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {vi.common.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The rows to compare: the fields someone else changed since `base` and the ones the user changed,
 * in `order`, each as `show` reads it.
 */
export function conflictRows<K extends string>(options: {
  order: readonly K[];
  base: Partial<Record<K, unknown>>;
  theirs: Partial<Record<K, unknown>>;
  ours: Partial<Record<K, unknown>>;
  labels: Record<string, string>;
  show: (field: K, value: unknown) => string;
}): ConflictRow[] {
  const { order, base, theirs, ours, labels, show } = options;
  const changedByThem = (k: K) => JSON.stringify(base[k]) !== JSON.stringify(theirs[k]);
  return order
    .filter((k) => changedByThem(k) || k in ours)
    .map((k) => ({ field: k, label: labels[k] ?? k, theirs: show(k, theirs[k]), yours: show(k, k in ours ? ours[k] : base[k]) }));
}
