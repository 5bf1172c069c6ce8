// Shared states of every page: loading, an error with the server's Vietnamese message, no access.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { errorMessage } from '../api';
import { vi } from '../i18n/vi';

/** A spinner with words, announced politely; it appears only after a short delay to avoid flicker. */
export function Loading({ label = vi.common.loading, delay = 200 }: { label?: string; delay?: number }) {
  const [visible, setVisible] = useState(delay === 0);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), delay);
    return () => clearTimeout(timer);
  }, [delay]);
  return (
    <Center py="xl" role="status" aria-live="polite">
      {visible && (
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text>{label}</Text>
        </Group>
      )}
    </Center>
  );
}

export function ErrorAlert({ error, title = vi.errors.title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} role="alert" my="md">
      <Stack gap="sm" align="flex-start">
        <Text>{errorMessage(error)}</Text>
        {onRetry && (
          <Button variant="default" size="sm" onClick={onRetry}>
            {vi.common.retry}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function Notice({ title, children, color = 'gray' }: { title: string; children?: ReactNode; color?: string }) {
  return (
    <Alert color={color} title={title} my="md">
      {children}
    </Alert>
  );
}
