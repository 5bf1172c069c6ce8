// Settings → Chức vụ: the commune's list of position kinds; an administrator adds one.
import { useState } from 'react';
import { Button, Group, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryStatus } from '../../components/feedback';
import { FormMessages } from '../../components/FormParts';
import { Section } from '../../components/Section';
import { vi } from '../../i18n/vi';
import { createPositionKind, positionKindsQuery } from '../people/queries';
import { kindLabel } from '../units/labels';

const t = vi.kinds;
const unitKindOptions = ['commune', 'grassrootsOrg', 'cell', 'agency', 'massOrg', 'residentialGroup'].map((k) => ({ value: k, label: kindLabel(k) }));

export function PositionKindsSection() {
  const kinds = useQuery(positionKindsQuery);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [unitKinds, setUnitKinds] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!kinds.data) return <QueryStatus query={kinds} />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    setSaving(true);
    try {
      const kind = await createPositionKind({ name: name.trim(), unitKinds });
      await queryClient.invalidateQueries({ queryKey: positionKindsQuery.queryKey });
      setDone(t.added(kind.name));
      setName('');
      setUnitKinds([]);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section id="settings-position-kinds" title={t.title}>
      <Stack gap="sm">
        <Text c="dimmed">{t.intro}</Text>
        <Table.ScrollContainer minWidth={300}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th>{t.unitKindColumn}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kinds.data.kinds.map((k) => (
                <Table.Tr key={k.code}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>{k.unitKinds.length ? k.unitKinds.map(kindLabel).join(', ') : t.anyUnit}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {kinds.data.abilities.edit && (
          <form onSubmit={submit} aria-label={t.add} noValidate>
            <Stack gap="sm" maw={520}>
              <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
              <MultiSelect label={t.unitKinds} data={unitKindOptions} value={unitKinds} onChange={setUnitKinds} comboboxProps={{ withinPortal: true }} />
              <FormMessages failure={failure} done={done} />
              <Group>
                <Button type="submit" loading={saving}>
                  {t.add}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
