// Registering or editing a guiding document. Everything is checked here first (number, impossible
// dates, lengths); the server checks again and its Vietnamese errors land on their fields. An edit
// sends only what changed with the version it started from; when someone else saved in between
// (409), both versions are shown and the newest can be loaded.
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import { checkNumber, fieldErrorsOf, formatDate, kindLabel, kinds, normaliseNumber, readDate } from './format';
import type { Resolution, ResolutionInput, ResolutionKind } from './queries';

const t = vi.resolutions;
const f = t.fields;

interface FormValues {
  kind: ResolutionKind;
  number: string;
  issuedOn: string;
  issuer: string;
  subject: string;
  content: string;
}
type Field = keyof FormValues;
const fieldOrder: Field[] = ['kind', 'number', 'issuedOn', 'issuer', 'subject', 'content'];

const LIMITS = { issuer: 200, subject: 1000, content: 200_000 } as const;

const empty: FormValues = { kind: 'nghi-quyet', number: '', issuedOn: '', issuer: '', subject: '', content: '' };

export const toForm = (r: Resolution): FormValues => ({
  kind: r.kind,
  number: r.number,
  issuedOn: r.issuedOn ? formatDate(r.issuedOn) : '',
  issuer: r.issuer,
  subject: r.subject,
  content: r.content,
});

/** Checks the form; returns the document as the server takes it, or the errors per field. */
function read(values: FormValues): { input: ResolutionInput; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const numberError = checkNumber(values.number);
  if (numberError) errors.number = numberError;
  const date = readDate(values.issuedOn);
  if (!date.ok) errors.issuedOn = date.message;
  const issuer = values.issuer.trim().replace(/\s+/gu, ' ');
  if (issuer.length < 2) errors.issuer = t.form.issuerRequired;
  else if (issuer.length > LIMITS.issuer) errors.issuer = t.form.tooLong(LIMITS.issuer);
  const subject = values.subject.trim().replace(/\s+/gu, ' ');
  if (subject.length < 3) errors.subject = t.form.subjectRequired;
  else if (subject.length > LIMITS.subject) errors.subject = t.form.tooLong(LIMITS.subject);
  const content = values.content.replace(/\r\n?/gu, '\n').trim();
  if (content.length > LIMITS.content) errors.content = t.form.tooLong(LIMITS.content);
  return {
    input: { kind: values.kind, number: normaliseNumber(values.number), issuedOn: date.ok ? date.iso : null, issuer, subject, content },
    errors,
  };
}

/** What changed against the saved document. */
function changes(input: ResolutionInput, base: Resolution): Partial<ResolutionInput> {
  const patch: Partial<ResolutionInput> = {};
  for (const key of fieldOrder) {
    if (input[key] !== base[key]) (patch as Record<string, unknown>)[key] = input[key];
  }
  return patch;
}

function show(field: Field, value: unknown): string {
  if (field === 'kind') return kindLabel(String(value));
  if (field === 'issuedOn') return formatDate(value as string | null);
  if (field === 'content') {
    const text = String(value ?? '');
    return text.length > 160 ? `${text.slice(0, 160)}… ${t.contentChanged(text.length)}` : text || vi.common.none;
  }
  return String(value ?? '') || vi.common.none;
}

interface Props {
  /** The document being edited; none when registering a new one. */
  original?: Resolution;
  /** Sends the document; for an edit, with the version it started from. */
  onSubmit: (input: ResolutionInput | (Partial<ResolutionInput> & { version: number })) => Promise<Resolution>;
  onDone: (saved: Resolution | null) => void;
  /** Shown on the submit button. */
  submitLabel: string;
  label: string;
}

export function ResolutionForm({ original, onSubmit, onDone, submitLabel, label }: Props) {
  const [base, setBase] = useState<Resolution | undefined>(original);
  const [values, setValues] = useState<FormValues>(() => (original ? toForm(original) : empty));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Resolution; ours: Partial<ResolutionInput>; message: string } | null>(null);

  const set = <K extends Field>(field: K, value: FormValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const { input, errors: found } = read(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(event.currentTarget as HTMLFormElement);
      return;
    }
    const patch = base ? changes(input, base) : input;
    if (base && Object.keys(patch).length === 0) {
      setNotice(t.noChanges);
      return;
    }
    setSaving(true);
    try {
      // The content always goes with an edit: the server's update schema defaults a missing
      // content to '' (resolutions/schema.ts), which would erase it.
      const saved = await onSubmit(base ? { ...patch, content: input.content, version: base.version } : input);
      onDone(saved);
    } catch (error) {
      const current = error instanceof ApiError ? (error.details as { current?: Resolution } | undefined)?.current : undefined;
      if (error instanceof ApiError && error.status === 409 && current && base) {
        setConflict({ theirs: current, ours: patch, message: error.message });
      } else if (error instanceof ApiError && error.id === 'resolution.number-taken') {
        setErrors({ number: error.message });
      } else if (error instanceof ApiError && error.status === 400 && error.id === 'validation') {
        const byField = fieldErrorsOf(error.details);
        const known = Object.fromEntries(Object.entries(byField).filter(([k]) => (fieldOrder as string[]).includes(k)));
        if (Object.keys(known).length > 0) setErrors(known);
        setFailure(error);
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const reloadNewest = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setValues(toForm(conflict.theirs));
    setErrors({});
    setConflict(null);
  };

  if (conflict && base) {
    const changedByThem = fieldOrder.filter((k) => JSON.stringify(base[k]) !== JSON.stringify(conflict.theirs[k]));
    const compare = fieldOrder.filter((k) => changedByThem.includes(k) || k in conflict.ours);
    return (
      <Alert color="orange" title={t.conflictTitle} role="alert">
        <Stack gap="sm">
          <Text>{conflict.message}</Text>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder fz="md" aria-label={t.conflictCompare}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="22%">
                    {t.conflictField}
                  </Table.Th>
                  <Table.Th scope="col" w="39%">
                    {t.conflictTheirs}
                  </Table.Th>
                  <Table.Th scope="col" w="39%">
                    {t.conflictYours}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {compare.map((field) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row">{f[field]}</Table.Th>
                    <Table.Td>{show(field, conflict.theirs[field])}</Table.Td>
                    <Table.Td>{show(field, field in conflict.ours ? conflict.ours[field] : base[field])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fz="sm">{t.conflictReloadHint}</Text>
          <Group>
            <Button onClick={reloadNewest}>{t.conflictReload}</Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {vi.common.cancel}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="md">
        {failure !== null && <ErrorAlert error={failure} />}
        {notice && (
          <Alert color="blue" role="status">
            {notice}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={f.kind}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as ResolutionKind)}
            data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            error={errors.kind}
          />
          <TextInput
            label={f.number}
            description={t.form.numberHint}
            placeholder={t.form.numberPlaceholder}
            required
            value={values.number}
            onChange={(e) => set('number', e.currentTarget.value)}
            onBlur={(e) => {
              const value = e.currentTarget.value;
              if (value.trim()) set('number', normaliseNumber(value));
            }}
            error={errors.number}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            label={f.issuedOn}
            description={t.form.dateHint}
            placeholder={t.form.datePlaceholder}
            value={values.issuedOn}
            onChange={(e) => set('issuedOn', e.currentTarget.value)}
            error={errors.issuedOn}
            autoComplete="off"
            inputMode="numeric"
          />
        </SimpleGrid>
        <TextInput
          label={f.issuer}
          placeholder={t.form.issuerPlaceholder}
          required
          value={values.issuer}
          onChange={(e) => set('issuer', e.currentTarget.value)}
          error={errors.issuer}
          autoComplete="off"
        />
        <Textarea
          size="md"
          label={f.subject}
          description={t.form.subjectHint}
          required
          autosize
          minRows={2}
          maxRows={6}
          value={values.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={errors.subject}
        />
        <Textarea
          size="md"
          label={f.content}
          description={t.form.contentHint}
          autosize
          minRows={5}
          maxRows={18}
          value={values.content}
          onChange={(e) => set('content', e.currentTarget.value)}
          error={errors.content}
        />
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={() => onDone(null)} disabled={saving}>
            {vi.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Moves focus to the first field with an error, after React has shown the messages. */
function focusFirstError(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
