// /van-ban-den — plans issued to the user's units (unit officers, cell secretaries).
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { InboxList } from '../features/inbox/InboxList';
import { inboxQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'van-ban-den',
  component: requireAbility('viewInbox', InboxPage),
});

function InboxPage() {
  const items = useQuery(inboxQuery);
  return (
    <>
      <PageHeader title={vi.inbox.title} below={<Text>{vi.inbox.intro}</Text>} />
      <Stack gap="md">
        {!items.data ? <QueryStatus query={items} /> : items.data.length === 0 ? <Text>{vi.inbox.empty}</Text> : <InboxList items={items.data} />}
      </Stack>
    </>
  );
}
