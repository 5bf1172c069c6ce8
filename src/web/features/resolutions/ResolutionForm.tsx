// Registering or editing a guiding document. Everything is checked here first (number, impossible
// dates, lengths); the server checks again and its Vietnamese errors land on their fields. An edit
// sends only what changed with the version it started from; when someone else saved in between
// (409), both versions are shown and the newest can be loaded.
import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { ApiError } from '../../api';
import { ConflictNotice, conflictRows } from '../../components/ConflictNotice';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { conflictOf, useEditForm } from '../../components/useEditForm';
import { dateInput, fieldErrorsOf, formatDate, readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { checkNumber, kindLabel, kinds, normaliseNumber } from './format';
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

/** The form for a document; an empty one to register a new document. */
const toForm = (r: Resolution | undefined): FormValues =>
  r ? { kind: r.kind, number: r.number, issuedOn: dateInput(r.issuedOn), issuer: r.issuer, subject: r.subject, content: r.content } : empty;

/** Checks the form; returns the document as the server takes it, or the errors per field. */
function read(values: FormValues): { input: ResolutionInput; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const numberError = checkNumber(values.number);
  if (numberError) errors.number = numberError;
  const date = readDate(values.issuedOn);
  if (!date.ok) errors.issuedOn = date.message;
  const issuer = values.issuer.trim().replace(/\s+/gu, ' ');
  if (issuer.length < 2) errors.issuer = t.form.issuerRequired;
  else if (issuer.length > LIMITS.issuer) errors.issuer = vi.common.tooLong(LIMITS.issuer);
  const subject = values.subject.trim().replace(/\s+/gu, ' ');
  if (subject.length < 3) errors.subject = t.form.subjectRequired;
  else if (subject.length > LIMITS.subject) errors.subject = vi.common.tooLong(LIMITS.subject);
  const content = values.content.replace(/\r\n?/gu, '\n').trim();
  if (content.length > LIMITS.content) errors.content = vi.common.tooLong(LIMITS.content);
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
  const form = useEditForm(original, toForm);
  const { base, values, errors, set } = form;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, errors: found } = read(values);
    if (!form.begin(event.currentTarget, found)) return;
    const patch = base ? changes(input, base) : input;
    if (base && Object.keys(patch).length === 0) return form.setNotice(vi.common.noChanges);
    form.setSaving(true);
    try {
      const saved = await onSubmit(base ? { ...patch, version: base.version } : input);
      onDone(saved);
    } catch (error) {
      const conflict = conflictOf<Resolution>(error);
      if (conflict && base) form.setConflict(conflict);
      else if (error instanceof ApiError && error.id === 'resolution.number-taken') form.setErrors({ number: error.message });
      else {
        // The server's reasons land on their fields where it names one.
        if (error instanceof ApiError && error.status === 400 && error.id === 'validation') {
          const byField = fieldErrorsOf(error.details);
          const known = Object.fromEntries(Object.entries(byField).filter(([k]) => (fieldOrder as string[]).includes(k)));
          if (Object.keys(known).length > 0) form.setErrors(known);
        }
        form.setFailure(error);
      }
    } finally {
      form.setSaving(false);
    }
  };

  const { conflict } = form;
  if (conflict?.theirs && base) {
    const { theirs, message } = conflict;
    return (
      <ConflictNotice
        title={t.conflictTitle}
        message={message}
        compareLabel={t.conflictCompare}
        rows={conflictRows({ order: fieldOrder, base, theirs, ours: changes(read(values).input, base), labels: f, show })}
        onReload={() => form.restart(theirs)}
        onCancel={() => onDone(null)}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="md">
        <FormMessages failure={form.failure} notice={form.notice} />
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
          <DateField label={f.issuedOn} description={t.form.dateHint} value={values.issuedOn} onValue={(v) => set('issuedOn', v)} error={errors.issuedOn} />
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
        <FormButtons saving={form.saving} submitLabel={submitLabel} onCancel={() => onDone(null)} />
      </Stack>
    </form>
  );
}
