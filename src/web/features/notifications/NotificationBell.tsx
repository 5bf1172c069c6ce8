// The header's bell: the unread count, a link to the notifications page.
import { Badge, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useInAppClick } from '../../components/links';
import { vi } from '../../i18n/vi';
import { unreadCountQuery } from './queries';

export function NotificationBell() {
  const { data: unread = 0 } = useQuery(unreadCountQuery);
  const follow = useInAppClick();
  return (
    <UnstyledButton
      component="a"
      href="/thong-bao"
      onClick={follow('/thong-bao')}
      aria-label={vi.notifications.bell(unread)}
      data-testid="notification-bell"
      c="white"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 44, minHeight: 44, justifyContent: 'center' }}
    >
      <span aria-hidden="true" style={{ fontSize: 22 }}>🔔</span>
      {unread > 0 && (
        <Badge color="yellow" c="dark" size="md" aria-hidden="true">
          {unread}
        </Badge>
      )}
    </UnstyledButton>
  );
}
