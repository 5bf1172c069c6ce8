// For administrators: the e-mails that failed after their last retry, and the failed jobs per queue
// (GET /api/admin/jobs/failures).
import { Alert, Paper, Stack, Table, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { QueryStatus } from '../../components/feedback';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';

const t = vi.jobFailures;

interface JobFailures {
  emails: { id: string; title: string; kind: string; error: string; createdAt: string; personName: string; email: string | null }[];
  totalEmails: number;
  queueRunning: boolean;
  queues: { queue: string; failed: number }[];
}

export const jobFailuresQuery = queryOptions({
  queryKey: ['admin', 'jobs', 'failures'],
  queryFn: () => api<JobFailures>('/api/admin/jobs/failures'),
  retry: false,
});

export function JobFailuresSection() {
  const query = useQuery(jobFailuresQuery);
  const data = query.data;
  return (
    <Section id="settings-job-failures" title={t.title}>
      {!data ? (
        <QueryStatus query={query} />
      ) : (
        <Stack gap="md">
          <Text c="dimmed">{t.intro}</Text>
          {!data.queueRunning && <Alert color="yellow">{t.queueStopped}</Alert>}
          {data.queues.filter((q) => q.failed > 0).map((q) => (
            <Text key={q.queue}>{t.failedJobs(q.queue, q.failed)}</Text>
          ))}
          {data.totalEmails === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <Paper withBorder radius="md">
              <Text fw={600} p="sm">
                {t.total(data.totalEmails)}
              </Text>
              <Table.ScrollContainer minWidth={320}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.to}</Table.Th>
                      <Table.Th>{t.error}</Table.Th>
                      <Table.Th>{t.at}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.emails.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Text size="sm">{e.personName}</Text>
                          <Text size="sm" c="dimmed">
                            {e.email ?? vi.common.none}
                          </Text>
                          <Text size="sm">{e.title}</Text>
                        </Table.Td>
                        <Table.Td>{e.error}</Table.Td>
                        <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Stack>
      )}
    </Section>
  );
}
