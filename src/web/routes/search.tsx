// /tim-kiem?q= — find members by name with or without diacritics ("nguyen van hung" finds
// "Nguyễn Văn Hùng") or by card number. Searches as you type, after a short pause.
import { useEffect, useRef, useState } from 'react';
import { Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { SearchIcon } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { MemberList } from '../features/members/MemberList';
import { memberSearchQuery } from '../features/members/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

const LIMIT = 50;

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tim-kiem',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q ? { q: search.q.slice(0, 100) } : {},
  component: SearchPage,
});

function SearchPage() {
  const me = useMe();
  const { q = '' } = searchRoute.useSearch();
  const navigate = useNavigate({ from: '/tim-kiem' });
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const enabled = me.abilities.searchMembers && debounced.length >= 2;
  const results = useQuery({ ...memberSearchQuery(debounced, LIMIT), enabled, placeholderData: keepPreviousData });

  // Keep the address in step with the search, so that it can be shared or reloaded; and the box in
  // step with the address when it changes from outside (the menu link, the back button).
  const inAddress = useRef(q);
  useEffect(() => {
    if (q === inAddress.current) return;
    inAddress.current = q;
    setText(q);
  }, [q]);
  useEffect(() => {
    if (debounced === inAddress.current) return;
    inAddress.current = debounced;
    void navigate({ search: debounced ? { q: debounced } : {}, replace: true });
  }, [debounced, navigate]);

  if (!me.abilities.searchMembers) return <Forbidden />;
  const data = enabled ? results.data : undefined;
  return (
    <>
      <PageHeader title={vi.search.title} />
      <Stack gap="md">
        <TextInput
          label={vi.search.label}
          description={vi.search.hint}
          placeholder={vi.search.placeholder}
          leftSection={<SearchIcon />}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autoComplete="off"
          maw={560}
        />
        <div aria-live="polite">
          {enabled && results.isFetching && !data && <Loading label={vi.search.searching} />}
          {data && (
            <Text fw={600}>
              {vi.search.results(data.total)} {data.total >= LIMIT && vi.search.resultsCapped(LIMIT)}
            </Text>
          )}
        </div>
        {enabled && results.isError && <ErrorAlert error={results.error} />}
        {data && data.members.length > 0 && <MemberList members={data.members} showCell label={vi.search.title} />}
      </Stack>
    </>
  );
}
