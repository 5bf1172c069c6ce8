import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from '../features/auth/session';
import { CONFLICT_TEXT, QUEUED_TEXT, saveOffline, useOutbox } from '../pwa/outbox';
import { PageFallback } from '../components/feedback';
import { FormMessages } from '../components/FormParts';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { ButtonLink } from '../components/links';
import { Working } from '../components/Working';
import { useSlow } from '../components/progress';
import { AttendanceScreen } from '../features/sessions/AttendanceScreen';
import { QrScreen } from '../features/sessions/QrScreen';
import { ScheduleForm } from '../features/sessions/ScheduleForm';
import { s, statusColor, statusName } from '../features/sessions/labels';
import { minutesUrl, sessionKey, sessionQuery, type SessionDetail } from '../features/sessions/queries';
import { formatDate } from '../format';
import { todayInVietnam } from '../../domain/dates';
import { sessionRoute } from './session';

export default SessionPage;

function SessionPage() {
  const { sessionId } = sessionRoute.useParams();
  const query = useQuery(sessionQuery(sessionId));
  const [qr, setQr] = useState(false);
  if (!query.data) return <PageFallback query={query} title={s.pageTitle} unavailable={{ title: s.unavailableTitle, message: s.unavailable }} />;
  const session = query.data;
  const run = session.abilities.run;
  return (
    <>
      <PageHeader
        title={`${session.kind === 'make-up' ? s.makeUp : s.regular} — ${session.unitName}`}
        below={
          <Group gap="xs">
            <Badge color={statusColor[session.status]}>{statusName(session.status)}</Badge>
            {session.window.to && <Text fz="sm">Thời gian kế hoạch: {formatDate(session.window.from)} – {formatDate(session.window.to)}</Text>}
          </Group>
        }
      />
      <Stack gap="xl">
        {run && (
          <Section id="session-schedule" title={s.schedule} framed>
            <ScheduleForm session={session} />
          </Section>
        )}
        <Section
          id="session-attendance"
          title={s.attendance}
          framed
          actions={
            run ? (
              <Button variant={qr ? 'default' : 'filled'} size="md" onClick={() => setQr((v) => !v)}>
                {qr ? s.hideQr : s.showQr}
              </Button>
            ) : undefined
          }
        >
          {qr && run && <QrScreen sessionId={session.id} />}
          {run ? <AttendanceScreen session={session} /> : <Text>{s.counts(session.counts)}</Text>}
        </Section>
        {run && !session.heldOn && <HeldForm session={session} />}
        {session.kind === 'regular' && (
          <ButtonLink to="/bao-cao/$sessionId" params={{ sessionId: session.id }} size="lg" fullWidth>
            Báo cáo kết quả
          </ButtonLink>
        )}
        <Section id="session-minutes" title={s.minutes} framed>
          <Group gap="md">
            <Anchor href={minutesUrl(session.id, 'docx')} fz="lg">
              {s.downloadDocx}
            </Anchor>
            <Anchor href={minutesUrl(session.id, 'pdf')} fz="lg">
              {s.downloadPdf}
            </Anchor>
          </Group>
        </Section>
      </Stack>
    </>
  );
}

function HeldForm({ session }: { session: SessionDetail }) {
  const client = useQueryClient();
  const scheduledDay = session.scheduledAt ? new Date(new Date(session.scheduledAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : todayInVietnam();
  // "Held" saved on the device and not sent yet (decision 029): its date is what the form shows.
  const queued = useOutbox().find((e) => e.kind === 'session-held' && e.target === session.id);
  const [heldOn, setHeldOn] = useState(scheduledDay);
  const shownDay = queued ? String(queued.body.heldOn) : heldOn;
  const held = useMutation({
    mutationFn: () =>
      saveOffline(
        {
          kind: 'session-held',
          target: session.id,
          record: `session:${session.id}`,
          label: `Xác nhận đã tổ chức — ${session.unitName}`,
          method: 'POST',
          url: `/api/sessions/${session.id}/held`,
          body: { version: session.version, heldOn: shownDay },
        },
        () => client.refetchQueries({ queryKey: meKey }),
      ),
    onSuccess: (result) => {
      if (result.outcome === 'sent' && result.answer) client.setQueryData(sessionKey(session.id), result.answer as SessionDetail);
    },
  });
  const outcome = held.data?.outcome === 'queued' || (queued?.state === 'pending' && !held.isPending) ? QUEUED_TEXT : held.data?.outcome === 'conflict' ? CONFLICT_TEXT : null;
  const slow = useSlow(held.isPending);
  return (
    <Section id="session-held" title={s.held} framed>
      <Stack gap="sm">
        <TextInput type="date" label={s.heldOn} value={shownDay} onChange={(e) => setHeldOn(e.currentTarget.value)} size="md" readOnly={Boolean(queued)} />
        <FormMessages failure={held.error} done={outcome} />
        {slow && <Working label="Đang ghi nhận…" />}
        <Button size="lg" onClick={() => held.mutate()} loading={held.isPending} fullWidth>
          {s.held}
        </Button>
      </Stack>
    </Section>
  );
}
