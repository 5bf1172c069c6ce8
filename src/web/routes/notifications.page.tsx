// /thong-bao — the page; the address is in ./notifications.tsx.
import { PageHeader } from '../components/PageHeader';
import { NotificationList } from '../features/notifications/NotificationList';
import { vi } from '../i18n/vi';

export default function NotificationsPage() {
  return (
    <>
      <PageHeader title={vi.notifications.title} />
      <NotificationList />
    </>
  );
}
