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

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;
const planName = (p: PlanRow) => `${p.number ? `Kế hoạch số ${p.number}-${p.symbol}` : 'Kế hoạch'}${p.issuedOn ? ` (${formatDate(p.issuedOn)})` : ''}`;

function ReflectionsReviewPage() {
  const search = reflectionsReviewRoute.useSearch();
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['plans', 'issued-for-reflections'], queryFn: ({ signal }) => api<{ plans: PlanRow[] }>('/api/plans', { signal }) });
  if (!plans.data) return <PageFallback query={plans} title="Bài thu hoạch" />;
  const issued = plans.data.plans.filter((p) => p.status === 'issued').sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''));
  const planId = search.plan && issued.some((p) => p.id === search.plan) ? search.plan : issued[0]?.id;
  return (
    <>
      <PageHeader title="Bài thu hoạch" />
      <Stack gap="lg">
        {issued.length === 0 ? (
          <Text c="dimmed">Chưa có kế hoạch nào được ban hành.</Text>
        ) : (
          <NativeSelect
            label="Kế hoạch"
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
        <Text>{list.data.deadline ? `Hạn nộp bài thu hoạch: ${formatDate(list.data.deadline)}` : 'Kế hoạch không đặt hạn nộp bài thu hoạch.'}</Text>
      )}
      {list.data.cells.length === 0 && <Text c="dimmed">Không có chi bộ nào để xem.</Text>}
      {list.data.cells.map((cell) => (
        <Section key={cell.unitId} id={`cell-${cell.unitId}`} title={cell.unitName}>
          <Text fz="sm" mb="xs">
            Đã nộp {cell.counts.submitted}/{cell.counts.members} (trễ hạn {cell.counts.late}) · Chờ nhận xét {cell.counts.waiting} · Đạt {cell.counts.passed} · Chưa đạt {cell.counts.failed}
          </Text>
          <Anchor href={`/api/units/${cell.unitId}/record.xlsx?year=${year}`} fz="sm" display="inline-block" mb="sm">
            Tải kết quả học tập năm {year} của chi bộ (XLSX)
          </Anchor>
          <Stack gap="xs" component="ul" aria-label={`Bài thu hoạch của ${cell.unitName}`} style={listStyle}>
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
      setDone(`Đã đặt hạn nộp bài thu hoạch: ${saved.dueOn ? formatDate(saved.dueOn) : '—'}. Đảng viên thấy hạn mới ở trang Học tập của tôi.`);
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
    <form onSubmit={submit} aria-label="Hạn nộp bài thu hoạch">
      <Stack gap="xs" maw={560}>
        <Text>
          {list.deadline ? `Hạn nộp bài thu hoạch: ${formatDate(list.deadline)}` : 'Kế hoạch chưa có hạn nộp bài thu hoạch.'}
          {list.deadline && !list.deadlineSetByWard ? ' (theo thời hạn của cấp cơ sở trong kế hoạch)' : ''}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="date" label={list.deadlineSetByWard ? 'Đổi hạn nộp' : 'Đặt hạn nộp'} size="md" required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} w={220} />
          <Button type="submit" size="md" loading={save.isPending} disabled={!dueOn || (list.deadlineSetByWard && dueOn === list.deadline)}>
            Lưu hạn nộp
          </Button>
        </Group>
        {save.error && !stale && <ErrorAlert error={save.error} />}
        {stale && <Text c="orange.9" role="alert">Hạn nộp vừa được người khác đổi: trang đã tải hạn mới nhất, hãy chọn lại nếu cần.</Text>}
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
  const openLabel = r.review || !r.canReview ? 'Đọc bài' : 'Đọc và nhận xét';
  return (
    <Stack gap={4} mt="xs">
      <Text fz="sm" c="dimmed">
        Nộp lúc {formatDateTime(r.submittedAt)}
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
            Bài thu hoạch
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.reflection}</Text>
          <Title order={4} fz="sm">
            Bản cam kết
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.commitment}</Text>
          {r.review?.comment && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              Nhận xét: {r.review.comment}
            </Text>
          )}
          {r.canReview && (
            <form onSubmit={submit} aria-label={`Nhận xét bài của ${r.memberName}`}>
              <Stack gap="sm" mt="xs">
                <Radio.Group label="Kết quả" value={result} onChange={(v) => setResult(v as 'passed' | 'failed')}>
                  <Group gap="lg" mt={4}>
                    <Radio value="passed" label="Đạt" />
                    <Radio value="failed" label="Chưa đạt" />
                  </Group>
                </Radio.Group>
                <Textarea label="Nhận xét" size="md" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
                {review.error && <ErrorAlert error={review.error} />}
                <Group>
                  <Button type="submit" size="md" loading={review.isPending}>
                    Lưu nhận xét
                  </Button>
                  <Button variant="default" size="md" onClick={() => setOpen(false)}>
                    Đóng
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
