// The conference's details: the plan's values prefilled, saved with the version read.
import { useState } from 'react';
import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { ErrorAlert, Success } from '../../components/feedback';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { conferenceAction, type Conference } from './queries';
import { useConferenceAction } from './useConferenceAction';

const t = vi.conferences;

/** "2026-05-20T00:30:00Z" → "2026-05-20T07:30" in Vietnam time, for a datetime-local field. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}

export function DetailsForm({ conference }: { conference: Conference }) {
  const [values, setValues] = useState({
    title: conference.title,
    scheduledAt: toLocalInput(conference.scheduledAt),
    venue: conference.venue,
    form: conference.form,
    onlineLink: conference.onlineLink ?? '',
    reporterText: conference.reporterText ?? '',
  });
  const action = useConferenceAction(conference.id);
  const readOnly = !conference.abilities.edit;
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [key]: e.currentTarget.value }));
  const save = () =>
    action.run('save', () =>
      conferenceAction(conference.id, '', {
        version: conference.version,
        title: values.title,
        scheduledAt: values.scheduledAt ? `${values.scheduledAt}:00+07:00` : null,
        venue: values.venue,
        form: values.form,
        onlineLink: values.onlineLink || null,
        reporterText: values.reporterText || null,
      }, 'PATCH'),
    (c) => ({ conference: c, message: t.saved }));
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <TextInput label={t.title} value={values.title} onChange={set('title')} readOnly={readOnly} required />
      <TextInput label={t.scheduledAt} type="datetime-local" value={values.scheduledAt} onChange={set('scheduledAt')} readOnly={readOnly} description={conference.windowPhrase ? `${t.windowPhrase}: ${conference.windowPhrase}` : undefined} />
      <TextInput label={t.venue} value={values.venue} onChange={set('venue')} readOnly={readOnly} />
      <NativeSelect label={t.form} value={values.form} onChange={set('form')} disabled={readOnly} data={Object.entries(t.forms).map(([value, label]) => ({ value, label }))} />
      {values.form !== 'in-person' && <TextInput label={t.onlineLink} type="url" value={values.onlineLink} onChange={set('onlineLink')} readOnly={readOnly} />}
      <TextInput label={t.reporter} value={values.reporterText} onChange={set('reporterText')} readOnly={readOnly} />
      {!readOnly && (
        <Button type="submit" loading={action.busy === 'save'} size="md" style={{ alignSelf: 'flex-start' }}>
          {t.save}
        </Button>
      )}
      {action.slow && <Working label={vi.common.loading} />}
      <Success>{action.done}</Success>
      {action.failure !== null && <ErrorAlert error={action.failure} />}
    </Stack>
  );
}
