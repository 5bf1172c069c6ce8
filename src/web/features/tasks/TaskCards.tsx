// A unit's tasks as cards (a phone reads them one under the other): status, the task, its unit, its
// plan and its deadline; overdue marked in red, never by colour alone.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import type { TaskCard } from './viewQueries';

const t = vi.taskViews;

/** The last day a task is on time: the day before its due moment in Hà Nội. */
export function lastDayOf(dueAt: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(new Date(dueAt).getTime() - 1));
}

export function TaskStatusBadge({ status, overdue }: { status: string; overdue: boolean }) {
  // Filled: white text on the dark shades keeps the contrast (a light badge of gray.7 does not).
  if (overdue) return <Badge variant="filled" color="red.9">{t.status.overdue}</Badge>;
  return <Badge variant="filled" color={status === 'done' ? 'green.9' : status === 'in-progress' ? 'blue.9' : 'gray.7'}>{t.status[status]}</Badge>;
}

export function TaskCards({ tasks, label }: { tasks: TaskCard[]; label: string }) {
  return (
    <Stack component="ul" gap="sm" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((task) => (
        <Paper
          component="li"
          key={task.id}
          withBorder
          p="md"
          radius="md"
          data-overdue={task.overdue || undefined}
          style={task.overdue ? { borderLeft: '6px solid var(--mantine-color-red-9)' } : undefined}
        >
          <Stack gap={6}>
            <Group gap="xs">
              <TaskStatusBadge status={task.status} overdue={task.overdue} />
              <Text fz="sm" fw={600}>
                {task.assigneeName}
              </Text>
            </Group>
            <AnchorLink to="/nhiem-vu/$taskId" params={{ taskId: task.id }} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {task.text}
            </AnchorLink>
            <Text fz="sm">
              {task.due ? t.card.due(task.due.phrase) : t.card.noDue}
              {task.dueAt && ` (${t.card.dueOn(formatDate(lastDayOf(task.dueAt)))})`}
            </Text>
            {task.completedOn && <Text fz="sm">{t.card.completedOn(formatDate(task.completedOn))}</Text>}
            <AnchorLink to="/ke-hoach/$planId" params={{ planId: task.planId }} fz="sm">
              <NoBreakNumbers>{t.card.plan(task.planNumber, task.planTitle)}</NoBreakNumbers>
            </AnchorLink>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
