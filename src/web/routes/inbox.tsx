// /van-ban-den — plans issued to the user's units (unit officers, cell secretaries).
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { ErrorAlert, Loading } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { InboxList } from '../features/inbox/InboxList';
import { hasInbox } from '../features/plans/access';
import { inboxQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'van-ban-den',
  component: InboxPage,
});

function InboxPage() {
  const me = useMe();
  const allowed = hasInbox(me);
  const items = useQuery({ ...inboxQuery, enabled: allowed });
  if (!allowed) return <Forbidden />;
  return (
    <>
      <PageHeader title={vi.inbox.title} below={<Text>{vi.inbox.intro}</Text>} />
      <Stack gap="md">
        {items.isPending && <Loading />}
        {items.isError && <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />}
        {items.data && (items.data.length === 0 ? <Text>{vi.inbox.empty}</Text> : <InboxList items={items.data} />)}
      </Stack>
    </>
  );
}
