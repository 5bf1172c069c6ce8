// Phone-first attendance: "Tất cả có mặt", then the exceptions, one large choice per member; a
// reason for every absence. Exempt members are listed apart. A QR check-in made meanwhile is kept:
// the screen sends the marks it shows and the server keeps the others.
import { useEffect, useState } from 'react';
import { Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { FormMessages } from '../../components/FormParts';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { attendanceStatuses, type AttendanceStatus } from '../../../domain/attendance';
import { markNames, s } from './labels';
import { sessionKey, type SessionDetail } from './queries';

type Draft = Record<string, { status: AttendanceStatus; reason: string }>;

const draftOf = (session: SessionDetail): Draft => Object.fromEntries(session.marks.map((m) => [m.memberId, { status: m.status, reason: m.reason ?? '' }]));

export function AttendanceScreen({ session }: { session: SessionDetail }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(session));
  const [dirty, setDirty] = useState(false);
  // Marks arriving from check-ins show up while the secretary has not started editing.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(session));
  }, [session, dirty]);
  const save = useMutation({
    mutationFn: () =>
      api<SessionDetail>(`/api/sessions/${session.id}/attendance`, {
        method: 'PUT',
        body: { version: session.version, marks: Object.entries(draft).map(([memberId, m]) => ({ memberId, status: m.status, reason: m.reason || null })) },
      }),
    onSuccess: (updated) => {
      setDirty(false);
      client.setQueryData(sessionKey(session.id), updated);
    },
  });
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
      <FormMessages failure={save.error} done={save.isSuccess && !dirty ? 'Đã lưu điểm danh.' : null} />
      {slow && <Working label={s.savingAttendance} />}
      <Button size="lg" onClick={() => save.mutate()} loading={save.isPending} fullWidth>
        {s.saveAttendance}
      </Button>
    </Stack>
  );
}
