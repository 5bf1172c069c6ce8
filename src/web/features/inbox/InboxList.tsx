// Plans delivered to the user's units: unread first and marked, each opened with one button, which
// records the read receipt the ward office follows, then shows the plan.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/feedback';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { formatDate, formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { inboxQuery, markRead, type InboxItem } from '../plans/queries';

const t = vi.inbox;

export function InboxList({ items }: { items: InboxItem[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opening, setOpening] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const sorted = [...items.filter((i) => !i.readAt), ...items.filter((i) => i.readAt)];
  const unread = items.filter((i) => !i.readAt).length;

  const open = async (item: InboxItem) => {
    setOpening(item.id);
    setFailure(null);
    try {
      if (!item.readAt) {
        const { readAt } = await markRead(item.id);
        queryClient.setQueryData(inboxQuery.queryKey, (old: InboxItem[] | undefined) => old?.map((i) => (i.id === item.id ? { ...i, readAt } : i)));
        void queryClient.invalidateQueries({ queryKey: inboxQuery.queryKey });
      }
      await navigate({ to: '/ke-hoach/$planId', params: { planId: item.planId } });
    } catch (error) {
      setFailure(error);
      setOpening(null);
    }
  };

  return (
    <Stack gap="md">
      <Text fw={600} aria-live="polite">
        {t.unreadCount(unread)}
      </Text>
      {failure !== null && <ErrorAlert error={failure} />}
      <Stack component="ul" gap="sm" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sorted.map((item) => {
          const isUnread = !item.readAt;
          return (
            <Paper
              component="li"
              key={item.id}
              withBorder
              p="md"
              radius="md"
              data-unread={isUnread || undefined}
              style={isUnread ? { borderLeft: '6px solid var(--mantine-color-red-9)', background: 'var(--mantine-color-red-0)' } : undefined}
            >
              <Stack gap={6}>
                <Group gap="xs">
                  {isUnread ? <Badge color="red">{vi.plans.unread}</Badge> : <Badge color="green">{vi.plans.read}</Badge>}
                  <Text fz="sm">
                    <NoBreakNumbers>{t.issuedOn(item.planNumber, formatDate(item.issuedOn))}</NoBreakNumbers>
                  </Text>
                </Group>
                <Title order={2} fz="lg" fw={isUnread ? 800 : 600}>
                  <NoBreakNumbers>{item.planTitle}</NoBreakNumbers>
                </Title>
                <Text fz="sm">{t.to(item.unitName)}</Text>
                <Text fz="sm" c="dimmed">
                  {t.deliveredAt(formatDateTime(item.deliveredAt))}
                  {item.readAt && ` · ${t.readAt(formatDateTime(item.readAt))}`}
                </Text>
                <div>
                  <Button
                    onClick={() => void open(item)}
                    loading={opening === item.id}
                    disabled={opening !== null}
                    variant={isUnread ? 'filled' : 'default'}
                    aria-label={`${t.open}: ${item.planNumber}`}
                  >
                    {t.open}
                  </Button>
                </div>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
