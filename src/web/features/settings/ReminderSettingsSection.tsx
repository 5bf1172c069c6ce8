// Settings → Nhắc việc (GET/PUT /api/settings/reminders): the days before a deadline a unit is
// reminded, the rhythm while overdue, and after how many days overdue the unit above is told.
// Read-only for the leadership; the ward office, the Ban xây dựng Đảng and administrators edit.
import { Alert, Paper, Stack, TextInput } from '@mantine/core';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api';
import { ConflictNotice } from '../../components/ConflictNotice';
import { DetailList } from '../../components/DetailList';
import { QueryStatus } from '../../components/feedback';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { Section } from '../../components/Section';
import { conflictOf, useEditForm } from '../../components/useEditForm';
import { fieldErrorsOf } from '../../format';
import { vi } from '../../i18n/vi';

const t = vi.reminderSettings;

export interface ReminderSettings {
  beforeDays: number[];
  overdueEveryDays: number;
  escalationAfterDays: number;
  version: number;
  abilities: { edit: boolean };
}

export const reminderSettingsQuery = queryOptions({
  queryKey: ['settings', 'reminders'],
  queryFn: () => api<ReminderSettings>('/api/settings/reminders'),
  retry: false,
});

interface FormValues {
  beforeDays: string;
  overdueEveryDays: string;
  escalationAfterDays: string;
}
type Field = keyof FormValues;

const toForm = (s: ReminderSettings): FormValues => ({
  beforeDays: s.beforeDays.join(', '),
  overdueEveryDays: String(s.overdueEveryDays),
  escalationAfterDays: String(s.escalationAfterDays),
});

const wholeNumber = (text: string) => (/^\d{1,3}$/u.test(text.trim()) ? Number(text.trim()) : null);

function read(values: FormValues) {
  const errors: Partial<Record<Field, string>> = {};
  const parts = values.beforeDays.split(/[,;\s]+/u).filter((p) => p !== '');
  const beforeDays = parts.map(wholeNumber);
  if (beforeDays.some((n) => n === null || n < 1)) errors.beforeDays = t.badList;
  const overdueEveryDays = wholeNumber(values.overdueEveryDays);
  if (overdueEveryDays === null) errors.overdueEveryDays = t.badNumber;
  const escalationAfterDays = wholeNumber(values.escalationAfterDays);
  if (escalationAfterDays === null) errors.escalationAfterDays = t.badNumber;
  return { update: { beforeDays: beforeDays as number[], overdueEveryDays: overdueEveryDays ?? 0, escalationAfterDays: escalationAfterDays ?? 0 }, errors };
}

export function ReminderSettingsSection() {
  const query = useQuery(reminderSettingsQuery);
  return (
    <Section id="settings-reminders" title={t.title}>
      {!query.data ? <QueryStatus query={query} /> : query.data.abilities.edit ? <ReminderSettingsForm settings={query.data} /> : <ReminderSettingsView settings={query.data} />}
    </Section>
  );
}

function ReminderSettingsView({ settings }: { settings: ReminderSettings }) {
  return (
    <Stack gap="md">
      <Alert color="blue">{t.readOnly}</Alert>
      <Paper withBorder p="md" radius="md">
        <DetailList
          rows={[
            [t.beforeDays, settings.beforeDays.join(', ')],
            [t.overdueEveryDays, settings.overdueEveryDays === 0 ? t.none : t.days(settings.overdueEveryDays)],
            [t.escalationAfterDays, t.days(settings.escalationAfterDays)],
          ]}
        />
      </Paper>
    </Stack>
  );
}

function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const queryClient = useQueryClient();
  const form = useEditForm(settings, toForm);
  const { base, values, errors, set } = form;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { update, errors: found } = read(values);
    if (!form.begin(event.currentTarget, found)) return;
    const same =
      [...update.beforeDays].sort().join() === [...base.beforeDays].sort().join() && update.overdueEveryDays === base.overdueEveryDays && update.escalationAfterDays === base.escalationAfterDays;
    if (same) return form.setNotice(t.noChanges);
    form.setSaving(true);
    try {
      const saved = await api<ReminderSettings>('/api/settings/reminders', { method: 'PUT', body: { ...update, version: base.version } });
      queryClient.setQueryData(reminderSettingsQuery.queryKey, saved);
      form.restart(saved);
      form.setDone(t.saved);
    } catch (error) {
      const conflict = conflictOf<ReminderSettings>(error);
      if (conflict) form.setConflict({ ...conflict, theirs: { ...base, ...conflict.theirs } });
      else if (error instanceof ApiError && error.id === 'reminders.duplicate-offset') form.setErrors({ beforeDays: error.message });
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
          queryClient.setQueryData(reminderSettingsQuery.queryKey, newest);
          form.restart(newest);
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t.title}>
      <Stack gap="md" maw={480}>
        <TextInput size="md" label={t.beforeDays} description={t.beforeDaysHint} inputMode="numeric" value={values.beforeDays} error={errors.beforeDays} onChange={(e) => set('beforeDays', e.currentTarget.value)} />
        <TextInput size="md" label={t.overdueEveryDays} description={t.overdueEveryDaysHint} inputMode="numeric" value={values.overdueEveryDays} error={errors.overdueEveryDays} onChange={(e) => set('overdueEveryDays', e.currentTarget.value)} />
        <TextInput size="md" label={t.escalationAfterDays} inputMode="numeric" value={values.escalationAfterDays} error={errors.escalationAfterDays} onChange={(e) => set('escalationAfterDays', e.currentTarget.value)} />
        <FormMessages failure={form.failure} notice={form.notice} done={form.done} />
        <FormButtons saving={form.saving} />
      </Stack>
    </form>
  );
}
