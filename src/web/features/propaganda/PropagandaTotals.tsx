// The propaganda totals by channel, read-only: the sentence the reports print ("Đăng 12 tin, bài trên
// …; phát 16 lần trên hệ thống truyền thanh …") and the table by channel (cards on phones). Shared by
// the cell report (the unit's totals) and the consolidation (the plan's).
import { Stack, Text } from '@mantine/core';
import { formatCount } from '../../../domain/report-figures';
import { propagandaSentence, propagandaTableValues, type ChannelTotals } from '../../../domain/propaganda';
import { ResponsiveList } from '../../components/ResponsiveList';
import { vi } from '../../i18n/vi';

const t = vi.propagandaTotals;

export interface TotalsResponse {
  byChannel: Record<string, ChannelTotals>;
}

export const propagandaTotalsUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/propaganda/totals`;

export function PropagandaTotals({ byChannel, none }: { byChannel: Record<string, ChannelTotals>; none: string }) {
  const sentence = propagandaSentence(byChannel);
  if (!sentence) return <Text>{none}</Text>;
  const rows = propagandaTableValues(byChannel).map(([name, entries, posts, broadcasts, copies, reach]) => ({ id: name, name, entries, posts, broadcasts, copies, reach }));
  return (
    <Stack gap="sm">
      <Text data-testid="propaganda-sentence">{sentence}</Text>
      <ResponsiveList
        items={rows}
        label={t.list}
        minWidth={640}
        columns={[
          { header: t.channel, cell: (r) => r.name },
          { header: t.entries, nowrap: true, cell: (r) => formatCount(r.entries) },
          { header: t.posts, nowrap: true, cell: (r) => formatCount(r.posts) },
          { header: t.broadcasts, nowrap: true, cell: (r) => formatCount(r.broadcasts) },
          { header: t.copies, nowrap: true, cell: (r) => formatCount(r.copies) },
          { header: t.reach, nowrap: true, cell: (r) => formatCount(r.reach) },
        ]}
        card={(r) => (
          <Stack gap={2}>
            <Text fw={700}>{r.name}</Text>
            <Text fz="sm">
              {t.card({ entries: formatCount(r.entries), posts: formatCount(r.posts), broadcasts: formatCount(r.broadcasts), copies: formatCount(r.copies), reach: formatCount(r.reach) })}
            </Text>
          </Stack>
        )}
      />
    </Stack>
  );
}
