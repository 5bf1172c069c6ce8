// The person's notifications, unread first: open (marks read), mark read, mark all read, more.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, QueryStatus } from '../../components/feedback';
import { useInAppClick } from '../../components/links';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { markAllRead, markRead, notificationsQuery, type Notification } from './queries';

const t = vi.notifications;

export function NotificationList() {
  const [limit, setLimit] = useState(20);
  const query = useQuery(notificationsQuery(limit));
  const queryClient = useQueryClient();
  const follow = useInAppClick();
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      await refresh();
    } catch (error) {
      setFailure(error);
    }
  };
  if (!query.data) return <QueryStatus query={query} />;
  const { notifications, total, unread } = query.data;
  if (notifications.length === 0) return <Text c="dimmed">{t.none}</Text>;
  return (
    <Stack gap="sm">
      {unread > 0 && (
        <Button variant="default" size="md" style={{ alignSelf: 'flex-start' }} onClick={() => void act(markAllRead)}>
          {t.readAll}
        </Button>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {notifications.map((n: Notification) => (
          <Paper component="li" key={n.id} withBorder p="sm" bg={n.readAt ? undefined : 'red.0'}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs">
                  {!n.readAt && <Badge color="red">{t.unread}</Badge>}
                  <Text fz="sm" c="dimmed">{formatDateTime(n.createdAt)}</Text>
                </Group>
                <Text fw={700}>{n.title}</Text>
                {n.body && <Text fz="sm">{n.body}</Text>}
              </Stack>
              <Group gap="xs">
                {n.link && (
                  <Button component="a" href={n.link} size="md" variant="light" onClick={(e) => { void markRead(n.id).then(refresh); follow(n.link!)(e); }}>
                    {t.open}
                  </Button>
                )}
                {!n.readAt && (
                  <Button size="md" variant="default" onClick={() => void act(() => markRead(n.id))}>
                    {t.markRead}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {total > notifications.length && (
        <Button variant="default" onClick={() => setLimit((l) => l + 20)} style={{ alignSelf: 'flex-start' }}>
          {t.more}
        </Button>
      )}
    </Stack>
  );
}
