// Shared states of every page: loading, an error with the server's Vietnamese message, a notice.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { PageHeader } from './PageHeader';
import { CommuneRequired } from '../features/accounts/CommunePicker';

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

/** Whether the server asked a province account to name the commune (400 commune.required). */
const needsCommune = (error: unknown) => error instanceof ApiError && error.id === 'commune.required';

export function ErrorAlert({ error, title = vi.errors.title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  // A province account over several communes is asked to choose one, never shown the error.
  if (needsCommune(error)) return <CommuneRequired />;
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

/** What a query shows until it has data: the spinner, or its error with a retry. */
export function QueryStatus({ query, loadingLabel }: { query: UseQueryResult<unknown>; loadingLabel?: string }) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}

/**
 * A record's page until the record is there: the spinner, then, if it cannot be read (not found,
 * no access: the server answers alike), a fallback heading with the server's reason.
 */
export function PageFallback({
  query,
  title,
  above,
  unavailable,
}: {
  query: UseQueryResult<unknown>;
  title: string;
  above?: ReactNode;
  /** What to say, calmly, when the record is not there for this user (403/404) instead of an error. */
  unavailable?: { title: string; message: string };
}) {
  if (query.isPending) return <Loading />;
  const missing = unavailable && query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
  return (
    <>
      <PageHeader title={title} above={above} />
      {missing ? (
        <Notice title={unavailable.title} color="blue">
          {unavailable.message}
        </Notice>
      ) : (
        <ErrorAlert error={query.error} />
      )}
    </>
  );
}

/** What an action achieved ("Đã lưu …"), announced politely; nothing when there is no message. */
export function Success({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Alert color="green" role="status">
      {children}
    </Alert>
  );
}
