// Phone-first attendance: "Tất cả có mặt", then the exceptions, one large choice per member; a
// reason for every absence. Exempt members are listed apart. A QR check-in made meanwhile is kept:
// the screen sends the marks it shows and the server keeps the others.
// A save goes through the device's queue (decision 024): without a connection it is kept and sent
// when the connection returns; the screen shows the queued marks until the server has them.
import { useEffect, useState } from 'react';
import { Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { meKey } from '../auth/session';
import { discard, enqueue, flush, outboxEntries, useOutbox, type OutboxEntry } from '../../pwa/outbox';
import { FormMessages } from '../../components/FormParts';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { attendanceStatuses, type AttendanceStatus } from '../../../domain/attendance';
import { markNames, s } from './labels';
import { sessionKey, type SessionDetail } from './queries';

type Draft = Record<string, { status: AttendanceStatus; reason: string }>;

type SentMark = { memberId: string; status: AttendanceStatus; reason: string | null };

/** The server's marks, with the marks still queued on the device over them. */
const draftOf = (session: SessionDetail, queued?: OutboxEntry): Draft => ({
  ...Object.fromEntries(session.marks.map((m) => [m.memberId, { status: m.status, reason: m.reason ?? '' }])),
  ...Object.fromEntries(((queued?.body.marks ?? []) as SentMark[]).map((m) => [m.memberId, { status: m.status, reason: m.reason ?? '' }])),
});

type Outcome = 'sent' | 'queued' | 'conflict';

export function AttendanceScreen({ session }: { session: SessionDetail }) {
  const client = useQueryClient();
  const queued = useOutbox().find((e) => e.kind === 'attendance' && e.target === session.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(session, queued));
  const [dirty, setDirty] = useState(false);
  // Marks arriving from check-ins (and queued ones, once the device has read its queue) show up
  // while the secretary has not started editing.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(session, queued));
  }, [session, dirty, queued]);
  const save = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const entry = await enqueue({
        kind: 'attendance',
        target: session.id,
        record: `session:${session.id}`,
        label: `Điểm danh — ${session.unitName}`,
        method: 'PUT',
        url: `/api/sessions/${session.id}/attendance`,
        body: { version: session.version, marks: Object.entries(draft).map(([memberId, m]) => ({ memberId, status: m.status, reason: m.reason || null })) },
      });
      await flush(() => client.refetchQueries({ queryKey: meKey }));
      const left = outboxEntries().find((e) => e.key === entry.key);
      if (!left) return 'sent';
      if (left.state === 'pending') return 'queued';
      if (left.state === 'conflict') {
        void client.invalidateQueries({ queryKey: sessionKey(session.id) });
        return 'conflict';
      }
      // Refused while online (a reason missing…): said here, as before; nothing is kept.
      await discard(left.key);
      throw new ApiError(left.problem!.status, left.problem!.id, left.problem!.message, left.problem);
    },
    onSuccess: () => setDirty(false),
  });
  const done = !save.isSuccess || dirty ? null : save.data === 'sent' ? 'Đã lưu điểm danh.' : save.data === 'queued' ? 'Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.' : null;
  const slow = useSlow(save.isPending);
  const change = (memberId: string, patch: Partial<{ status: AttendanceStatus; reason: string }>) => {
    setDirty(true);
    setDraft((d) => ({ ...d, [memberId]: { ...(d[memberId] ?? { status: 'present' as const, reason: '' }), ...patch } }));
  };
  const allPresent = () => {
    setDirty(true);
    setDraft((d) => Object.fromEntries(session.expected.map((p) => [p.memberId, d[p.memberId] ?? { status: 'present' as const, reason: '' }])));
  };
  return (
    <Stack gap="sm">
      <Text fz="sm" role="status">{s.counts(session.counts)}</Text>
      <Group>
        <Button size="lg" variant="light" onClick={allPresent} fullWidth>
          {s.allPresent}
        </Button>
      </Group>
      <Stack gap="xs" component="ul" aria-label="Danh sách điểm danh" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {session.expected.map((person) => {
          const mark = draft[person.memberId];
          const away = mark?.status === 'excused' || mark?.status === 'absent';
          return (
            <Card key={person.memberId} component="li" withBorder padding="sm">
              <Radio.Group label={person.fullName} value={mark?.status ?? ''} onChange={(value) => change(person.memberId, { status: value as AttendanceStatus })} size="md" styles={{ label: { fontSize: 18, fontWeight: 700 } }}>
                <Group gap="md" mt={6}>
                  {attendanceStatuses.map((status) => (
                    <Radio key={status} value={status} label={markNames[status]} size="md" styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
                  ))}
                </Group>
              </Radio.Group>
              {away && (
                <TextInput mt="xs" size="md" label={`${s.reason} — ${person.fullName}`} value={mark.reason} onChange={(e) => change(person.memberId, { reason: e.currentTarget.value })} required />
              )}
            </Card>
          );
        })}
      </Stack>
      {session.exempt.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{s.exempt}</Text>
          <Text>{session.exempt.map((p) => p.fullName).join(', ')}</Text>
        </Stack>
      )}
      <FormMessages failure={save.error} done={done} />
      {save.isSuccess && !dirty && save.data === 'conflict' && (
        <Text c="red.8" fw={600} role="alert">
          Chưa gửi được: trên máy chủ đã có bản điểm danh mới hơn. Hãy xem mục “Chưa gửi” ở đầu trang.
        </Text>
      )}
      {slow && <Working label={s.savingAttendance} />}
      <Button size="lg" onClick={() => save.mutate()} loading={save.isPending} fullWidth>
        {s.saveAttendance}
      </Button>
    </Stack>
  );
}
