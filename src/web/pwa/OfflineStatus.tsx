// What the device holds, shown above every signed-in page (decision 024): "Không có mạng" with when
// the answers on screen were last updated, "Chưa gửi (n)" for the entries queued on the device, and
// for each entry the server did not take, both versions side by side and the person's choice.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../format';
import { meKey } from '../features/auth/session';
import type { AttendanceStatus } from '../../domain/attendance';
import { useStoredAt } from './offline-data';
import { asEditOf, discard, flush, onAcknowledged, outboxEntries, outboxNeedsSignIn, resendOnTop, setOutboxUser, useOutbox, type OutboxEntry } from './outbox';
import { adviceFor, comparedFields, fieldDifferences } from './outbox-problems';
import { sessionKey } from '../features/sessions/queries';

// The names of features/sessions/labels.ts (PRODUCT.md §7), kept here so this file stays small.
const markNames: Record<AttendanceStatus, string> = { present: 'Có mặt', late: 'Đến muộn', excused: 'Vắng có lý do', absent: 'Vắng không lý do' };

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Loads the person's queue and sends it: now, and each time the connection returns. */
export function useOutboxSync(userId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let live = true;
    const refreshSession = () => queryClient.refetchQueries({ queryKey: meKey });
    const send = () => {
      if (live && outboxEntries().some((e) => e.state === 'pending')) void flush(refreshSession);
    };
    // Back online: the queue goes, then what is on screen is asked for again ("Cập nhật lúc" goes).
    const reconnected = () => {
      send();
      void queryClient.refetchQueries({ type: 'active' });
    };
    // An entry the device queued was acknowledged: the page shows the server's answer.
    const stopListening = onAcknowledged((entry, answer) => {
      if ((entry.kind === 'attendance' || entry.kind === 'session-record' || entry.kind === 'session-held') && answer) queryClient.setQueryData(sessionKey(entry.target), answer as never);
      else if (entry.kind === 'reflection') void queryClient.invalidateQueries({ queryKey: ['my', 'study'] });
      else if (entry.kind === 'propaganda') void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'plans' && query.queryKey[2] === 'propaganda' });
      else void queryClient.invalidateQueries({ queryKey: ['sessions', entry.target] });
    });
    void setOutboxUser(userId).then(send);
    window.addEventListener('online', reconnected);
    return () => {
      live = false;
      stopListening();
      window.removeEventListener('online', reconnected);
    };
  }, [userId, queryClient]);
}

export function OfflineStatus() {
  const storedAt = useStoredAt();
  const online = useOnline();
  const entries = useOutbox();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const pending = entries.filter((e) => e.state === 'pending').length;
  const problems = entries.filter((e) => e.state !== 'pending');
  if (!storedAt && online && entries.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" className="qt-no-print">
      {(!online || storedAt) && (
        <Alert color="orange" variant="light" title={online ? 'Đang xem dữ liệu lưu trên máy' : 'Không có mạng'} role="status">
          {storedAt ? `Cập nhật lúc ${formatDateTime(storedAt)}. ` : ''}
          {online ? 'Máy chủ chưa trả lời; dữ liệu sẽ được làm mới khi kết nối lại.' : 'Những gì đồng chí nhập được lưu trên máy và tự gửi khi có mạng.'}
        </Alert>
      )}
      {entries.length > 0 && (
        <Alert color={problems.length ? 'red' : 'blue'} variant="light" title={`Chưa gửi (${entries.length})`} aria-live="polite">
          <Stack gap="xs">
            <Text fz="sm">
              {pending > 0 ? `${pending} mục đang chờ gửi lên máy chủ${online ? '.' : ' khi có mạng.'} ` : ''}
              {problems.length > 0 ? `${problems.length} mục cần đồng chí xem lại.` : ''}
            </Text>
            {pending > 0 && outboxNeedsSignIn() && (
              <>
                <Text fz="sm" fw={600}>
                  Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại: các mục chưa gửi vẫn được giữ trên máy và sẽ được gửi ngay sau đó.
                </Text>
                <Button size="md" onClick={() => window.location.assign(`/dang-nhap?redirect=${encodeURIComponent(window.location.pathname)}`)}>
                  Đăng nhập lại
                </Button>
              </>
            )}
            {pending > 0 && online && (
              <Button
                size="md"
                variant="light"
                loading={sending}
                onClick={async () => {
                  setSending(true);
                  try {
                    await flush(() => queryClient.refetchQueries({ queryKey: meKey }));
                  } finally {
                    setSending(false);
                  }
                }}
              >
                Gửi ngay
              </Button>
            )}
            {problems.map((entry) => (
              <Problem key={entry.key} entry={entry} />
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

interface SessionLike {
  id?: string;
  version?: number;
  expected?: { memberId: string; fullName: string }[];
  marks?: { memberId: string; status: AttendanceStatus; reason: string | null }[];
}
type SentMark = { memberId: string; status: AttendanceStatus; reason: string | null };

const scoreText = (scores: unknown) => (Array.isArray(scores) ? (scores as { itemId: string; points: number }[]).map((s) => `${s.itemId}: ${s.points}`).join(', ') || '—' : '—');

/** The rows where the person's version and the server's differ: [what, theirs on the device, the server's]. */
function differences(entry: OutboxEntry, current: SessionLike | null): { key: string; what: string; mine: string; theirs: string }[] {
  if (!current) return [];
  if (entry.kind === 'attendance' && current.marks) {
    return (entry.body.marks as SentMark[])
      .map((mine) => ({ mine, theirs: current.marks!.find((m) => m.memberId === mine.memberId), name: current.expected?.find((p) => p.memberId === mine.memberId)?.fullName ?? mine.memberId }))
      .filter(({ mine, theirs }) => !theirs || theirs.status !== mine.status || (theirs.reason ?? '') !== (mine.reason ?? ''))
      .map(({ mine, theirs, name }) => ({ key: mine.memberId, what: name, mine: markText(mine), theirs: markText(theirs) }));
  }
  const fields = comparedFields[entry.kind];
  if (!fields) return [];
  const server = current as unknown as Record<string, unknown>;
  const rows = fieldDifferences(entry.body, server, fields);
  if (entry.kind !== 'report-draft') return rows;
  const mineScores = scoreText(entry.body.scores);
  const theirScores = scoreText(server.scores);
  return mineScores === theirScores ? rows : [...rows, { key: 'scores', what: 'Điểm tự chấm', mine: mineScores, theirs: theirScores }];
}

const markText = (m?: { status: AttendanceStatus; reason: string | null }) => (m ? `${markNames[m.status]}${m.reason ? ` (${m.reason})` : ''}` : 'Chưa điểm danh');

/** One entry the server did not take: why, both versions, and the two choices. */
function Problem({ entry }: { entry: OutboxEntry }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const problem = entry.problem!;
  const current = (problem.current ?? null) as SessionLike | null;
  const advice = adviceFor(entry);
  const rows = differences(entry, current);
  const resend = async () => {
    setBusy(true);
    try {
      // A queued create that met the record made meanwhile is sent as an edit of that record.
      await resendOnTop(entry.key, { version: current?.version, asEdit: asEditOf(entry, current) });
      await flush(() => queryClient.refetchQueries({ queryKey: meKey }));
    } finally {
      setBusy(false);
    }
  };
  const drop = async () => {
    await discard(entry.key);
    void queryClient.invalidateQueries({ queryKey: ['sessions', entry.target] });
    if (entry.kind === 'reflection') void queryClient.invalidateQueries({ queryKey: ['my', 'study'] });
  };
  return (
    <Stack gap="xs" p="xs" style={{ background: 'var(--mantine-color-body)', borderRadius: 'var(--mantine-radius-sm)' }} role="group" aria-label={`Chưa gửi được: ${entry.label}`}>
      <Text fw={700}>{entry.label}</Text>
      <Text fz="sm">{advice.text}</Text>
      <Text fz="sm" c="dimmed">
        Máy chủ trả lời: {problem.message}
      </Text>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table fz="sm" withTableBorder aria-label={`So sánh hai bản — ${entry.label}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{entry.kind === 'attendance' ? 'Đảng viên' : 'Mục'}</Table.Th>
                <Table.Th>Bản của đồng chí</Table.Th>
                <Table.Th>Trên máy chủ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.what}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.mine}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.theirs}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="xs" grow wrap="wrap">
        {advice.canResend && (
          <Button size="md" onClick={resend} loading={busy}>
            Gửi lại bản của tôi
          </Button>
        )}
        <Button size="md" variant="default" onClick={drop} disabled={busy}>
          Bỏ bản của tôi
        </Button>
      </Group>
    </Stack>
  );
}
