// /van-ban-den — plans issued to the user's units (unit officers, cell secretaries).
// The page, loaded when first opened; the address and its checks are in ./inbox.tsx.
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { InboxList } from '../features/inbox/InboxList';
import { inboxQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';

export default requireAbility('viewInbox', InboxPage);

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
