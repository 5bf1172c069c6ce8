// The commune a province account works in (GET /api/province/communes): the header's select
// "Xã/phường", and the same choice offered in place of a page that needs one. Accounts of a commune
// never see it. Changing it forgets every answer of the other commune, so nothing of it stays shown.
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { vi } from '../../i18n/vi';
import { MeContext, type Me } from '../auth/session';
import { communesQuery, pickCommune, setChosenCommune, shortCommuneName, useChosenCommune } from './commune';
import { Notice } from '../../components/feedback';

function useCommuneChoice(enabled: boolean) {
  const queryClient = useQueryClient();
  const chosen = useChosenCommune();
  const communes = useQuery({ ...communesQuery, enabled });
  const current = communes.data ? pickCommune(communes.data, chosen) : null;
  const choose = (id: string) => {
    setChosenCommune(id);
    // The pages' answers belong to the commune they were asked for: reset them (not the account, nor the list).
    void queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'me' && !(q.queryKey[0] === 'province' && q.queryKey[1] === 'communes') });
  };
  return { communes: communes.data ?? [], current, choose };
}

/** The header's select: shown to a province account over two communes or more. */
export function CommunePicker({ me }: { me: Me }) {
  const { communes, current, choose } = useCommuneChoice(me.user.communeId === null);
  if (me.user.communeId !== null || communes.length < 2) return null;
  return (
    <NativeSelect
      aria-label={vi.communePicker.label}
      size="xs"
      w={{ base: 150, sm: 240 }}
      value={current?.id ?? ''}
      onChange={(e) => choose(e.currentTarget.value)}
      data={communes.map((c) => ({ value: c.id, label: shortCommuneName(c.name) }))}
    />
  );
}

/** In place of a page the server answered "commune.required": ask for the commune, never show the error. */
export function CommuneRequired() {
  const me = useContext(MeContext);
  const { communes, current, choose } = useCommuneChoice(me?.user.communeId === null);
  return (
    <Notice title={vi.communePicker.requiredTitle} color="blue">
      <Stack gap="sm" align="flex-start">
        <Text>{communes.length ? vi.communePicker.requiredMessage : vi.communePicker.none}</Text>
        {communes.length > 0 && (
          <NativeSelect
            label={vi.communePicker.short}
            size="md"
            maw={360}
            value={current?.id ?? ''}
            onChange={(e) => choose(e.currentTarget.value)}
            data={[{ value: '', label: vi.communePicker.all, disabled: true }, ...communes.map((c) => ({ value: c.id, label: c.name }))]}
          />
        )}
      </Stack>
    </Notice>
  );
}
