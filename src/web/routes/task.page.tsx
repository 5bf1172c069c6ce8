// The task page: what the unit must do, by when, its status; evidence (files with upload progress,
// notes), "Hoàn thành" with a confirmation, and the task's history.
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, uploadFile, type UploadProgress } from '../api';
import { Facts } from '../components/Facts';
import { FileField } from '../components/FileField';
import { PageFallback } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { Working } from '../components/Working';
import { formatDate, formatDateTime } from '../format';
import { historyNames, k, shownStatus, statusColors, statusNames } from '../features/tasks/labels';
import { evidenceUrl, planTasksKey, taskKey, taskQuery, type TaskDetail } from '../features/tasks/queries';
import { taskRoute } from './task';

export default TaskPage;

function TaskPage() {
  const { taskId } = taskRoute.useParams();
  const query = useQuery(taskQuery(taskId));
  if (!query.data) return <PageFallback query={query} title={k.pageTitle} unavailable={{ title: k.unavailableTitle, message: k.unavailable }} />;
  const task = query.data;
  const shown = shownStatus(task);
  const planName = task.plan.number !== null ? `Kế hoạch số ${task.plan.number}-${task.plan.symbol}` : k.plan;
  return (
    <>
      <PageHeader
        title={`${k.pageTitle} — ${task.assigneeName}`}
        above={
          <AnchorLink to="/ke-hoach/$planId" params={{ planId: task.plan.id }} fz="sm">
            ‹ {k.backToPlan}
          </AnchorLink>
        }
        below={
          <Badge color={statusColors[shown]} size="lg">
            {statusNames[shown]}
          </Badge>
        }
      />
      <Stack gap="xl">
        <Section id="task-facts" title={k.pageTitle} framed>
          <Stack gap="sm">
            <Text style={{ overflowWrap: 'anywhere' }}>{task.text}</Text>
            <Facts
              rows={[
                [k.plan, <AnchorLink key="p" to="/ke-hoach/$planId" params={{ planId: task.plan.id }}>{planName}</AnchorLink>],
                [k.assignee, task.assigneeName],
                ...(task.parent ? ([[k.groupOf, task.parent.assigneeLabel]] as [string, React.ReactNode][]) : []),
                [k.due, task.due ? task.due.phrase : k.noDue],
                [k.status, statusNames[shown]],
                ...(task.completedOn ? ([[k.completedOn, formatDate(task.completedOn)]] as [string, React.ReactNode][]) : []),
                ...(task.completionNote ? ([[k.completionNote, task.completionNote]] as [string, React.ReactNode][]) : []),
              ]}
            />
            {task.abilities.work && <Actions task={task} />}
          </Stack>
        </Section>
        <Section id="task-evidence" title={k.evidence} framed>
          <Evidence task={task} />
        </Section>
        <Section id="task-history" title={k.history}>
          <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {task.history.map((h, i) => (
              <li key={i}>
                <Text fz="sm">
                  <strong>{formatDateTime(h.at)}</strong> — {historyNames[h.action] ?? h.action}
                  {h.byName ? ` (${h.byName})` : ''}
                  {h.note ? `: ${h.note}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function useRefresh(task: TaskDetail) {
  const client = useQueryClient();
  return (next?: TaskDetail) => {
    if (next) client.setQueryData(taskKey(task.id!), next);
    void client.invalidateQueries({ queryKey: taskKey(task.id!) });
    void client.invalidateQueries({ queryKey: planTasksKey(task.plan.id) });
  };
}

function Actions({ task }: { task: TaskDetail }) {
  const refresh = useRefresh(task);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const complete = useMutation({
    mutationFn: () => api<TaskDetail>(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { version: task.version, note: note.trim() || undefined } }),
    onSuccess: (next) => {
      setConfirming(false);
      refresh(next);
    },
  });
  const start = useMutation({
    mutationFn: () => api<TaskDetail>(`/api/tasks/${task.id}`, { method: 'PATCH', body: { version: task.version, status: 'in-progress' } }),
    onSuccess: (next) => refresh(next),
  });
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {task.abilities.complete && (
          <Button size="md" onClick={() => setConfirming(true)}>
            {k.complete}
          </Button>
        )}
        {task.status === 'not-started' && (
          <Button size="md" variant="default" loading={start.isPending} onClick={() => start.mutate()}>
            {k.start}
          </Button>
        )}
      </Group>
      {start.isError && <Text c="red.8" role="alert">{errorMessage(start.error)}</Text>}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={k.completeTitle} closeButtonProps={{ 'aria-label': k.close }}>
        <Stack gap="sm">
          <Text>{k.completeQuestion}</Text>
          <Textarea label={k.completionNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {complete.isError && <Text c="red.8" role="alert">{errorMessage(complete.error)}</Text>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {k.cancel}
            </Button>
            <Button loading={complete.isPending} onClick={() => complete.mutate()}>
              {k.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Evidence({ task }: { task: TaskDetail }) {
  const refresh = useRefresh(task);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  // One key per piece of evidence: a retried or double-clicked send adds it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const add = useMutation({
    mutationFn: () =>
      file
        ? uploadFile(`/api/tasks/${task.id}/evidence`, file, setProgress, undefined, note.trim() ? { note: note.trim() } : {}, key)
        : api(`/api/tasks/${task.id}/evidence`, { method: 'POST', body: { note }, idempotencyKey: key }),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      setFile(null);
      setNote('');
      refresh();
    },
    onSettled: () => setProgress(null),
  });
  return (
    <Stack gap="md">
      {task.evidence.length === 0 ? (
        <Text c="dimmed">{k.noEvidence}</Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {task.evidence.map((e) => (
            <Card key={e.id} component="li" withBorder padding="xs">
              {e.fileName && (
                <Anchor href={evidenceUrl(task.id!, e.id)} target="_blank" style={{ overflowWrap: 'anywhere' }}>
                  {e.fileName}
                </Anchor>
              )}
              {e.note && <Text style={{ overflowWrap: 'anywhere' }}>{e.note}</Text>}
              <Text fz="sm" c="dimmed">
                {formatDateTime(e.createdAt)}
                {e.byName ? ` — ${e.byName}` : ''}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {task.abilities.work && (
        <Stack gap="sm" maw={560}>
          <FileField label={k.file} value={file} onChange={setFile} clearable placeholder="Chọn tệp" accept="application/pdf,.pdf,.docx,image/jpeg,image/png" />
          <Textarea label={k.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {progress && <Working label={k.uploading} percent={progress.percent} />}
          {add.isError && <Text c="red.8" role="alert">{errorMessage(add.error)}</Text>}
          <Group>
            <Button size="md" loading={add.isPending} disabled={!file && !note.trim()} onClick={() => add.mutate()}>
              {k.addEvidence}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
