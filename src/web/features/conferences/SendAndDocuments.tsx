// Sending the convocation (a confirmation naming how many people it reaches) and the two documents.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert, Success } from '../../components/feedback';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { vi } from '../../i18n/vi';
import { conferenceAction, downloadConferenceDocument, type Conference, type ConferenceDocument } from './queries';
import { useConferenceAction } from './useConferenceAction';

const t = vi.conferences;

export function SendConvocation({ conference }: { conference: Conference }) {
  const [open, setOpen] = useState(false);
  const action = useConferenceAction(conference.id);
  const send = async () => {
    const ok = await action.run('send', () => conferenceAction<{ notified: number; conference: Conference }>(conference.id, '/send', { version: conference.version }), (r) => ({ conference: r.conference, message: t.sent(r.notified) }));
    if (ok) setOpen(false);
  };
  return (
    <Stack gap="sm">
      {conference.unsent === 0 && conference.status !== 'draft' ? (
        <Text c="dimmed">{t.nobodyNew}</Text>
      ) : (
        <Button size="md" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)} disabled={conference.unsent === 0}>
          {conference.status === 'draft' ? t.send : t.sendAgain}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t.confirmTitle} centered closeButtonProps={{ 'aria-label': t.cancel }}>
        <Stack>
          <Text>{t.confirmText(conference.unsent)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
            <Button onClick={() => void send()} loading={action.busy === 'send'}>
              {t.confirm}
            </Button>
          </Group>
          {action.failure !== null && <ErrorAlert error={action.failure} />}
        </Stack>
      </Modal>
      {action.slow && <Working label={t.sending} />}
      <Success>{action.done}</Success>
    </Stack>
  );
}

export function ConferenceDocuments({ conference }: { conference: Conference }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const slow = useSlow(busy !== null);
  const download = async (which: ConferenceDocument, format: 'docx' | 'pdf') => {
    setBusy(`${which}-${format}`);
    setFailure(null);
    setDone(null);
    try {
      setDone(t.downloaded(await downloadConferenceDocument(conference.id, which, format)));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const button = (which: ConferenceDocument, format: 'docx' | 'pdf', label: string) => (
    <Button variant="default" size="md" onClick={() => void download(which, format)} loading={busy === `${which}-${format}`} disabled={busy !== null}>
      {label}
    </Button>
  );
  return (
    <Stack gap="sm">
      <Group gap="xs" role="group" aria-label={t.documentsTitle}>
        {button('convocation', 'docx', t.convocationDocx)}
        {button('convocation', 'pdf', t.convocationPdf)}
        {conference.abilities.manage && button('sign-in-sheet', 'docx', t.sheetDocx)}
        {conference.abilities.manage && button('sign-in-sheet', 'pdf', t.sheetPdf)}
      </Group>
      {slow && busy && <Working label={t.preparing} />}
      <Success>{done}</Success>
      {failure !== null && <ErrorAlert error={failure} />}
    </Stack>
  );
}
