// Choosing the registered resolution a new plan is for: a search box (with or without diacritics,
// answered by the registry's search) and the matches as a list of choices.
import { useState } from 'react';
import { Loader, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/feedback';
import { SearchInput } from '../../components/SearchInput';
import { SEARCH_PAUSE_MS } from '../../components/useAddressSearch';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { resolutionSearchQuery } from '../resolutions/queries';

const t = vi.plans;

interface Props {
  value: string | null;
  onChange: (id: string) => void;
  error?: string;
}

export function ResolutionPicker({ value, onChange, error }: Props) {
  const [q, setQ] = useState('');
  const [settled] = useDebouncedValue(q.trim(), SEARCH_PAUSE_MS);
  const found = useQuery({ ...resolutionSearchQuery(settled, ''), placeholderData: keepPreviousData });

  return (
    <Stack gap="xs">
      <SearchInput
        label={t.resolutionSearch}
        description={t.resolutionHint}
        placeholder={t.resolutionSearchPlaceholder}
        rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={560}
      />
      {found.isError && <ErrorAlert error={found.error} />}
      {found.data && found.data.length === 0 && <Text>{t.noResolutionFound}</Text>}
      {found.data && found.data.length > 0 && (
        <Radio.Group label={t.resolution} value={value} onChange={onChange} error={error} withAsterisk>
          <ScrollArea.Autosize mah={320} type="auto" mt={6} offsetScrollbars>
            <Stack gap={8} py={4}>
              {found.data.map((r) => (
                <Radio
                  key={r.id}
                  value={r.id}
                  label={<Text span fw={600}>{`${r.number} (${formatDate(r.issuedOn)})`}</Text>}
                  description={`${r.issuer} — ${r.subject}`}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
      )}
    </Stack>
  );
}
