// The parts every form ends or starts with: its messages (an unexpected failure, a notice such as
// "nothing changed", what the save achieved) and its buttons (save, and cancel where there is one).
import { Alert, Button, Group } from '@mantine/core';
import { vi } from '../i18n/vi';
import { ErrorAlert, Success } from './feedback';

export function FormMessages({ failure, notice, done }: { failure: unknown; notice?: string | null; done?: string | null }) {
  return (
    <>
      {failure !== null && failure !== undefined && <ErrorAlert error={failure} />}
      {notice && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      <Success>{done}</Success>
    </>
  );
}

export function FormButtons({ saving, submitLabel = vi.common.save, onCancel }: { saving: boolean; submitLabel?: string; onCancel?: () => void }) {
  return (
    <Group>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={saving}>
          {vi.common.cancel}
        </Button>
      )}
    </Group>
  );
}
