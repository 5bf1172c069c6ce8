// A member's history, oldest first: joined, transfers, exemptions, leaving.
import { Stack, Text } from '@mantine/core';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import type { MembershipEvent } from './queries';

const t = vi.events;

export function describeEvent(e: MembershipEvent): string {
  switch (e.kind) {
    case 'joined':
      return t.joined(e.cellName ?? '');
    case 'transferIn':
      return t.transferIn(e.cellName ?? '', e.otherWard ?? '');
    case 'transferWithin':
      return t.transferWithin(e.fromCellName ?? '', e.cellName ?? '');
    case 'transferOut':
      return t.transferOut(e.otherWard ?? '');
    case 'exemption':
      return `${t.exemption(e.toOn ? formatDate(e.toOn) : null)}${e.reason ? ` — ${e.reason}` : ''}`;
    case 'left':
      return t.left(t.reasons[e.reason ?? ''] ?? e.reason ?? '');
  }
}

export function MembershipHistory({ events }: { events: MembershipEvent[] }) {
  return (
    <Stack component="ol" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((e) => (
        <li key={e.id}>
          <Text fw={600} span>
            {formatDate(e.on)}
          </Text>{' '}
          <Text span>— {describeEvent(e)}</Text>
          {e.note && e.kind !== 'left' && (
            <Text fz="sm" c="dimmed">
              {e.note}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
