// The commune's document settings: plan numbers per year or over the committee's term (from its
// start date), the spelling ỦY/UỶ, and the names printed in the header; a preview shows the header
// as it will print. Read-only for the leadership; the ward office edits, with conflict detection.
import { useState } from 'react';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatDayFirst } from '../../../domain/dates';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import { fieldErrorsOf, readDate } from '../resolutions/format';
import { documentSettingsQuery, saveDocumentSettings, type DocumentSettings, type DocumentSettingsUpdate } from './queries';
import classes from './settings.module.css';

const t = vi.settings;
const f = t.fields;

type Numbering = DocumentSettings['numbering'];
type Spelling = DocumentSettings['uySpelling'];

interface FormValues {
  numbering: Numbering;
  termStartedOn: string;
  uySpelling: Spelling;
  superiorName: string;
  issuerName: string;
  placeName: string;
}
type Field = keyof FormValues;
const nameFields = [
  ['superiorName', 3, 200],
  ['issuerName', 3, 200],
  ['placeName', 2, 100],
] as const;

const toForm = (s: Pick<DocumentSettings, Field>): FormValues => ({
  numbering: s.numbering,
  termStartedOn: s.termStartedOn ? formatDayFirst(s.termStartedOn) : '',
  uySpelling: s.uySpelling,
  superiorName: s.superiorName,
  issuerName: s.issuerName,
  placeName: s.placeName,
});

function read(values: FormValues): { update: Omit<DocumentSettingsUpdate, 'version'>; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const date = readDate(values.termStartedOn);
  if (!date.ok) errors.termStartedOn = date.message;
  else if (values.numbering === 'term' && !date.iso) errors.termStartedOn = t.termRequired;
  const names = {} as Record<(typeof nameFields)[number][0], string>;
  for (const [field, min, max] of nameFields) {
    const value = values[field].trim().replace(/\s+/gu, ' ');
    if (value.length < min) errors[field] = t.nameTooShort(min);
    else if (value.length > max) errors[field] = vi.resolutions.form.tooLong(max);
    names[field] = value;
  }
  return {
    update: { numbering: values.numbering, termStartedOn: date.ok ? date.iso : null, uySpelling: values.uySpelling, ...names },
    errors,
  };
}

const isSame = (update: Omit<DocumentSettingsUpdate, 'version'>, base: DocumentSettings) =>
  (Object.keys(update) as Field[]).every((k) => (update[k] ?? null) === (base[k] ?? null));

/** Capitals as printed, with the chosen spelling: "Đảng ủy phường Nông Tiến" → "ĐẢNG UỶ PHƯỜNG NÔNG TIẾN". */
export function printed(name: string, spelling: Spelling): string {
  const upper = name.normalize('NFC').toLocaleUpperCase('vi');
  const from = spelling === 'ỦY' ? 'UỶ' : 'ỦY';
  return upper.replace(new RegExp(`(?<![\\p{L}])${from}(?![\\p{L}])`, 'gu'), spelling);
}

export function DocumentSettingsView({ settings }: { settings: DocumentSettings }) {
  const rows: [string, string][] = [
    [f.numbering, t.numbering[settings.numbering] ?? settings.numbering],
    ...(settings.numbering === 'term' ? [[f.termStartedOn, settings.termStartedOn ? formatDayFirst(settings.termStartedOn) : vi.common.none] as [string, string]] : []),
    [f.uySpelling, settings.uySpelling],
    [f.superiorName, settings.superiorName],
    [f.issuerName, settings.issuerName],
    [f.placeName, settings.placeName],
  ];
  return (
    <Stack gap="md">
      <Alert color="blue">{t.readOnly}</Alert>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="lg" verticalSpacing="sm" m={0}>
          {rows.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text component="dt" fz="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={600} fz="lg">
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
      <HeaderPreview values={toForm(settings)} />
    </Stack>
  );
}

export function DocumentSettingsForm({ settings }: { settings: DocumentSettings }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(settings);
  const [values, setValues] = useState<FormValues>(() => toForm(settings));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [conflict, setConflict] = useState<{ current: DocumentSettings; message: string } | null>(null);

  const set = <K extends Field>(field: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setNotice(null);
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setFailure(null);
    setNotice(null);
    const { update, errors: found } = read(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (isSame(update, base)) {
      setNotice({ color: 'blue', text: t.noChanges });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveDocumentSettings({ ...update, version: base.version });
      queryClient.setQueryData(documentSettingsQuery.queryKey, saved);
      setBase(saved);
      setValues(toForm(saved));
      setNotice({ color: 'green', text: t.saved });
    } catch (error) {
      const current = error instanceof ApiError ? (error.details as { current?: DocumentSettings } | undefined)?.current : undefined;
      if (error instanceof ApiError && error.status === 409 && current) setConflict({ current: { ...base, ...current }, message: error.message });
      else if (error instanceof ApiError && error.id === 'settings.term-start-required') setErrors({ termStartedOn: error.message });
      else {
        if (error instanceof ApiError && error.id === 'validation') setErrors(fieldErrorsOf(error.details) as Partial<Record<Field, string>>);
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const reloadNewest = () => {
    if (!conflict) return;
    const newest = conflict.current;
    queryClient.setQueryData(documentSettingsQuery.queryKey, newest);
    setBase(newest);
    setValues(toForm(newest));
    setErrors({});
    setConflict(null);
  };

  if (conflict) {
    return (
      <Alert color="orange" title={t.conflictTitle} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text>{conflict.message}</Text>
          <Text fz="sm">{t.conflictReloadHint}</Text>
          <Button onClick={reloadNewest}>{t.conflictReload}</Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t.documents}>
      <Stack gap="lg">
        {failure !== null && <ErrorAlert error={failure} />}
        <Radio.Group size="md" label={f.numbering} value={values.numbering} onChange={(v) => set('numbering', v as Numbering)}>
          <Stack gap="xs" mt={6}>
            <Radio value="year" label={t.numbering.year} />
            <Radio value="term" label={t.numbering.term} />
          </Stack>
        </Radio.Group>
        {values.numbering === 'term' && (
          <TextInput
            label={f.termStartedOn}
            description={t.termHint}
            placeholder={vi.resolutions.form.datePlaceholder}
            required
            value={values.termStartedOn}
            onChange={(e) => set('termStartedOn', e.currentTarget.value)}
            error={errors.termStartedOn}
            autoComplete="off"
            inputMode="numeric"
            maw={320}
          />
        )}
        <Radio.Group size="md" label={f.uySpelling} value={values.uySpelling} onChange={(v) => set('uySpelling', v as Spelling)}>
          <Group gap="lg" mt={6}>
            <Radio value="ỦY" label={t.uy['ỦY']} />
            <Radio value="UỶ" label={t.uy['UỶ']} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={f.superiorName} description={t.superiorHint} value={values.superiorName} onChange={(e) => set('superiorName', e.currentTarget.value)} error={errors.superiorName} autoComplete="off" />
          <TextInput label={f.issuerName} description={t.issuerHint} value={values.issuerName} onChange={(e) => set('issuerName', e.currentTarget.value)} error={errors.issuerName} autoComplete="off" />
        </SimpleGrid>
        <TextInput label={f.placeName} description={t.placeHint} value={values.placeName} onChange={(e) => set('placeName', e.currentTarget.value)} error={errors.placeName} autoComplete="off" maw={420} />
        <HeaderPreview values={values} />
        {notice && (
          <Alert color={notice.color} role="status">
            {notice.text}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {vi.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The header of an official document as it will print (DOCUMENTS.md): two columns, serif. */
function HeaderPreview({ values }: { values: FormValues }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="md" id="settings-preview">
        {t.preview}
      </Title>
      <Paper withBorder p="md" radius="sm" className={classes.preview} aria-labelledby="settings-preview" role="group">
        <div className={classes.column}>
          <div>{printed(values.superiorName, values.uySpelling)}</div>
          <div className={classes.bold}>{printed(values.issuerName, values.uySpelling)}</div>
          <div>*</div>
          <div>{t.previewNumber}</div>
        </div>
        <div className={classes.column}>
          <div className={`${classes.bold} ${classes.underline}`}>{t.previewParty}</div>
          <div className={classes.italic}>{t.previewDate(values.placeName.trim())}</div>
        </div>
      </Paper>
    </Stack>
  );
}
