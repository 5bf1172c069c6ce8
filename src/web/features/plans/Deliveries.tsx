// "Tình hình nhận văn bản": every unit the issued plan was delivered to, whether it has been read,
// by whom and when. Unread units come first, so the office sees whom to remind; a filter narrows
// the list, which scrolls on its own so that a ward's fifty cells do not bury the rest of the page.
import { useMemo, useState } from 'react';
import { Badge, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { deliveriesQuery } from './queries';

const t = vi.plans;
type Filter = 'all' | 'unread' | 'read';

export function Deliveries({ planId }: { planId: string }) {
  const deliveries = useQuery(deliveriesQuery(planId));
  const [filter, setFilter] = useState<Filter>('all');
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const all = useMemo(() => {
    const list = deliveries.data ?? [];
    return [...list.filter((d) => !d.readAt), ...list.filter((d) => d.readAt)];
  }, [deliveries.data]);
  if (!deliveries.data) return <QueryStatus query={deliveries} />;
  if (all.length === 0) return <Text>{t.deliveriesEmpty}</Text>;
  const read = all.filter((d) => d.readAt).length;
  const rows = all.filter((d) => (filter === 'all' ? true : filter === 'read' ? d.readAt : !d.readAt));
  return (
    <Stack gap="sm">
      <Text fw={700}>{t.deliveriesSummary(read, all.length)}</Text>
      <SegmentedControl
        aria-label={t.deliveriesFilter}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'all', label: t.deliveriesAll(all.length) },
          { value: 'unread', label: t.deliveriesUnread(all.length - read) },
          { value: 'read', label: t.deliveriesRead(read) },
        ]}
        style={narrow ? undefined : { alignSelf: 'flex-start' }}
      />
      {rows.length === 0 ? (
        <Text>{t.deliveriesNone}</Text>
      ) : (
        <ScrollArea.Autosize mah={460} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': t.deliveriesTitle }}>
          <Table withTableBorder striped stickyHeader verticalSpacing="xs" fz="md" aria-label={t.deliveriesTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.deliveryUnit}</Table.Th>
                <Table.Th scope="col">{t.deliveryStatus}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t.deliveryDelivered}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id} style={{ verticalAlign: 'top' }}>
                  <Table.Th scope="row" fw={600}>
                    {d.unitName}
                  </Table.Th>
                  <Table.Td>
                    <Badge color={d.readAt ? 'green' : 'orange'} style={{ minWidth: 'max-content' }}>
                      {d.readAt ? t.read : t.unread}
                    </Badge>
                    {d.readAt && (
                      <Text fz="sm" mt={4}>
                        {t.readBy(d.readByName ?? vi.common.none, formatDateTime(d.readAt))}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(d.deliveredAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
