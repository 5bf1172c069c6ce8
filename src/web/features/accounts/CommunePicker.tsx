// The header's commune picker for province accounts (GET /api/province/communes): the commune the
// pages that take `?communeId=` work in. Accounts of a commune do not see it.
import { NativeSelect } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { vi } from '../../i18n/vi';
import type { Me } from '../auth/session';
import { pickCommune, setChosenCommune, useChosenCommune } from './commune';

interface Commune {
  id: string;
  name: string;
}

export function CommunePicker({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const chosen = useChosenCommune();
  const communes = useQuery({
    queryKey: ['province', 'communes'],
    queryFn: () => api<{ communes: Commune[] }>('/api/province/communes').then((r) => r.communes),
    enabled: me.user.communeId === null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (me.user.communeId !== null || !communes.data || communes.data.length < 2) return null;
  const current = pickCommune(communes.data, chosen);
  return (
    <NativeSelect
      aria-label={vi.communePicker.label}
      size="xs"
      maw={220}
      value={current?.id ?? ''}
      onChange={(e) => {
        setChosenCommune(e.currentTarget.value);
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      }}
      data={communes.data.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
