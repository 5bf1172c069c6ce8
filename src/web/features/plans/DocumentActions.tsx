// The plan as an official document: DOCX (editable in Word), PDF (made by LibreOffice on the
// server; when it cannot, the server's message says how to enable it) and the HTML preview, which
// opens in a new tab and prints to A4.
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert, Success } from '../../components/feedback';
import { DownloadIcon, FileIcon } from '../../components/icons';
import { useSlow } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { documentUrl, downloadDocument } from './queries';

const t = vi.plans;

export function DocumentActions({ planId }: { planId: string }) {
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const slow = useSlow(busy !== null);

  const download = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    setFailure(null);
    setDone(null);
    try {
      const name = await downloadDocument(planId, format);
      setDone(t.downloaded(name));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="xs" role="group" aria-label={t.documentsLabel}>
        <Button variant="default" leftSection={<DownloadIcon />} onClick={() => void download('docx')} loading={busy === 'docx'} disabled={busy !== null}>
          {t.downloadDocx}
        </Button>
        <Button variant="default" leftSection={<DownloadIcon />} onClick={() => void download('pdf')} loading={busy === 'pdf'} disabled={busy !== null}>
          {t.downloadPdf}
        </Button>
        <Button
          component="a"
          href={documentUrl(planId, 'html')}
          target="_blank"
          rel="noopener"
          variant="default"
          leftSection={<FileIcon />}
          aria-describedby="plan-preview-hint"
        >
          {t.preview}
        </Button>
      </Group>
      <Text id="plan-preview-hint" fz="sm" c="dimmed">
        {t.previewHint}
      </Text>
      {slow && busy && <Working label={t.preparing(busy.toUpperCase())} />}
      <Success>{done}</Success>
      {failure !== null && <ErrorAlert error={failure} />}
    </Stack>
  );
}
