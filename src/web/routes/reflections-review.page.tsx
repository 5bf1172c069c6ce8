import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, Group, NativeSelect, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, ApiError } from '../api';
import { ErrorAlert, PageFallback, QueryStatus, Success } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../format';
import { ReviewBadge, type Reflection } from './my-study.page';
import { reflectionsReviewRoute } from './reflections-review';
import { vi } from '../i18n/vi';

export default ReflectionsReviewPage;

interface PlanRow {
  id: string;
  status: string;
  number: number | null;
  symbol: string;
  title: string;
  issuedOn: string | null;
}
interface CellList {
  deadline: string | null;
  deadlineSetByWard: boolean;
  deadlineVersion: number;
  canSetDeadline: boolean;
  cells: {
    unitId: string;
    unitName: string;
    canReview: boolean;
    counts: { members: number; submitted: number; late: number; passed: number; failed: number; waiting: number };
    members: { memberId: string; fullName: string; exempt: boolean; reflection: Reflection | null }[];
  }[];
}

const t = vi.reflectionsReview;
const d = vi.reflectionDeadline;
const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;
const planName = (p: PlanRow) => t.planName(p.number, p.symbol, p.issuedOn ? formatDate(p.issuedOn) : null);

function ReflectionsReviewPage() {
  const search = reflectionsReviewRoute.useSearch();
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['plans', 'issued-for-reflections'], queryFn: ({ signal }) => api<{ plans: PlanRow[] }>('/api/plans', { signal }) });
  if (!plans.data) return <PageFallback query={plans} title={t.title} />;
  const issued = plans.data.plans.filter((p) => p.status === 'issued').sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''));
  const planId = search.plan && issued.some((p) => p.id === search.plan) ? search.plan : issued[0]?.id;
  return (
    <>
      <PageHeader title={t.title} />
      <Stack gap="lg">
        {issued.length === 0 ? (
          <Text c="dimmed">{t.noIssuedPlan}</Text>
        ) : (
          <NativeSelect
            label={t.plan}
            size="md"
            maw={560}
            value={planId}
            onChange={(e) => void navigate({ to: '/thu-hoach', search: { plan: e.currentTarget.value } })}
            data={issued.map((p) => ({ value: p.id, label: planName(p) }))}
          />
        )}
        {planId && <PlanReflections planId={planId} />}
      </Stack>
    </>
  );
}

function PlanReflections({ planId }: { planId: string }) {
  const key = ['plans', planId, 'reflections'];
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api<CellList>(`/api/plans/${planId}/reflections`, { signal }) });
  if (!list.data) return <QueryStatus query={list} />;
  const year = new Date().getFullYear();
  return (
    <Stack gap="xl">
      {list.data.canSetDeadline ? (
        <DeadlineForm key={planId} planId={planId} list={list.data} queryKey={key} />
      ) : (
        <Text>{list.data.deadline ? d.current(formatDate(list.data.deadline)) : d.noneInPlan}</Text>
      )}
      {list.data.cells.length === 0 && <Text c="dimmed">{t.noCells}</Text>}
      {list.data.cells.map((cell) => (
        <Section key={cell.unitId} id={`cell-${cell.unitId}`} title={cell.unitName}>
          <Text fz="sm" mb="xs">
            {t.cellCounts(cell.counts)}
          </Text>
          <Anchor href={`/api/units/${cell.unitId}/record.xlsx?year=${year}`} fz="sm" display="inline-block" mb="sm">
            {t.recordXlsx(year)}
          </Anchor>
          <Stack gap="xs" component="ul" aria-label={t.cellList(cell.unitName)} style={listStyle}>
            {cell.members.map((m) => (
              <Card key={m.memberId} component="li" withBorder padding="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600}>{m.fullName}</Text>
                  <ReviewBadge reflection={m.reflection} />
                </Group>
                {m.reflection && <ReflectionReview reflection={m.reflection} queryKey={key} />}
              </Card>
            ))}
          </Stack>
        </Section>
      ))}
    </Stack>
  );
}

/**
 * The ward staff set or change the plan's deadline for reflections (PUT /api/plans/:id/reflection-deadline,
 * with the version read: someone else's change in between is a 409, and the form reloads the current one).
 */
function DeadlineForm({ planId, list, queryKey }: { planId: string; list: CellList; queryKey: string[] }) {
  const client = useQueryClient();
  const [dueOn, setDueOn] = useState(list.deadline ?? '');
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<{ dueOn: string | null; version: number }>(`/api/plans/${planId}/reflection-deadline`, { method: 'PUT', body: { dueOn, version: list.deadlineVersion } }),
    onSuccess: async (saved) => {
      setDone(d.saved(saved.dueOn ? formatDate(saved.dueOn) : '—'));
      await client.invalidateQueries({ queryKey });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) await client.invalidateQueries({ queryKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const stale = save.error instanceof ApiError && save.error.status === 409;
  return (
    <form onSubmit={submit} aria-label={d.form}>
      <Stack gap="xs" maw={560}>
        <Text>
          {list.deadline ? d.current(formatDate(list.deadline)) : d.noneSet}
          {list.deadline && !list.deadlineSetByWard ? d.fromPlan : ''}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="date" label={list.deadlineSetByWard ? d.change : d.set} size="md" required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} w={220} />
          <Button type="submit" size="md" loading={save.isPending} disabled={!dueOn || (list.deadlineSetByWard && dueOn === list.deadline)}>
            {d.save}
          </Button>
        </Group>
        {save.error && !stale && <ErrorAlert error={save.error} />}
        {stale && <Text c="orange.9" role="alert">{d.stale}</Text>}
        <Success>{done}</Success>
      </Stack>
    </form>
  );
}

function ReflectionReview({ reflection: r, queryKey }: { reflection: Reflection; queryKey: string[] }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<'passed' | 'failed'>(r.review?.result ?? 'passed');
  const [comment, setComment] = useState(r.review?.comment ?? '');
  const review = useMutation({
    mutationFn: () => api<Reflection>(`/api/reflections/${r.id}/review`, { method: 'POST', body: { version: r.version, result, comment: comment.trim() || null } }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate();
  };
  const openLabel = r.review || !r.canReview ? t.read : t.readAndReview;
  return (
    <Stack gap={4} mt="xs">
      <Text fz="sm" c="dimmed">
        {t.submittedAt(formatDateTime(r.submittedAt))}
      </Text>
      {!open && (
        <Group>
          <Button variant="light" size="sm" onClick={() => setOpen(true)} aria-label={`${openLabel}: ${r.memberName}`}>
            {openLabel}
          </Button>
        </Group>
      )}
      {open && (
        <>
          <Title order={4} fz="sm">
            {t.reflection}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.reflection}</Text>
          <Title order={4} fz="sm">
            {t.commitment}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.commitment}</Text>
          {r.review?.comment && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t.comment(r.review.comment)}
            </Text>
          )}
          {r.canReview && (
            <form onSubmit={submit} aria-label={t.reviewForm(r.memberName)}>
              <Stack gap="sm" mt="xs">
                <Radio.Group label={t.result} value={result} onChange={(v) => setResult(v as 'passed' | 'failed')}>
                  <Group gap="lg" mt={4}>
                    <Radio value="passed" label={t.passed} />
                    <Radio value="failed" label={t.failed} />
                  </Group>
                </Radio.Group>
                <Textarea label={t.commentLabel} size="md" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
                {review.error && <ErrorAlert error={review.error} />}
                <Group>
                  <Button type="submit" size="md" loading={review.isPending}>
                    {t.saveReview}
                  </Button>
                  <Button variant="default" size="md" onClick={() => setOpen(false)}>
                    {t.close}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Stack>
  );
}
