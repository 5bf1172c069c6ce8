// "Tiến độ": a plan's dated items down one line — its issue, the ward conference, the cells' study
// window, its tasks and the report deadline — each done, open or overdue. One column that wraps, so
// it reads on a 390 px phone without sideways scrolling.
import { useQuery } from '@tanstack/react-query';
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { QueryStatus } from '../../components/feedback';
import { Section } from '../../components/Section';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { timelineQuery, type TimelineItem } from './viewQueries';

const t = vi.taskViews.timeline;
const colour = { done: 'green.9', open: 'blue.9', overdue: 'red.9' } as const;
const dot = { done: 'var(--mantine-color-green-9)', open: 'var(--mantine-color-blue-9)', overdue: 'var(--mantine-color-red-9)' } as const;
const statusLabel = (s: TimelineItem['status']) => (s === 'done' ? vi.taskViews.status.done : s === 'overdue' ? vi.taskViews.status.overdue : vi.taskViews.status.open);

function when(item: TimelineItem): string {
  if (item.date) return formatDate(item.date);
  if (item.from) return t.window(formatDate(item.from), item.to ? formatDate(item.to) : null);
  return item.to ? formatDate(item.to) : '';
}

export function PlanTimeline({ planId }: { planId: string }) {
  const timeline = useQuery(timelineQuery(planId));
  return (
    <Section id="plan-timeline" title={t.title}>
      {!timeline.data ? (
        <QueryStatus query={timeline} />
      ) : timeline.data.items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="xs">
          <Text fz="sm" c="dimmed">
            {t.today(formatDate(timeline.data.today))}
          </Text>
          <Box component="ol" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0, borderLeft: '3px solid var(--mantine-color-gray-4)', marginLeft: 8 }}>
            {timeline.data.items.map((item, i) => (
              <Box component="li" key={`${item.kind}-${item.taskId ?? item.conferenceId ?? i}`} data-status={item.status} style={{ position: 'relative', padding: '0 0 16px 20px', minWidth: 0 }}>
                <span aria-hidden style={{ position: 'absolute', left: -9, top: 4, width: 15, height: 15, borderRadius: '50%', background: dot[item.status], border: '2px solid white' }} />
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700} fz="sm">
                      {when(item)}
                    </Text>
                    <Badge size="sm" color={colour[item.status]}>
                      {statusLabel(item.status)}
                    </Badge>
                    <Text fz="xs" c="dimmed">
                      {t.kinds[item.kind]}
                    </Text>
                  </Group>
                  <Text style={{ overflowWrap: 'anywhere' }}>{item.label}</Text>
                  {item.detail && (
                    <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {item.detail}
                    </Text>
                  )}
                  {item.progress && item.kind !== 'sessions' && <Text fz="sm">{t.progress(item.progress.done, item.progress.total, item.progress.overdue)}</Text>}
                </Stack>
              </Box>
            ))}
          </Box>
        </Stack>
      )}
    </Section>
  );
}
