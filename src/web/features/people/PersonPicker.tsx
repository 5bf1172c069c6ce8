// Choosing a person of the commune by typing part of their name (with or without diacritics).
import { useDeferredValue, useState } from 'react';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { vi } from '../../i18n/vi';
import { peopleSearchQuery } from './queries';

export function PersonPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string | null }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const found = useQuery({ ...peopleSearchQuery(q), enabled: q.length >= 2 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.cellName ? ` — ${p.cellName}` : p.note ? ` — ${p.note}` : ''}` }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={vi.positions.person}
      description={vi.positions.personHint}
      searchable
      clearable
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={q.length >= 2 && found.isSuccess ? vi.common.none : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
