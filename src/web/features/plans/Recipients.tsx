// "Nơi nhận" of a plan: each line as written and the unit of the ward it reaches, if any. The
// collective line of the cells reaches every cell and grassroots organisation when issued.
// While the plan is a draft, ward staff may set the unit of each line by hand ("Sửa nơi nhận"),
// edit its wording, add and remove lines; the list is saved with the version it started from.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { matchRecipient } from '../../../domain/recipients';
import { ApiError } from '../../api';
import { ConflictNotice } from '../../components/ConflictNotice';
import { ErrorAlert, Success } from '../../components/feedback';
import { conflictOf, type Conflict } from '../../components/useEditForm';
import { vi } from '../../i18n/vi';
import { unitsQuery, type Unit } from '../units/queries';
import { isClosedOn } from '../../../domain/units';
import { todayInVietnam } from '../../../domain/dates';
import { planQuery, plansKey, updatePlan, type Plan } from './queries';

const t = vi.plans;

/** The units a line may reach, grouped in this order in the select. */
const RECIPIENT_KINDS = ['agency', 'massOrg', 'grassrootsOrg', 'cell'] as const;

const isGroupLine = (label: string) => matchRecipient(label, []) !== null;

export function Recipients({ plan }: { plan: Plan }) {
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  if (editing && plan.abilities.edit) {
    return (
      <RecipientsForm
        plan={plan}
        onClose={(message) => {
          setEditing(false);
          setDone(message);
          requestAnimationFrame(() => editButton.current?.focus());
        }}
      />
    );
  }

  return (
    <Stack gap="sm">
      {plan.recipients.length === 0 ? <Text>{t.recipientsEmpty}</Text> : <RecipientsTable plan={plan} />}
      {plan.abilities.edit && (
        <Group>
          <Button
            ref={editButton}
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing(true);
            }}
          >
            {t.recipientsEdit}
          </Button>
        </Group>
      )}
      <Success>{done}</Success>
    </Stack>
  );
}

function RecipientsTable({ plan }: { plan: Plan }) {
  return (
    <>
      <Text fz="sm" c="dimmed" mb="xs">
        {t.recipientsHint}
      </Text>
      <Table.ScrollContainer minWidth={340}>
        <Table withTableBorder verticalSpacing="xs" fz="md" aria-label={t.recipientsTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.recipientLabel}</Table.Th>
              <Table.Th scope="col">{t.recipientUnit}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.recipients.map((r) => {
              const group = !r.unitId && isGroupLine(r.label);
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>
                    {r.unitName ? (
                      <Text fw={600} c="green.9">
                        ✓ {r.unitName}
                      </Text>
                    ) : group ? (
                      <Text fw={600} c="blue.9">
                        ✓ {t.recipientCells}
                      </Text>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {t.recipientNoUnit}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

interface Row {
  key: string;
  unitId: string | null;
  label: string;
  /** The unit's name as the server gave it, for a unit the list of units does not (yet) hold. */
  unitName: string | null;
}

let nextKey = 0;
const newKey = () => `r${++nextKey}`;
const rowsOf = (plan: Plan): Row[] => plan.recipients.map((r) => ({ key: newKey(), unitId: r.unitId, label: r.label, unitName: r.unitName }));

type SelectData = ({ value: string; label: string } | { group: string; items: { value: string; label: string }[] })[];

function unitOptions(units: Unit[] | undefined, row: Row): SelectData {
  const data: SelectData = [{ value: '', label: t.recipientTextOnly }];
  // A closed unit receives nothing new: it is offered no more (decision 014).
  const today = todayInVietnam();
  const list = (units ?? []).filter((u) => !isClosedOn(u, today));
  for (const kind of RECIPIENT_KINDS) {
    const items = list.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name }));
    if (items.length) data.push({ group: vi.unitKinds[kind] ?? kind, items });
  }
  // The line's current unit, even when the list cannot offer it (not loaded, or not of these kinds).
  if (row.unitId && !list.some((u) => u.id === row.unitId && (RECIPIENT_KINDS as readonly string[]).includes(u.kind))) {
    data.push({ value: row.unitId, label: row.unitName ?? row.label });
  }
  return data;
}

function RecipientsForm({ plan, onClose }: { plan: Plan; onClose: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const [version, setVersion] = useState(plan.version);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(plan));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict<Plan> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const options = useMemo(() => new Map(rows.map((r) => [r.key, unitOptions(units.data, r)])), [rows, units.data]);

  const change = (key: string, patch: Partial<Row>) => {
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setFailure(null);
    if (patch.label !== undefined && patch.label.trim()) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const add = () => {
    const key = newKey();
    setRows((list) => [...list, { key, unitId: null, label: '', unitName: null }]);
    requestAnimationFrame(() => document.getElementById(`recipient-${key}-label`)?.focus());
  };

  const remove = (index: number) => {
    const removed = rows[index];
    setRows((list) => list.filter((_, i) => i !== index));
    if (removed) setErrors(({ [removed.key]: _gone, ...rest }) => rest);
    // The focus goes to the line that took its place, or to "add" when it was the last.
    const next = rows[index + 1] ?? rows[index - 1];
    requestAnimationFrame(() => (next ? document.getElementById(`recipient-${next.key}-label`) : formRef.current?.querySelector<HTMLElement>('[data-add]'))?.focus());
  };

  const keep = (saved: Plan) => {
    queryClient.setQueryData(planQuery(saved.id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: plansKey, exact: true });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    for (const r of rows) if (!r.label.trim()) found[r.key] = t.recipientLabelRequired;
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const saved = await updatePlan(plan.id, { version, recipients: rows.map((r) => ({ unitId: r.unitId, label: r.label.trim() })) });
      keep(saved);
      onClose(t.recipientsSaved);
    } catch (error) {
      const found409 = conflictOf<Plan>(error);
      if (found409) setConflict(found409);
      else {
        setFailure(error);
        if (error instanceof ApiError && (error.status === 403 || error.status === 409)) {
          void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
        }
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = () => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    keep(theirs);
    setVersion(theirs.version);
    setRows(rowsOf(theirs));
    setErrors({});
    setFailure(null);
    setConflict(null);
  };

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} aria-label={t.recipientsFormLabel} noValidate>
      <Stack gap="md">
        <Text fz="sm">{t.recipientsEditHint}</Text>

        {conflict && (
          <ConflictNotice
            title={t.conflictTitle}
            message={conflict.message}
            reloadLabel={t.recipientsConflictReload}
            reloadHint={t.recipientsConflictHint}
            onReload={reload}
            onCancel={() => {
              keep(conflict.theirs);
              onClose(null);
            }}
          />
        )}

        {units.isPending && (
          <Text fz="sm" c="dimmed" role="status">
            {t.recipientsUnitsLoading}
          </Text>
        )}
        {units.isError && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}

        {rows.length === 0 && <Text>{t.recipientsEmpty}</Text>}
        <Stack gap="sm">
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <Paper key={row.key} withBorder p="sm" radius="sm">
                <Stack gap="xs">
                  <TextInput
                    id={`recipient-${row.key}-label`}
                    label={t.recipientLineLabel(n)}
                    value={row.label}
                    maxLength={300}
                    error={errors[row.key]}
                    onChange={(e) => change(row.key, { label: e.currentTarget.value })}
                  />
                  <NativeSelect
                    id={`recipient-${row.key}-unit`}
                    label={t.recipientLineUnit(n)}
                    data={options.get(row.key) ?? []}
                    value={row.unitId ?? ''}
                    description={!row.unitId && isGroupLine(row.label) ? t.recipientCellsNote : undefined}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      change(row.key, { unitId: value || null, unitName: units.data?.find((u) => u.id === value)?.name ?? null });
                    }}
                  />
                  <Group justify="flex-end">
                    <Button variant="subtle" color="red" c="red.9" size="compact-sm" aria-label={t.recipientLineRemove(n)} onClick={() => remove(index)}>
                      {t.recipientRemove}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </Stack>

        <Group>
          <Button variant="default" onClick={add} data-add>
            {t.recipientAdd}
          </Button>
        </Group>

        <Text fz="sm" c="dimmed">
          {t.recipientsRereadHint}
        </Text>

        {failure !== null && <ErrorAlert error={failure} />}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            {t.recipientLabelRequired}
          </Alert>
        )}

        <Group>
          <Button type="submit" loading={saving} disabled={conflict !== null}>
            {t.recipientsSave}
          </Button>
          <Button variant="default" onClick={() => onClose(null)} disabled={saving}>
            {vi.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
