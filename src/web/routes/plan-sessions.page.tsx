import { useState } from 'react';
import { Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageFallback, QueryStatus } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { Stat } from '../components/Stat';
import { s, statusColor, statusName } from '../features/sessions/labels';
import { overviewQuery, planSessionsQuery } from '../features/sessions/queries';
import { formatDate, formatDateTime } from '../format';
import type { StudySessionStatus } from '../../domain/study-sessions';
import { planSessionsRoute } from './plan-sessions';

export default PlanSessionsPage;

const statuses: StudySessionStatus[] = ['not-scheduled', 'scheduled', 'held', 'overdue', 'at-conference'];

function PlanSessionsPage() {
  const { planId } = planSessionsRoute.useParams();
  const overview = useQuery(overviewQuery(planId));
  const sessions = useQuery(planSessionsQuery(planId));
  const [filter, setFilter] = useState<'all' | StudySessionStatus>('all');
  if (!overview.data) return <PageFallback query={overview} title={s.overviewTitle} unavailable={{ title: s.unavailableTitle, message: s.unavailable }} />;
  const { counts, makeUp } = overview.data;
  const regular = (sessions.data ?? []).filter((x) => x.kind === 'regular');
  const shown = regular.filter((x) => filter === 'all' || x.status === filter);
  return (
    <>
      <PageHeader title={s.overviewTitle} below={<AnchorLink to="/ke-hoach/$planId" params={{ planId }}>Về kế hoạch</AnchorLink>} />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0} spacing="sm">
          {statuses.map((status) => (
            <Stat key={status} label={statusName(status)} value={counts[status]} alert={status === 'overdue' && counts[status] > 0} />
          ))}
        </SimpleGrid>
        <Section id="sessions-list" title="Các chi bộ">
          <NativeSelect
            label={s.filter}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as typeof filter)}
            data={[{ value: 'all', label: `${s.all} (${regular.length})` }, ...statuses.map((st) => ({ value: st, label: `${statusName(st)} (${counts[st]})` }))]}
            size="md"
            mb="sm"
            maw={360}
          />
          <QueryStatus query={sessions} />
          <Stack gap="xs" component="ul" aria-label="Buổi sinh hoạt của các chi bộ" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {shown.map((x) => (
              <Card key={x.id} component="li" withBorder padding="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <AnchorLink to="/sinh-hoat/$sessionId" params={{ sessionId: x.id }} fw={600}>
                    {x.unitName}
                  </AnchorLink>
                  <Badge color={statusColor[x.status]}>{statusName(x.status)}</Badge>
                </Group>
                <Text fz="sm">{x.heldOn ? `Đã tổ chức ${formatDate(x.heldOn)}` : x.scheduledAt ? `Lịch: ${formatDateTime(x.scheduledAt)}` : 'Chưa lên lịch'}</Text>
              </Card>
            ))}
          </Stack>
        </Section>
        <Section id="make-up-backlog" title={s.backlog}>
          <Text mb="sm" role="status">{s.backlogCounts(makeUp)}</Text>
          {makeUp.cells.length === 0 && <Text c="dimmed">{s.backlogNone}</Text>}
          <Stack gap="xs" component="ul" aria-label={s.backlog} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {makeUp.cells.map((cell) => (
              <Card key={cell.unitId} component="li" withBorder padding="sm">
                <Text fw={600}>{cell.unitName}</Text>
                <Text fz="sm">{s.backlogCounts(cell)}</Text>
                {cell.missing > 0 && <Text fz="sm">Còn thiếu: {cell.members.filter((m) => !m.madeUp).map((m) => m.fullName).join(', ')}</Text>}
              </Card>
            ))}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
