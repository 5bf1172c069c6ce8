// Asks before a reset: the password stops working and the person must sign in with the new code.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { vi } from '../../i18n/vi';

const t = vi.accounts;

export function ConfirmResetDialog({ name, busy, onConfirm, onClose }: { name: string; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={t.reset} closeButtonProps={{ 'aria-label': t.close }}>
      <Stack gap="md">
        <Text>{t.resetConfirm(name)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {t.resetRun}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
