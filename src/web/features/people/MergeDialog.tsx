// Merging units (sáp nhập) from a unit's page: choose the units to merge into this one (or into a
// new unit under the same parent), and the date; the server moves every member on that date and
// closes the merged units.
import { useState } from 'react';
import { Button, Modal, MultiSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { unitsQuery } from '../units/queries';
import { mergeUnits } from './queries';

const t = vi.merge;

interface UnitLike {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  version?: number;
}

export function MergeButton({ unit }: { unit: UnitLike }) {
  const units = useQuery(unitsQuery);
  const versionOf = (id: string) => units.data?.find((u) => u.id === id)?.version ?? 1;
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t.open}
      </Button>
      {done && <Text role="status">{done}</Text>}
      {open && (
        <MergeDialog
          unit={unit}
          versionOf={versionOf}
          onClose={(message) => {
            setOpen(false);
            if (message) setDone(message);
          }}
        />
      )}
    </>
  );
}

function MergeDialog({ unit, versionOf, onClose }: { unit: UnitLike; versionOf: (id: string) => number; onClose: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const [sources, setSources] = useState<string[]>([]);
  const [into, setInto] = useState<'this' | 'new'>('this');
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const candidates = (units.data ?? []).filter((u) => u.kind === unit.kind && u.id !== unit.id && u.tenantId !== null && !u.closedOn).map((u) => ({ value: u.id, label: u.name }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const on = readDate(date);
    if (sources.length === 0) return setError(t.pickSources);
    if (!on.ok || !on.iso) return setError(on.ok ? vi.membershipActions.required : on.message);
    setError(null);
    setSaving(true);
    try {
      const ids = into === 'this' ? sources : [unit.id, ...sources];
      const versions = Object.fromEntries([...ids, unit.id].map((id) => [id, versionOf(id)]));
      const result = await mergeUnits(
        into === 'this' ? { sourceIds: ids, targetId: unit.id, on: on.iso, versions } : { sourceIds: ids, newUnit: { name, parentId: unit.parentId!, kind: unit.kind }, on: on.iso, versions },
      );
      await Promise.all(['units', 'members', 'cells'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      onClose(t.done(result.membersTransferred));
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onClose(null)} title={t.title} size="lg">
      <form onSubmit={submit} noValidate aria-label={t.title}>
        <Stack gap="sm">
          <Text fz="sm">{t.intro}</Text>
          <MultiSelect label={t.sources} data={candidates} value={sources} onChange={setSources} searchable comboboxProps={{ withinPortal: true }} />
          <div>
            <Text fz="sm" fw={500} id="merge-target-label">
              {t.target}
            </Text>
            <SegmentedControl
              aria-labelledby="merge-target-label"
              value={into}
              onChange={(v) => setInto(v as 'this' | 'new')}
              data={[
                { value: 'this', label: `${t.targetThis} (${unit.name})` },
                { value: 'new', label: t.targetNew },
              ]}
            />
          </div>
          {into === 'new' && <TextInput label={t.newName} value={name} onChange={(e) => setName(e.currentTarget.value)} />}
          <DateField label={t.on} value={date} onValue={setDate} error={error} />
          <FormMessages failure={failure} />
          <FormButtons saving={saving} submitLabel={t.submit} onCancel={() => onClose(null)} />
        </Stack>
      </form>
    </Modal>
  );
}
