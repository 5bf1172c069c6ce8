// The unit's study sessions as cards on its page: the plan, the state, when and where, and a big link.
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../../components/feedback';
import { ButtonLink } from '../../components/links';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../format';
import { s, statusColor, statusName } from './labels';
import { unitSessionsQuery } from './queries';

export function UnitSessions({ unitId }: { unitId: string }) {
  const query = useQuery(unitSessionsQuery(unitId));
  return (
    <Section id="unit-sessions" title={s.sectionTitle}>
      <QueryStatus query={query} />
      {query.data && query.data.length === 0 && <Text c="dimmed">{s.none}</Text>}
      <Stack gap="sm" component="ul" aria-labelledby="unit-sessions" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {query.data?.map((session) => (
          <Card key={session.id} withBorder component="li" padding="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Text fw={700}>{session.kind === 'make-up' ? s.makeUp : s.regular}{session.planNumber ? ` — Kế hoạch ${session.planNumber}` : ''}</Text>
                <Badge color={statusColor[session.status]}>{statusName(session.status)}</Badge>
              </Group>
              <Text fz="sm" lineClamp={2}>{session.planTitle}</Text>
              <Text fz="md">{session.heldOn ? `Đã tổ chức ngày ${formatDate(session.heldOn)}` : session.scheduledAt ? `${formatDateTime(session.scheduledAt)}${session.place ? ` · ${session.place}` : ''}` : 'Chưa lên lịch'}</Text>
              <ButtonLink to="/sinh-hoat/$sessionId" params={{ sessionId: session.id }} size="md" fullWidth>
                {s.open}
              </ButtonLink>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Section>
  );
}
