// /nghi-quyet?q=&kind= — the registry of guiding documents: search as you type (with or without
// diacritics, after a short pause), a kind filter, and for the ward office "Đăng ký văn bản".
// The page, loaded when first opened; the address and its checks are in ./resolutions.tsx.
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { ButtonLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { useAddressSearch } from '../components/useAddressSearch';
import { useMe } from '../features/auth/session';
import { kindLabel, kinds } from '../features/resolutions/format';
import { resolutionSearchQuery, type ResolutionKind } from '../features/resolutions/queries';
import { ResolutionList } from '../features/resolutions/ResolutionList';
import { vi } from '../i18n/vi';
import { resolutionsRoute } from './resolutions';

const t = vi.resolutions;
const LIMIT = 50;

export default requireAbility('viewResolutions', ResolutionsPage);

function ResolutionsPage() {
  const me = useMe();
  const { q = '', kind = '' } = resolutionsRoute.useSearch();
  const navigate = useNavigate({ from: '/nghi-quyet' });
  const { text, setText, settled } = useAddressSearch(q, (value) => void navigate({ search: (prev) => ({ ...prev, q: value || undefined }), replace: true }));
  const results = useQuery({ ...resolutionSearchQuery(settled, kind, LIMIT), placeholderData: keepPreviousData });
  const filtered = settled !== '' || kind !== '';
  const data = results.data;
  return (
    <>
      <PageHeader
        title={t.title}
        below={<Text c="dimmed">{t.intro}</Text>}
        actions={me.abilities.manageResolutions ? <ButtonLink to="/nghi-quyet/dang-ky">{t.register}</ButtonLink> : undefined}
      />
      <Stack gap="md">
        <Group align="flex-start" gap="md" role="search">
          <SearchInput
            label={t.search.label}
            description={t.search.hint}
            placeholder={t.search.placeholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 20rem' }}
            maw={560}
          />
          <NativeSelect
            label={t.search.kind}
            value={kind}
            onChange={(e) => {
              const value = e.currentTarget.value as ResolutionKind | '';
              void navigate({ search: (prev) => ({ ...prev, kind: value || undefined }), replace: true });
            }}
            data={[{ value: '', label: t.search.allKinds }, ...kinds.map((k) => ({ value: k, label: kindLabel(k) }))]}
            style={{ flex: '0 1 14rem' }}
          />
        </Group>
        <div aria-live="polite">
          {results.isPending && <Loading label={t.search.searching} />}
          {data && (
            <Text fw={600}>
              {t.search.results(data.length, filtered)} {data.length >= LIMIT && t.search.capped(LIMIT)}
            </Text>
          )}
        </div>
        {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
        {data && data.length > 0 && (
          <div style={{ opacity: results.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={results.isPlaceholderData}>
            <ResolutionList resolutions={data} label={t.search.listLabel} />
          </div>
        )}
      </Stack>
    </>
  );
}
