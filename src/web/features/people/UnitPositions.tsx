// A unit's positions (chức vụ): who holds which, past and present; the office gives a position
// (person picker, kind, from) and ends one (date).
import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateField } from '../../components/DateField';
import { QueryStatus } from '../../components/feedback';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { Section } from '../../components/Section';
import { readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { PersonPicker } from './PersonPicker';
import { PositionList } from './PositionList';
import { createPerson, createPosition, endPosition, positionKindsQuery, unitPositionsQuery, type Position } from './queries';

const t = vi.positions;

export function UnitPositions({ unit }: { unit: { id: string; kind: string } }) {
  const positions = useQuery(unitPositionsQuery(unit.id));
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Position | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const edit = positions.data?.abilities.edit ?? false;
  return (
    <Section
      id="unit-positions"
      title={t.title}
      actions={
        edit && !adding ? (
          <Button
            onClick={() => {
              setDone(null);
              setAdding(true);
            }}
          >
            {t.add}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <QueryStatus query={positions} />
        <FormMessages failure={null} done={done} />
        {adding && (
          <AddPosition
            unit={unit}
            onDone={(saved) => {
              setAdding(false);
              if (saved) setDone(t.saved);
            }}
          />
        )}
        {positions.data && positions.data.positions.length === 0 && <Text>{t.none}</Text>}
        {positions.data && positions.data.positions.length > 0 && (
          <PositionList positions={positions.data.positions} show="person" onEnd={edit ? setEnding : undefined} />
        )}
      </Stack>
      {ending && (
        <EndPosition
          position={ending}
          onDone={(saved) => {
            setEnding(null);
            if (saved) setDone(t.ended);
          }}
        />
      )}
    </Section>
  );
}

function AddPosition({ unit, onDone }: { unit: { id: string; kind: string }; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const kinds = useQuery(positionKindsQuery);
  const [personId, setPersonId] = useState<string | null>(null);
  // A new ward has nobody on its lists yet: the holder may be added here (a person, not a member).
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [newName, setNewName] = useState('');
  const [newPhone, setNewPhone] = useState('');
  // The person added by an earlier try whose position the server refused: not added twice.
  const [added, setAdded] = useState<{ id: string; fullName: string } | null>(null);
  const [kindCode, setKindCode] = useState<string | null>(null);
  const [fromOn, setFromOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const options = (kinds.data?.kinds ?? []).filter((k) => k.unitKinds.length === 0 || k.unitKinds.includes(unit.kind)).map((k) => ({ value: k.code, label: k.name }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const from = readDate(fromOn);
    const next: Record<string, string> = {};
    if (who === 'existing' && !personId) next.person = t.pickPerson;
    if (who === 'new' && !newName.trim()) next.newName = t.typeName;
    if (!kindCode) next.kind = t.pickKind;
    if (!from.ok) next.fromOn = from.message;
    else if (!from.iso) next.fromOn = vi.membershipActions.required;
    setErrors(next);
    if (Object.keys(next).length || !from.ok || !from.iso) return;
    setSaving(true);
    setFailure(null);
    try {
      let holder = personId!;
      if (who === 'new') {
        const person = added && added.fullName === newName.trim() ? added : await createPerson({ fullName: newName.trim(), phone: newPhone.trim() || null });
        setAdded({ id: person.id, fullName: newName.trim() });
        holder = person.id;
      }
      await createPosition({ personId: holder, kindCode: kindCode!, unitId: unit.id, fromOn: from.iso });
      await queryClient.invalidateQueries({ queryKey: ['units', unit.id, 'positions'] });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={t.addTitle} noValidate>
      <Stack gap="sm" maw={520}>
        <Radio.Group label={t.who} value={who} onChange={(v) => setWho(v as typeof who)}>
          <Stack gap="xs" mt="xs">
            <Radio value="existing" label={t.existing} />
            <Radio value="new" label={t.newPerson} />
          </Stack>
        </Radio.Group>
        {who === 'existing' ? (
          <PersonPicker value={personId} onChange={setPersonId} error={errors.person} />
        ) : (
          <>
            <TextInput label={t.newName} description={t.newNameHint} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} error={errors.newName} autoComplete="off" />
            <TextInput label={t.newPhone} type="tel" value={newPhone} onChange={(e) => setNewPhone(e.currentTarget.value)} autoComplete="off" />
          </>
        )}
        <NativeSelect label={t.kind} data={[{ value: '', label: '' }, ...options]} value={kindCode ?? ''} onChange={(e) => setKindCode(e.currentTarget.value || null)} error={errors.kind} />
        <DateField label={t.fromOn} value={fromOn} onValue={setFromOn} error={errors.fromOn} />
        <FormMessages failure={failure} />
        <FormButtons saving={saving} onCancel={() => onDone(false)} />
      </Stack>
    </form>
  );
}

function EndPosition({ position, onDone }: { position: Position; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const [toOn, setToOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const to = readDate(toOn);
    if (!to.ok || !to.iso) return setError(to.ok ? vi.membershipActions.required : to.message);
    setSaving(true);
    try {
      await endPosition(position.id, position.version, to.iso);
      await queryClient.invalidateQueries({ queryKey: ['units', position.unitId, 'positions'] });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onDone(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onDone(false)} title={t.endTitle(position.personName, position.kindName)}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <DateField label={t.endOn} value={toOn} onValue={setToOn} error={error} data-autofocus />
          <FormMessages failure={failure} />
          <Group>
            <FormButtons saving={saving} submitLabel={t.end} onCancel={() => onDone(false)} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
