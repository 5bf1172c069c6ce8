import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'unread'],
  queryFn: () => api<{ unread: number }>('/api/notifications/unread-count').then((r) => r.unread),
  refetchInterval: 60_000,
});

export const notificationsQuery = (limit: number) =>
  queryOptions({
    queryKey: ['notifications', 'list', limit],
    queryFn: () => api<{ notifications: Notification[]; total: number; unread: number }>('/api/notifications', { query: { limit } }),
  });

export const markRead = (id: string) => api<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<{ marked: number }>('/api/notifications/read-all', { method: 'POST' });
