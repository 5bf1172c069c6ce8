// The files of a document: each one downloadable; for the ward office, a PDF or Word file to add,
// with its progress when it takes more than a second and a clear reason when it is refused
// (too large, not really a PDF or DOCX).
import { useRef, useState } from 'react';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert, Success } from '../../components/feedback';
import { FileField } from '../../components/FileField';
import { DownloadIcon, FileIcon } from '../../components/icons';
import { useSlowProgress } from '../../components/progress';
import { Section } from '../../components/Section';
import { Working } from '../../components/Working';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { fileKind, formatSize } from './format';
import { MAX_ATTACHMENT_BYTES, attachmentUrl, resolutionKeys, uploadAttachment, type Attachment } from './queries';

const t = vi.resolutions.attachments;

export function Attachments({ resolutionId, attachments, canEdit }: { resolutionId: string; attachments: Attachment[]; canEdit: boolean }) {
  return (
    <Section id="resolution-attachments" title={t.title}>
      <Stack gap="md">
        {attachments.length === 0 ? (
          <Text>{t.none}</Text>
        ) : (
          <Stack component="ul" gap="xs" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {attachments.map((file) => (
              <Paper component="li" key={file.id} withBorder p="sm" radius="md">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <FileIcon style={{ flex: 'none', marginTop: 4 }} />
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Anchor href={attachmentUrl(resolutionId, file.id)} download={file.fileName} fw={600} aria-label={t.download(file.fileName)}>
                      {file.fileName}
                    </Anchor>
                    <Text fz="sm" c="dimmed">
                      {fileKind(file.contentType)} · {formatSize(file.size)} · {t.uploaded(formatDateTime(file.createdAt))}
                    </Text>
                  </Stack>
                  <Anchor href={attachmentUrl(resolutionId, file.id)} download={file.fileName} aria-hidden tabIndex={-1} c="dimmed" style={{ flex: 'none' }}>
                    <DownloadIcon />
                  </Anchor>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {canEdit && <UploadAttachment resolutionId={resolutionId} />}
      </Stack>
    </Section>
  );
}

function UploadAttachment({ resolutionId }: { resolutionId: string }) {
  const queryClient = useQueryClient();
  const progress = useSlowProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  // The input is cleared after each upload, so that the same file name can be chosen again.
  const [inputKey, setInputKey] = useState(0);
  const run = useRef(0);

  const upload = async (file: File | null) => {
    setError(null);
    setDone(null);
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(new ApiError(413, 'payload-too-large', t.tooLarge));
      setInputKey((k) => k + 1);
      return;
    }
    if (file.size === 0) {
      setError(new ApiError(400, 'upload.empty', t.empty));
      setInputKey((k) => k + 1);
      return;
    }
    const id = ++run.current;
    setBusy(true);
    try {
      const saved = await progress.track((onProgress) => uploadAttachment(resolutionId, file, onProgress));
      if (id !== run.current) return;
      setDone(t.done(saved.fileName));
      await queryClient.invalidateQueries({ queryKey: resolutionKeys.detail(resolutionId) });
    } catch (e) {
      if (id !== run.current) return;
      setError(e instanceof ApiError && e.status === 413 ? new ApiError(413, e.id, t.tooLarge) : e);
    } finally {
      if (id === run.current) {
        setBusy(false);
        setInputKey((k) => k + 1);
      }
    }
  };

  return (
    <Stack gap="sm" maw={560}>
      <FileField
        key={inputKey}
        label={t.upload}
        description={t.uploadHint}
        placeholder={t.uploadPlaceholder}
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(file) => void upload(file)}
        disabled={busy}
      />
      {busy && progress.slow && <Working label={progress.percent !== null ? vi.common.uploading(progress.percent) : t.processing} percent={progress.percent} />}
      <Success>{done}</Success>
      {error !== null && <ErrorAlert error={error} title={t.failedTitle} />}
    </Stack>
  );
}
