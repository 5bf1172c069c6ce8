import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../api';
import { ErrorAlert, PageFallback, QueryStatus, Success } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDate } from '../format';
import { meKey } from '../features/auth/session';
import { CONFLICT_TEXT, QUEUED_TEXT, saveOffline, useOutbox } from '../pwa/outbox';
import { planPropagandaRoute } from './plan-propaganda';
import { vi } from '../i18n/vi';

export default PlanPropagandaPage;

interface Entry {
  id: string;
  unitName: string;
  channel: string;
  channelName: string;
  on: string;
  title: string;
  link: string | null;
  posts: number;
  broadcasts: number;
  copies: number;
  durationMinutes: number | null;
  reach: number | null;
  public: boolean;
}
interface EntryList {
  entries: Entry[];
  channels: { id: string; name: string }[];
  writableUnits: { id: string; name: string }[];
}
interface Schedule {
  id: string;
  title: string;
  unitName: string;
  description: string;
  broadcastText: string;
  canConfirm: boolean;
  counts: { total: number; aired: number; missed: number; unconfirmed: number };
  occurrences: { on: string; time: string; past: boolean; status: 'aired' | 'missed' | null; note: string | null }[];
}

const t = vi.propaganda;
const l = vi.loudspeaker;

const entriesKey = (planId: string) => ['plans', planId, 'propaganda'];
const schedulesKey = (planId: string) => ['plans', planId, 'loudspeaker'];
const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

function figures(e: Entry): string {
  const parts = [
    e.posts ? t.figures.posts(e.posts) : null,
    e.broadcasts ? t.figures.broadcasts(e.broadcasts) : null,
    e.copies ? t.figures.copies(e.copies) : null,
    e.durationMinutes ? t.figures.minutes(e.durationMinutes) : null,
    e.reach ? t.figures.reach(e.reach.toLocaleString('vi-VN')) : null,
  ].filter(Boolean);
  return parts.join(' · ');
}

function PlanPropagandaPage() {
  const { planId } = planPropagandaRoute.useParams();
  const entries = useQuery({ queryKey: entriesKey(planId), queryFn: ({ signal }) => api<EntryList>(`/api/plans/${planId}/propaganda`, { signal }) });
  const schedules = useQuery({ queryKey: schedulesKey(planId), queryFn: ({ signal }) => api<{ schedules: Schedule[] }>(`/api/plans/${planId}/loudspeaker`, { signal }) });
  if (!entries.data) return <PageFallback query={entries} title={t.title} unavailable={{ title: t.unavailableTitle, message: t.unavailable }} />;
  const { writableUnits, channels } = entries.data;
  return (
    <PropagandaView planId={planId} list={entries.data} writableUnits={writableUnits} channels={channels} schedules={schedules} />
  );
}

function PropagandaView({ planId, list, writableUnits, channels, schedules }: { planId: string; list: EntryList; writableUnits: EntryList['writableUnits']; channels: EntryList['channels']; schedules: UseQueryResult<{ schedules: Schedule[] }> }) {
  // Entries saved on the device and not sent yet (decision 029): listed first, marked "Chưa gửi".
  const queued = useOutbox().filter((e) => e.kind === 'propaganda' && e.url === `/api/plans/${planId}/propaganda` && !list.entries.some((x) => x.id === e.target));
  const entries = { data: list };
  const channelName = (id: unknown) => channels.find((c) => c.id === id)?.name ?? String(id);
  return (
    <>
      <PageHeader title={t.title} below={<AnchorLink to="/ke-hoach/$planId" params={{ planId }}>{t.backToPlan}</AnchorLink>} />
      <Stack gap="xl">
        {writableUnits.length > 0 && (
          <Section id="add-entry" title={t.addEntry}>
            <EntryForm planId={planId} units={writableUnits} channels={channels} />
          </Section>
        )}
        <Section id="entries" title={t.entries(entries.data.entries.length)}>
          {entries.data.entries.length === 0 && queued.length === 0 && <Text c="dimmed">{t.none}</Text>}
          {queued.length > 0 && (
            <Stack gap="xs" component="ul" aria-label={t.queuedList} style={listStyle} mb="xs">
              {queued.map((e) => (
                <Card key={e.key} component="li" withBorder padding="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Badge variant="light">{channelName(e.body.channel)}</Badge>
                    <Badge color={e.state === 'pending' ? 'orange' : 'red'}>{e.state === 'pending' ? t.notSent : t.toCheck}</Badge>
                  </Group>
                  <Text fw={600} mt={4} style={{ overflowWrap: 'anywhere' }}>
                    {String(e.body.title ?? '')}
                  </Text>
                  <Text fz="sm">{formatDate(String(e.body.on ?? ''))}</Text>
                </Card>
              ))}
            </Stack>
          )}
          <Stack gap="xs" component="ul" aria-label={t.list} style={listStyle}>
            {entries.data.entries.map((e) => (
              <Card key={e.id} component="li" withBorder padding="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Badge variant="light">{e.channelName}</Badge>
                  {e.public && <Badge color="green">{t.public}</Badge>}
                </Group>
                <Text fw={600} mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {e.title}
                </Text>
                <Text fz="sm">
                  {e.unitName} · {formatDate(e.on)}
                </Text>
                {figures(e) && <Text fz="sm">{figures(e)}</Text>}
                {e.link && (
                  <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <a href={e.link} target="_blank" rel="noopener noreferrer">
                      {e.link}
                    </a>
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        </Section>
        <Section id="loudspeaker" title={l.title}>
          <QueryStatus query={schedules} />
          {schedules.data?.schedules.length === 0 && <Text c="dimmed">{l.none}</Text>}
          <Stack gap="md">
            {schedules.data?.schedules.map((s) => <ScheduleCard key={s.id} planId={planId} schedule={s} />)}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function EntryForm({ planId, units, channels }: { planId: string; units: EntryList['writableUnits']; channels: EntryList['channels'] }) {
  const client = useQueryClient();
  const empty = () => ({ id: crypto.randomUUID(), unitId: units[0]!.id, channel: channels[0]!.id, on: new Date().toISOString().slice(0, 10), title: '', link: '', posts: 0, broadcasts: 0, copies: 0, reach: '' as number | '', public: false });
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  // Saved through the device's queue (decision 029): without a connection it is kept and sent later,
  // under the id the form chose (a second send of it is stored once).
  const save = useMutation({
    mutationFn: () =>
      saveOffline(
        {
          kind: 'propaganda',
          target: form.id,
          label: t.queuedLabel(form.title.trim()),
          method: 'POST',
          url: `/api/plans/${planId}/propaganda`,
          body: { ...form, link: form.link.trim() || null, reach: form.reach === '' ? null : form.reach },
        },
        () => client.refetchQueries({ queryKey: meKey }),
      ),
    onSuccess: async (result) => {
      if (result.outcome === 'conflict') return setDone(CONFLICT_TEXT);
      setDone(result.outcome === 'sent' ? t.saved((result.answer as Entry | null)?.title ?? form.title.trim()) : QUEUED_TEXT);
      setForm(empty());
      await client.invalidateQueries({ queryKey: entriesKey(planId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const set = <K extends keyof ReturnType<typeof empty>>(key: K, value: ReturnType<typeof empty>[K]) => setForm((f) => ({ ...f, [key]: value }));
  const count = (v: string | number) => (typeof v === 'number' ? v : 0);
  return (
    <form onSubmit={submit} aria-label={t.addEntry}>
      <Stack gap="sm" maw={560}>
        <NativeSelect label={t.form.unit} size="md" value={form.unitId} onChange={(e) => set('unitId', e.currentTarget.value)} data={units.map((u) => ({ value: u.id, label: u.name }))} />
        <NativeSelect label={t.form.channel} size="md" value={form.channel} onChange={(e) => set('channel', e.currentTarget.value)} data={channels.map((c) => ({ value: c.id, label: c.name }))} />
        <TextInput label={t.form.on} type="date" size="md" required value={form.on} onChange={(e) => set('on', e.currentTarget.value)} />
        <TextInput label={t.form.title} size="md" required value={form.title} onChange={(e) => set('title', e.currentTarget.value)} />
        <TextInput label={t.form.link} type="url" size="md" value={form.link} onChange={(e) => set('link', e.currentTarget.value)} />
        <Group grow gap="sm" wrap="wrap">
          <NumberInput label={t.form.posts} size="md" min={0} value={form.posts} onChange={(v) => set('posts', count(v))} />
          <NumberInput label={t.form.broadcasts} size="md" min={0} value={form.broadcasts} onChange={(v) => set('broadcasts', count(v))} />
          <NumberInput label={t.form.copies} size="md" min={0} value={form.copies} onChange={(v) => set('copies', count(v))} />
        </Group>
        <NumberInput label={t.form.reach} size="md" min={0} value={form.reach} onChange={(v) => set('reach', typeof v === 'number' ? v : '')} />
        <Checkbox label={t.form.public} checked={form.public} onChange={(e) => set('public', e.currentTarget.checked)} />
        {save.error && <ErrorAlert error={save.error} />}
        <Success>{done}</Success>
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t.form.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ScheduleCard({ planId, schedule: s }: { planId: string; schedule: Schedule }) {
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: ({ on, status }: { on: string; status: 'aired' | 'missed' }) => api<Schedule>(`/api/loudspeaker/${s.id}/occurrences/${on}`, { method: 'PUT', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: schedulesKey(planId) }),
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>{s.title}</Text>
      <Text fz="sm">
        {s.unitName} · {s.description}
      </Text>
      <Text fz="sm" mb="xs">
        {l.counts(s.counts)}
      </Text>
      {s.broadcastText && (
        <Text fz="sm" c="dimmed" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {s.broadcastText}
        </Text>
      )}
      {confirm.error && <ErrorAlert error={confirm.error} />}
      <Stack gap={4} component="ul" aria-label={l.occurrences(s.title)} style={listStyle}>
        {s.occurrences.map((o) => (
          <Group key={o.on} component="li" justify="space-between" gap="xs" wrap="wrap">
            <Text fz="sm">
              {l.at(formatDate(o.on), o.time)}
            </Text>
            {o.status ? (
              <Badge color={o.status === 'aired' ? 'green' : 'red'}>{o.status === 'aired' ? l.aired : l.missed}</Badge>
            ) : o.past && s.canConfirm ? (
              <Group gap={4}>
                <Button size="xs" variant="light" onClick={() => confirm.mutate({ on: o.on, status: 'aired' })} aria-label={l.airedOn(formatDate(o.on))}>
                  {l.aired}
                </Button>
                <Button size="xs" variant="light" color="red" onClick={() => confirm.mutate({ on: o.on, status: 'missed' })} aria-label={l.missedOn(formatDate(o.on))}>
                  {l.missed}
                </Button>
              </Group>
            ) : (
              <Text fz="sm" c="dimmed">
                {o.past ? l.unconfirmed : l.upcoming}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
