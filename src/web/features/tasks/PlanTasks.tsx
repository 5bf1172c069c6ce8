// The plan's "Nhiệm vụ": its tasks in section IV order, as cards that read on a phone. A task given to
// a group of units is one rolled-up line ("32/41 xong, 5 quá hạn") that opens into its units; a
// single task shows its assignee, deadline and status. On a draft: what issuing will create.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, PageFallback, Success } from '../../components/feedback';
import { unitsQuery } from '../units/queries';
import { AnchorLink } from '../../components/links';
import { k, shownStatus, statusColors, statusNames } from './labels';
import { assignTaskUnit, planTasksKey, planTasksQuery, type PlanTask } from './queries';

export function PlanTasks({ planId, canAssign = false }: { planId: string; canAssign?: boolean }) {
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
            {preview && canAssign && !task.children && <AssignUnit planId={planId} task={task} />}
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
            {task.assigneeMapped && (
              <Text span fz="sm" c="dimmed" fw={400}>
                {' '}
                ({k.mapped})
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

/**
 * On a draft, for the office: the unit a section IV phrase means, chosen from the commune's open units
 * (or back to the names' matching). The commune remembers it for its later plans.
 */
function AssignUnit({ planId, task }: { planId: string; task: PlanTask }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const options = (units.data ?? []).filter((u) => !u.closedOn && u.kind !== 'province').map((u) => ({ value: u.id, label: u.name }));
  const save = async (unitId: string) => {
    setFailure(null);
    setDone(null);
    setSaving(true);
    try {
      queryClient.setQueryData(planTasksKey(planId), await assignTaskUnit(planId, task.assigneeLabel, unitId || null));
      setDone(k.assigned);
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap={4} mt={4}>
      <NativeSelect
        label={k.assignLabel(task.assigneeLabel)}
        description={k.assignHint}
        value={task.assigneeMapped ? (task.assigneeUnitId ?? '') : ''}
        disabled={saving || !units.data}
        onChange={(e) => void save(e.currentTarget.value)}
        data={[{ value: '', label: k.assignAuto }, ...options]}
      />
      <Success>{done}</Success>
      {failure !== null && <ErrorAlert error={failure} />}
    </Stack>
  );
}
