// Date, time, place, form, reporter, people reached, notes and opinions. A date outside the plan's
// window comes back as a warning the secretary confirms ("Vẫn giữ ngày này").
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { meKey } from '../auth/session';
import { CONFLICT_TEXT, QUEUED_TEXT, saveOffline, useOutbox } from '../../pwa/outbox';
import { FormMessages } from '../../components/FormParts';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { s } from './labels';
import { sessionKey, type SessionDetail } from './queries';

function vietnamParts(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '19:30' };
  const v = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return { date: v.slice(0, 10), time: v.slice(11, 16) };
}

type Fields = Pick<SessionDetail, 'form' | 'reporter' | 'reachedYouth' | 'reachedAssociation' | 'reachedPublic' | 'chairName' | 'minutesSecretaryName' | 'notes' | 'opinions'> & { place: string };

export function ScheduleForm({ session }: { session: SessionDetail }) {
  const client = useQueryClient();
  // The record saved on the device and not sent yet is what the form shows (decision 029).
  const queued = useOutbox().find((e) => e.kind === 'session-record' && e.target === session.id);
  const queuedBody = queued?.body as (Fields & { scheduledAt: string | null }) | undefined;
  const start = vietnamParts(queuedBody ? queuedBody.scheduledAt : session.scheduledAt);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [form, setForm] = useState<Fields>(() => (queuedBody ? fieldsOf({ ...queuedBody, place: queuedBody.place ?? '' }) : fieldsOf({ ...session, place: session.place ?? '' })));
  // The device reads its queue after the page has drawn: the queued record then fills the form.
  const shown = useRef(queued?.key);
  useEffect(() => {
    if (!queuedBody || !queued || shown.current === queued.key) return;
    shown.current = queued.key;
    const at = vietnamParts(queuedBody.scheduledAt);
    setDate(at.date);
    setTime(at.time);
    setForm(fieldsOf({ ...queuedBody, place: queuedBody.place ?? '' }));
  }, [queued, queuedBody]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  // Through the device's queue: without a connection it is kept and sent later, on the version it
  // was made on (moved onto the next one when the attendance queued before it is acknowledged).
  const save = useMutation({
    mutationFn: async (confirmOutsideWindow: boolean) => {
      const result = await saveOffline(
        {
          kind: 'session-record',
          target: session.id,
          record: `session:${session.id}`,
          label: `Biên bản buổi sinh hoạt — ${session.unitName}`,
          method: 'PATCH',
          url: `/api/sessions/${session.id}`,
          body: { version: session.version, ...form, place: form.place || null, scheduledAt: date ? `${date}T${time || '19:30'}:00+07:00` : null, confirmOutsideWindow },
        },
        () => client.refetchQueries({ queryKey: meKey }),
      );
      return result;
    },
    onSuccess: (result) => {
      setWarning(null);
      if (result.outcome === 'sent' && result.answer) client.setQueryData(sessionKey(session.id), result.answer as SessionDetail);
      setOutcome(result.outcome === 'sent' ? s.saved : result.outcome === 'queued' ? QUEUED_TEXT : CONFLICT_TEXT);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.id === 'session.outside-window') setWarning(error.message);
    },
  });
  const slow = useSlow(save.isPending);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const count = (key: 'reachedYouth' | 'reachedAssociation' | 'reachedPublic', label: string) => (
    <NumberInput label={label} min={0} value={form[key]} onChange={(v) => set(key, Number(v) || 0)} size="md" />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(false);
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2 }} spacing="sm">
          <TextInput type="date" label={s.date} value={date} onChange={(e) => setDate(e.currentTarget.value)} size="md" />
          <TextInput type="time" label={s.time} value={time} onChange={(e) => setTime(e.currentTarget.value)} size="md" />
        </SimpleGrid>
        <TextInput label={s.place} value={form.place} onChange={(e) => set('place', e.currentTarget.value)} size="md" />
        <NativeSelect label={s.form} value={form.form} onChange={(e) => set('form', e.currentTarget.value as typeof form.form)} size="md" data={Object.entries(s.forms).map(([value, label]) => ({ value, label }))} />
        <TextInput label={s.reporter} value={form.reporter} onChange={(e) => set('reporter', e.currentTarget.value)} size="md" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={s.chair} value={form.chairName} onChange={(e) => set('chairName', e.currentTarget.value)} size="md" />
          <TextInput label={s.minutesSecretary} value={form.minutesSecretaryName} onChange={(e) => set('minutesSecretaryName', e.currentTarget.value)} size="md" />
        </SimpleGrid>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 4 }}>{s.reached}</legend>
          <SimpleGrid cols={3} spacing="xs">
            {count('reachedYouth', s.youth)}
            {count('reachedAssociation', s.association)}
            {count('reachedPublic', s.public)}
          </SimpleGrid>
        </fieldset>
        <Textarea label={s.notes} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} size="md" />
        <Textarea label={s.opinions} value={form.opinions} onChange={(e) => set('opinions', e.currentTarget.value)} autosize minRows={2} size="md" />
        {warning && (
          <Alert color="yellow" title="Ngày nằm ngoài thời gian kế hoạch" role="alert">
            <Stack gap="xs" align="flex-start">
              {warning}
              <Button color="yellow" onClick={() => save.mutate(true)} loading={save.isPending}>
                {s.outsideConfirm}
              </Button>
            </Stack>
          </Alert>
        )}
        {!warning && <FormMessages failure={save.error} done={save.isSuccess ? outcome : null} />}
        {slow && <Working label="Đang lưu…" />}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {s.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function fieldsOf(source: Fields): Fields {
  const { place, form, reporter, reachedYouth, reachedAssociation, reachedPublic, chairName, minutesSecretaryName, notes, opinions } = source;
  return { place, form, reporter, reachedYouth, reachedAssociation, reachedPublic, chairName, minutesSecretaryName, notes, opinions };
}
