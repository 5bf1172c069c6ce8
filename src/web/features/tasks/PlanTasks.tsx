// The plan's "Nhiệm vụ": its tasks in section IV order, as cards that read on a phone. A task given to
// a group of units is one rolled-up line ("32/41 xong, 5 quá hạn") that opens into its units; a
// single task shows its assignee, deadline and status. On a draft: what issuing will create.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageFallback } from '../../components/feedback';
import { AnchorLink } from '../../components/links';
import { k, shownStatus, statusColors, statusNames } from './labels';
import { planTasksQuery, type PlanTask } from './queries';

export function PlanTasks({ planId }: { planId: string }) {
  const query = useQuery(planTasksQuery(planId));
  if (!query.data) return <PageFallback query={query} title={k.sectionTitle} />;
  const { preview, tasks } = query.data;
  return (
    <Stack gap="sm">
      {preview && <Text c="dimmed">{k.previewNote}</Text>}
      {tasks.length === 0 && <Text>{k.empty}</Text>}
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={k.listLabel}>
        {tasks.map((task, i) => (
          <li key={task.id ?? i}>
            <TaskCard task={task} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function StatusBadge({ task }: { task: Pick<PlanTask, 'status' | 'overdue'> }) {
  const shown = shownStatus(task);
  return (
    <Badge color={statusColors[shown]} variant="light" style={{ flexShrink: 0 }}>
      {statusNames[shown]}
    </Badge>
  );
}

function TaskCard({ task }: { task: PlanTask }) {
  const [open, setOpen] = useState(false);
  const children = task.children;
  const listId = `task-units-${task.id ?? task.sourceLine}`;
  return (
    <Card withBorder padding="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {task.assigneeName}
            {!task.assigneeResolved && (
              <Text span fz="sm" c="dimmed" fw={400}>
                {' '}
                ({k.unresolved})
              </Text>
            )}
          </Text>
          {!children && <StatusBadge task={task} />}
        </Group>
        <Text style={{ overflowWrap: 'anywhere' }}>
          {task.id && !children ? (
            <AnchorLink to="/nhiem-vu/$taskId" params={{ taskId: task.id }}>
              {task.text}
            </AnchorLink>
          ) : (
            task.text
          )}
        </Text>
        <Text fz="sm" c="dimmed">
          {task.due ? task.due.phrase : k.noDue}
        </Text>
        {task.warnings?.map((w) => (
          <Alert key={w} color="yellow" p="xs">
            {w}
          </Alert>
        ))}
        {children && task.rollUp && (
          <>
            <Group justify="space-between" gap="xs">
              <Text fw={600} c={task.rollUp.overdue > 0 ? 'red.8' : undefined}>
                {k.rollUp(task.rollUp)}
              </Text>
              <Button variant="subtle" size="compact-md" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((v) => !v)}>
                {open ? k.hideUnits : k.showUnits(children.length)}
              </Button>
            </Group>
            {open && (
              <Stack gap={4} component="ul" id={listId} m={0} p={0} style={{ listStyle: 'none' }}>
                {children.map((c, i) => (
                  <Group key={c.id ?? i} component="li" justify="space-between" gap="xs" wrap="nowrap">
                    {c.id ? (
                      <AnchorLink to="/nhiem-vu/$taskId" params={{ taskId: c.id }} style={{ overflowWrap: 'anywhere' }}>
                        {c.assigneeName}
                      </AnchorLink>
                    ) : (
                      <Text style={{ overflowWrap: 'anywhere' }}>{c.assigneeName}</Text>
                    )}
                    <StatusBadge task={c} />
                  </Group>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
