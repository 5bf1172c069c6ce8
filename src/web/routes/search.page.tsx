// /tim-kiem?q= — search members across the ward by name (with or without diacritics) or card
// number; results update as you type, after a short pause.
// The page, loaded when first opened; the address and its checks are in ./search.tsx.
import { Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { useAddressSearch } from '../components/useAddressSearch';
import { MemberList } from '../features/members/MemberList';
import { memberSearchQuery } from '../features/members/queries';
import { vi } from '../i18n/vi';
import { searchRoute } from './search';

const LIMIT = 50;

export default requireAbility('searchMembers', SearchPage);

function SearchPage() {
  const { q = '' } = searchRoute.useSearch();
  const navigate = useNavigate({ from: '/tim-kiem' });
  const { text, setText, settled } = useAddressSearch(q, (value) => void navigate({ search: value ? { q: value } : {}, replace: true }));
  const enabled = settled.length >= 2;
  const results = useQuery({ ...memberSearchQuery(settled, LIMIT), enabled, placeholderData: keepPreviousData });
  const data = enabled ? results.data : undefined;
  return (
    <>
      <PageHeader title={vi.search.title} />
      <Stack gap="md">
        <SearchInput
          label={vi.search.label}
          description={vi.search.hint}
          placeholder={vi.search.placeholder}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
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
