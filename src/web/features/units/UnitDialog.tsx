// The dialogs of the organisation's editor: add a child unit, rename, move (a unit picker of the
// places that may hold it: open, same commune, not below itself), close on a date, delete, import.
import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { childKinds, isClosedOn, mayContain, type UnitKind } from '../../../domain/units';
import { todayInVietnam } from '../../../domain/dates';
import { ErrorAlert } from '../../components/feedback';
import { DateField } from '../../components/DateField';
import { dateInput, readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { kindLabel } from './labels';
import { unitActions, type Unit } from './queries';
import { ImportTree } from './ImportTree';

const t = vi.unitEditor;
export type DialogKind = 'add' | 'rename' | 'move' | 'close' | 'delete' | 'import';

interface Props {
  kind: DialogKind;
  unit: Unit;
  units: Unit[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function UnitDialog({ kind, unit, units, onClose, onDone }: Props) {
  const title = {
    add: t.addTitle(unit.name),
    rename: t.renameTitle(unit.name),
    move: t.moveTitle(unit.name),
    close: t.closeTitle(unit.name),
    delete: t.deleteTitle(unit.name),
    import: t.import.title(unit.name),
  }[kind];
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t.dialogClose }} size={kind === 'import' ? 'xl' : 'md'} fullScreen={false}>
      {kind === 'import' ? (
        <ImportTree unit={unit} onDone={onDone} />
      ) : (
        <ActionForm kind={kind} unit={unit} units={units} onClose={onClose} onDone={onDone} />
      )}
    </Modal>
  );
}

function ActionForm({ kind, unit, units, onClose, onDone }: Props) {
  const today = todayInVietnam();
  const kinds = childKinds[unit.kind];
  const [name, setName] = useState(kind === 'rename' ? unit.name : '');
  const [childKind, setChildKind] = useState<UnitKind | null>(kinds.length === 1 ? kinds[0]! : null);
  const [date, setDate] = useState(dateInput(today));
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Places the unit may move to: open, same commune, not itself or below it, a kind that holds it.
  const targets = useMemo(
    () =>
      units
        .filter((u) => u.tenantId === unit.tenantId && u.id !== unit.parentId && !u.path.startsWith(unit.path) && !isClosedOn(u, today) && mayContain(u.kind, unit.kind))
        .map((u) => ({ value: u.id, label: u.name })),
    [units, unit, today],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    const day = readDate(date);
    if ((kind === 'add' || kind === 'close') && (!day.ok || !day.iso)) return setFieldError(day.ok ? vi.common.dateInvalid : day.message);
    setBusy(true);
    try {
      if (kind === 'add') {
        const created = await unitActions.create({ parentId: unit.id, kind: childKind!, name, openedOn: (day as { iso: string }).iso });
        onDone(t.done.add(created.name));
      } else if (kind === 'rename') {
        const renamed = await unitActions.rename(unit, name);
        onDone(t.done.rename(renamed.name));
      } else if (kind === 'move') {
        await unitActions.move(unit, target!);
        onDone(t.done.move(unit.name));
      } else if (kind === 'close') {
        await unitActions.close(unit, (day as { iso: string }).iso);
        onDone(t.done.close(unit.name));
      } else {
        await unitActions.remove(unit);
        onDone(t.done.delete(unit.name));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submitLabel = { add: t.addSubmit, rename: t.renameSubmit, move: t.moveSubmit, close: t.closeSubmit, delete: t.deleteSubmit, import: '' }[kind];
  const ready = { add: name.trim() !== '' && childKind !== null, rename: name.trim() !== '', move: target !== null, close: date.trim() !== '', delete: true, import: false }[kind];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {kind === 'add' && (
          <Select
            label={t.kind}
            data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            value={childKind}
            onChange={(v) => setChildKind(v as UnitKind | null)}
            allowDeselect={false}
            required
          />
        )}
        {(kind === 'add' || kind === 'rename') && <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus maxLength={200} />}
        {kind === 'add' && <DateField label={t.openedOnLabel} value={date} onValue={setDate} error={fieldError} required />}
        {kind === 'move' && (
          <>
            <Text>{t.moveIntro}</Text>
            {targets.length === 0 ? (
              <Text>{t.moveNone}</Text>
            ) : (
              <Select label={t.moveTarget} data={targets} value={target} onChange={setTarget} searchable required comboboxProps={{ withinPortal: true }} nothingFoundMessage={vi.organisation.noMatch} />
            )}
          </>
        )}
        {kind === 'close' && (
          <>
            <Text>{t.closeIntro}</Text>
            <DateField label={t.closedOnLabel} value={date} onValue={setDate} error={fieldError} required />
          </>
        )}
        {kind === 'delete' && <Text>{t.deleteIntro}</Text>}
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button type="submit" loading={busy} disabled={!ready}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
