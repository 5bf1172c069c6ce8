// The one-time code, shown once after a create or a reset, with a copy button.
import { Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import type { CodeAnswer } from './queries';

const t = vi.accounts;

export function CodeDialog({ name, username, answer, onClose }: { name: string; username: string; answer: CodeAnswer; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={t.codeTitle} closeButtonProps={{ 'aria-label': t.close }}>
      <Stack gap="md">
        <Text>{t.codeFor(name, username)}</Text>
        <Text component="output" ff="monospace" fz={32} fw={700} ta="center" aria-label={t.codeTitle} data-testid="one-time-code">
          {answer.oneTimeCode}
        </Text>
        <Text fz="sm" c="dimmed">
          {t.codeOnce} {t.codeExpires(formatDateTime(answer.expiresAt))}
        </Text>
        <Group justify="space-between">
          <CopyButton value={answer.oneTimeCode}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t.copied : t.copy}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t.close}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
