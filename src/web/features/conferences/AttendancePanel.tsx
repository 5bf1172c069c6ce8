// The roll call: "Tất cả có mặt", then the exceptions (late, excused or absent with a reason), big
// buttons for a thumb; saved whole with the version read; then "held".
import { useEffect, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { attendanceStatusNames, attendanceStatuses, type AttendanceStatus } from '../../../domain/attendance';
import { todayInVietnam } from '../../../domain/dates';
import { ErrorAlert, QueryStatus, Success } from '../../components/feedback';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { attendanceQuery, conferenceAction, type Attendance, type Conference } from './queries';
import { useConferenceAction } from './useConferenceAction';
import { QrCode } from '../sessions/QrScreen';

const t = vi.conferences;
type Mark = { status: AttendanceStatus | null; reason: string };

export function AttendancePanel({ conference }: { conference: Conference }) {
  const query = useQuery(attendanceQuery(conference.id));
  const queryClient = useQueryClient();
  const action = useConferenceAction(conference.id);
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [qr, setQr] = useState(false);
  // While the QR code is shown the roll call is read again every few seconds: the marks the office
  // changed by hand and has not saved yet stay as they are; the others follow the scans.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  useQuery({ ...attendanceQuery(conference.id), refetchInterval: qr ? 5_000 : false });
  useEffect(() => {
    if (!query.data) return;
    const stored = new Map(query.data.marks.map((m) => [m.personId, m]));
    setMarks((current) =>
      Object.fromEntries(
        query.data.summoned.map((s) => [
          s.personId,
          touched.has(s.personId) && current[s.personId] ? current[s.personId]! : { status: stored.get(s.personId)?.status ?? null, reason: stored.get(s.personId)?.reason ?? '' },
        ]),
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the server's list, not the edits
  }, [query.data]);
  if (!query.data) return <QueryStatus query={query} />;
  const data = query.data;
  const allPresent = () => {
    setTouched(new Set(Object.keys(marks)));
    setMarks((m) => Object.fromEntries(Object.keys(m).map((id) => [id, { status: 'present' as const, reason: '' }])));
  };
  const save = () =>
    action.run(
      'attendance',
      () =>
        conferenceAction<Attendance>(conference.id, '/attendance', {
          version: conference.version,
          marks: Object.entries(marks).filter(([, m]) => m.status).map(([personId, m]) => ({ personId, status: m.status, reason: m.reason || null })),
        }, 'PUT'),
      (a) => {
        setTouched(new Set());
        queryClient.setQueryData(['conferences', conference.id, 'attendance'], a);
        return { message: t.attendanceSaved };
      },
    );
  const present = Object.values(marks).filter((m) => m.status === 'present' || m.status === 'late').length;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button size="md" variant={qr ? 'default' : 'filled'} onClick={() => setQr((v) => !v)}>
          {qr ? t.hideQr : t.showQr}
        </Button>
      </Group>
      {qr && <QrCode id={conference.id} kind="conference" help={t.qrHelp} />}
      <Text fz="sm" c="dimmed">{t.attendanceHint}</Text>
      <Group gap="sm">
        <Button size="lg" variant="light" onClick={allPresent}>
          {t.allPresent}
        </Button>
        <Text fw={600}>{t.counts(present, data.summoned.length)}</Text>
      </Group>
      <Stack gap="xs" component="ol" m={0} pl="lg">
        {data.summoned.map((s) => {
          const mark = marks[s.personId] ?? { status: null, reason: '' };
          const set = (next: Partial<Mark>) => {
            setTouched((ids) => new Set(ids).add(s.personId));
            setMarks((m) => ({ ...m, [s.personId]: { ...mark, ...next } }));
          };
          return (
            <li key={s.personId}>
              <Stack gap={4} py={4}>
                <Text fw={600} id={`att-${s.personId}`}>{s.fullName}</Text>
                <SegmentedControl
                  aria-labelledby={`att-${s.personId}`}
                  size="md"
                  fullWidth
                  value={mark.status ?? ''}
                  onChange={(v) => set({ status: v as AttendanceStatus })}
                  data={attendanceStatuses.map((value) => ({ value, label: attendanceStatusNames[value] }))}
                />
                {(mark.status === 'excused' || mark.status === 'absent') && (
                  <TextInput aria-label={t.reason(s.fullName)} placeholder={t.reason(s.fullName)} value={mark.reason} onChange={(e) => set({ reason: e.currentTarget.value })} size="md" />
                )}
              </Stack>
            </li>
          );
        })}
      </Stack>
      <Group gap="sm">
        <Button size="md" onClick={() => void save()} loading={action.busy === 'attendance'}>
          {t.saveAttendance}
        </Button>
        {conference.abilities.markHeld && (
          <Button size="md" variant="default" loading={action.busy === 'held'} onClick={() => void action.run('held', () => conferenceAction(conference.id, '/held', { version: conference.version, heldOn: todayInVietnam() }))}>
            {t.markHeld}
          </Button>
        )}
      </Group>
      {action.slow && <Working label={vi.common.loading} />}
      <Success>{action.done}</Success>
      {action.failure !== null && <ErrorAlert error={action.failure} />}
    </Stack>
  );
}
