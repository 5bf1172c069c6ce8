// The commune's document settings: plan numbers per year or over the committee's term (from its
// start date), the spelling ỦY/UỶ, and the names printed in the header; a preview shows the header
// as it will print. Read-only for the leadership; the ward office edits, with conflict detection.
import { Alert, Group, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ConflictNotice } from '../../components/ConflictNotice';
import { DateField } from '../../components/DateField';
import { DetailList, type Detail } from '../../components/DetailList';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { conflictOf, useEditForm } from '../../components/useEditForm';
import { dateInput, fieldErrorsOf, formatDate, readDate } from '../../format';
import { vi } from '../../i18n/vi';
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
  termStartedOn: dateInput(s.termStartedOn),
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
    else if (value.length > max) errors[field] = vi.common.tooLong(max);
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
  const rows: Detail[] = [
    [f.numbering, t.numbering[settings.numbering] ?? settings.numbering],
    ...(settings.numbering === 'term' ? [[f.termStartedOn, formatDate(settings.termStartedOn)] as Detail] : []),
    [f.uySpelling, settings.uySpelling],
    [f.superiorName, settings.superiorName],
    [f.issuerName, settings.issuerName],
    [f.placeName, settings.placeName],
  ];
  return (
    <Stack gap="md">
      <Alert color="blue">{t.readOnly}</Alert>
      <Paper withBorder p="md" radius="md">
        <DetailList rows={rows} />
      </Paper>
      <HeaderPreview values={toForm(settings)} />
    </Stack>
  );
}

export function DocumentSettingsForm({ settings }: { settings: DocumentSettings }) {
  const queryClient = useQueryClient();
  const form = useEditForm(settings, toForm);
  const { base, values, errors, set } = form;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { update, errors: found } = read(values);
    if (!form.begin(event.currentTarget, found)) return;
    if (isSame(update, base)) return form.setNotice(t.noChanges);
    form.setSaving(true);
    try {
      const saved = await saveDocumentSettings({ ...update, version: base.version });
      queryClient.setQueryData(documentSettingsQuery.queryKey, saved);
      form.restart(saved);
      form.setDone(t.saved);
    } catch (error) {
      const conflict = conflictOf<DocumentSettings>(error);
      if (conflict) form.setConflict({ ...conflict, theirs: { ...base, ...conflict.theirs } });
      else if (error instanceof ApiError && error.id === 'settings.term-start-required') form.setErrors({ termStartedOn: error.message });
      else {
        if (error instanceof ApiError && error.id === 'validation') form.setErrors(fieldErrorsOf(error.details) as Partial<Record<Field, string>>);
        form.setFailure(error);
      }
    } finally {
      form.setSaving(false);
    }
  };

  if (form.conflict) {
    const newest = form.conflict.theirs;
    return (
      <ConflictNotice
        title={t.conflictTitle}
        message={form.conflict.message}
        reloadLabel={t.conflictReload}
        reloadHint={t.conflictReloadHint}
        onReload={() => {
          queryClient.setQueryData(documentSettingsQuery.queryKey, newest);
          form.restart(newest);
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t.documents}>
      <Stack gap="lg">
        <Radio.Group size="md" label={f.numbering} value={values.numbering} onChange={(v) => set('numbering', v as Numbering)}>
          <Stack gap="xs" mt={6}>
            <Radio value="year" label={t.numbering.year} />
            <Radio value="term" label={t.numbering.term} />
          </Stack>
        </Radio.Group>
        {values.numbering === 'term' && (
          <DateField
            label={f.termStartedOn}
            description={t.termHint}
            required
            value={values.termStartedOn}
            onValue={(v) => set('termStartedOn', v)}
            error={errors.termStartedOn}
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
        <FormMessages failure={form.failure} notice={form.notice} done={form.done} />
        <FormButtons saving={form.saving} />
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
