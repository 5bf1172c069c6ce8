// /nguoi — the commune's people, found by name (with or without diacritics), filtered to members or
// to the others; each opens on their own page. The office adds someone who is not a member here.
// The page, loaded when first opened; the address and its checks are in ./people.tsx.
import { useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus, Success } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { useAddressSearch } from '../components/useAddressSearch';
import { PersonFormDialog } from '../features/people/PersonForm';
import { peopleListQuery } from '../features/people/queries';
import { vi } from '../i18n/vi';
import { peopleRoute, type PeopleFilter } from './people';

const t = vi.peopleList;
const LIMIT = 200;

export default requireAbility('viewPeople', PeoplePage);

function PeoplePage() {
  const { q = '', loai = 'all' } = peopleRoute.useSearch();
  const navigate = useNavigate({ from: '/nguoi' });
  const { text, setText, settled } = useAddressSearch(q, (value) => void navigate({ search: (s) => ({ ...s, q: value || undefined }), replace: true }));
  const list = useQuery(peopleListQuery(settled, loai));
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const people = list.data?.people ?? [];
  return (
    <>
      <PageHeader title={t.title} below={<Text c="dimmed">{t.intro}</Text>} />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <SearchInput label={t.search} placeholder={t.searchPlaceholder} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} maw={420} />
          {list.data?.abilities.edit && (
            <Button onClick={() => setAdding(true)} size="md">
              {t.add}
            </Button>
          )}
        </Group>
        <Stack gap={4}>
          <Text id="people-filter" fz="sm" fw={500}>
            {t.filter}
          </Text>
          <SegmentedControl
            aria-labelledby="people-filter"
            value={loai}
            onChange={(value) => void navigate({ search: (s) => ({ ...s, loai: value === 'all' ? undefined : (value as PeopleFilter) }), replace: true })}
            data={[
              { value: 'all', label: t.all },
              { value: 'members', label: t.members },
              { value: 'nonMembers', label: t.nonMembers },
            ]}
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
        </Stack>
        <Success>{done}</Success>
        <QueryStatus query={list} />
        <div aria-live="polite">
          {list.data && <Text>{people.length === 0 ? t.none : people.length >= LIMIT ? t.more : t.count(people.length)}</Text>}
        </div>
        <Stack gap="xs" component="ul" aria-label={t.title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((person) => (
            <Card key={person.id} component="li" withBorder padding="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <AnchorLink to="/nguoi/$personId" params={{ personId: person.id }} fw={600}>
                  {person.fullName}
                </AnchorLink>
                {person.memberId ? <Badge color="red">{person.cellName}</Badge> : <Badge color="gray">{t.notMember}</Badge>}
              </Group>
              {(person.positions.length > 0 || person.note) && (
                <Text fz="sm" c="dimmed">
                  {[...person.positions, person.note].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      </Stack>
      {adding && (
        <PersonFormDialog
          onClose={(saved) => {
            setAdding(false);
            if (!saved) return;
            setDone(vi.personForm.created(saved.fullName));
            void navigate({ to: '/nguoi/$personId', params: { personId: saved.id } });
          }}
        />
      )}
    </>
  );
}
