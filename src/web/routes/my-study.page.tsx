import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { ErrorAlert, PageFallback, Success } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../format';
import { meKey } from '../features/auth/session';
import { CONFLICT_TEXT, QUEUED_TEXT, saveOffline, useOutbox } from '../pwa/outbox';

/** The quiz's counted score (0–1) as a mark out of 10, as the quiz page shows it. */
const quizText = (q: { best: number | null; attempts: number }) =>
  q.best === null ? `đang làm (${q.attempts} lần)` : `${(Math.round(q.best * 100) / 10).toLocaleString('vi-VN')}/10 điểm (${q.attempts} lần)`;

export default MyStudyPage;

export interface Review {
  result: 'passed' | 'failed';
  resultName: string;
  comment: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
}
export interface Reflection {
  id: string;
  planId: string;
  memberId: string;
  memberName: string;
  reflection: string;
  commitment: string;
  submittedAt: string;
  late: boolean;
  review: Review | null;
  version: number;
  canEdit: boolean;
  canReview: boolean;
}
interface StudyPlan {
  planId: string;
  planNumber: string | null;
  planTitle: string;
  issuedOn: string | null;
  deadline: string | null;
  overdue: boolean;
  resolutions: { id: string; number: string; issuer: string; issuedOn: string | null; subject: string; content: string; attachments: { id: string; fileName: string; size: number }[] }[];
  reflection: Reflection | null;
}
interface Study {
  member: { id: string; fullName: string; cellName: string } | null;
  plans: StudyPlan[];
}
interface RecordRow {
  number: string;
  planId: string;
  attendance: string | null;
  reflection: { late: boolean; review: Review | null } | null;
  quiz: { best: number | null; attempts: number } | null;
}

const studyKey = ['my', 'study'];
const attendanceNames: Record<string, string> = { present: 'Có mặt', late: 'Đến muộn', 'made-up': 'Đã học bù', excused: 'Vắng có lý do', absent: 'Vắng không lý do' };
const paragraphs = (text: string) => text.split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

export function ReviewBadge({ reflection }: { reflection: Reflection | null }) {
  if (!reflection) return <Badge color="gray">Chưa nộp</Badge>;
  return (
    <Group gap={4} wrap="wrap">
      {reflection.review ? <Badge color={reflection.review.result === 'passed' ? 'green' : 'red'}>{reflection.review.resultName}</Badge> : <Badge color="blue">Chờ nhận xét</Badge>}
      {reflection.late && <Badge color="orange">Nộp trễ hạn</Badge>}
    </Group>
  );
}

function MyStudyPage() {
  const study = useQuery({ queryKey: studyKey, queryFn: ({ signal }) => api<Study>('/api/my/study', { signal }) });
  if (!study.data) return <PageFallback query={study} title="Học tập của tôi" />;
  const { member, plans } = study.data;
  if (!member) {
    return (
      <>
        <PageHeader title="Học tập của tôi" />
        <Alert color="gray">Tài khoản này không gắn với một đảng viên nên không có nghị quyết phải học tập.</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Học tập của tôi" below={<Text>{`${member.fullName} · ${member.cellName}`}</Text>} />
      <Stack gap="xl">
        {plans.length === 0 && <Text c="dimmed">Chưa có nghị quyết nào phải học tập.</Text>}
        {plans.map((plan) => (
          <PlanStudy key={plan.planId} plan={plan} />
        ))}
        <YearRecord memberId={member.id} />
      </Stack>
    </>
  );
}

function PlanStudy({ plan }: { plan: StudyPlan }) {
  const titled = `${plan.resolutions.map((r) => `Nghị quyết ${r.number}`).join(', ') || plan.planTitle}${plan.planNumber ? ` (KH ${plan.planNumber})` : ''}`;
  return (
    <Section id={`plan-${plan.planId}`} title={titled}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {plan.planNumber ? `Theo Kế hoạch số ${plan.planNumber}` : 'Theo kế hoạch'}
          {plan.issuedOn ? ` ngày ${formatDate(plan.issuedOn)}` : ''}
        </Text>
        {plan.resolutions.map((r) => (
          <Card key={r.id} withBorder padding="sm" component="article" aria-label={`Nội dung Nghị quyết ${r.number}${plan.planNumber ? ` (KH ${plan.planNumber})` : ''}`}>
            <Title order={3} fz="md">
              Nghị quyết số {r.number}
            </Title>
            <Text fz="sm" c="dimmed">
              {r.issuer}
              {r.issuedOn ? `, ngày ${formatDate(r.issuedOn)}` : ''}
            </Text>
            <Text fw={600} mt="xs" style={{ overflowWrap: 'anywhere' }}>
              {r.subject}
            </Text>
            <Title order={4} fz="sm" mt="sm">
              Nội dung cốt lõi
            </Title>
            {paragraphs(r.content).length ? (
              paragraphs(r.content).map((p, i) => (
                <Text key={i} mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {p}
                </Text>
              ))
            ) : (
              <Text c="dimmed">Nội dung đang được cập nhật.</Text>
            )}
            {r.attachments.length > 0 && (
              <Stack gap={2} mt="sm" component="ul" aria-label="Tài liệu" style={listStyle}>
                {r.attachments.map((f) => (
                  <li key={f.id}>
                    <Anchor href={`/api/resolutions/${r.id}/attachments/${f.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {f.fileName}
                    </Anchor>
                  </li>
                ))}
              </Stack>
            )}
          </Card>
        ))}
        <ReflectionCard plan={plan} />
      </Stack>
    </Section>
  );
}

function ReflectionCard({ plan }: { plan: StudyPlan }) {
  const client = useQueryClient();
  const own = plan.reflection;
  // A reflection saved on the device and not sent yet is what the form shows (a reload loses nothing).
  const queued = useOutbox().find((e) => e.kind === 'reflection' && e.target === plan.planId);
  const [editing, setEditing] = useState(!own || Boolean(queued));
  const [form, setForm] = useState(() => ({ reflection: String(queued?.body.reflection ?? own?.reflection ?? ''), commitment: String(queued?.body.commitment ?? own?.commitment ?? '') }));
  const [done, setDone] = useState<string | null>(null);
  // The device reads its queue after the page has drawn: the queued text then fills the form, unless
  // the person has started typing.
  const typed = useRef(false);
  const shown = useRef(queued?.key);
  useEffect(() => {
    if (!queued || shown.current === queued.key) return;
    shown.current = queued.key;
    setEditing(true);
    if (!typed.current) setForm({ reflection: String(queued.body.reflection ?? ''), commitment: String(queued.body.commitment ?? '') });
  }, [queued]);
  // Saved through the device's queue (decision 029): without a connection it is kept and sent later.
  // A first reflection is a create under a new id each time (an earlier save that did arrive makes
  // this one a conflict shown with both, never a silent replay); an edit goes with its version.
  const save = useMutation({
    mutationFn: () =>
      saveOffline(
        {
          kind: 'reflection',
          target: plan.planId,
          record: own ? `reflection:${own.id}` : undefined,
          label: `Bài thu hoạch — ${plan.planNumber ? `KH ${plan.planNumber}` : plan.planTitle}`,
          method: own ? 'PATCH' : 'POST',
          url: own ? `/api/reflections/${own.id}` : `/api/plans/${plan.planId}/reflections`,
          body: own ? { version: own.version, reflection: form.reflection, commitment: form.commitment } : { id: crypto.randomUUID(), ...form },
        },
        () => client.refetchQueries({ queryKey: meKey }),
      ),
    onSuccess: async (result) => {
      typed.current = false;
      if (result.outcome === 'sent') {
        setDone((result.answer as Reflection | null)?.late ? 'Đã nộp bài thu hoạch (sau hạn: được ghi nộp trễ hạn).' : 'Đã nộp bài thu hoạch.');
        setEditing(false);
        await client.invalidateQueries({ queryKey: studyKey });
      } else setDone(result.outcome === 'queued' ? QUEUED_TEXT : CONFLICT_TEXT);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const heading = `Bài thu hoạch và bản cam kết`;
  return (
    <Card withBorder padding="sm" component="section" aria-label={`${heading}${plan.planNumber ? ` (KH ${plan.planNumber})` : ''}`}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} fz="md">
          {heading}
        </Title>
        <ReviewBadge reflection={own} />
      </Group>
      <Text fz="sm" mt={4}>
        {plan.deadline ? `Hạn nộp: ${formatDate(plan.deadline)}` : 'Kế hoạch không đặt hạn nộp.'}
        {plan.overdue && !own ? ' (đã quá hạn: bài nộp vẫn được nhận và ghi nộp trễ hạn)' : ''}
      </Text>
      <Success>{done}</Success>
      {own?.review && (
        <Alert color={own.review.result === 'passed' ? 'green' : 'red'} mt="sm" title={`Nhận xét của bí thư chi bộ: ${own.review.resultName}`}>
          {own.review.comment && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{own.review.comment}</Text>}
          <Text fz="sm">
            {own.review.reviewerName ?? ''}
            {own.review.reviewedAt ? `, ${formatDateTime(own.review.reviewedAt)}` : ''}
          </Text>
        </Alert>
      )}
      {own && !editing && (
        <Stack gap="xs" mt="sm">
          <Text fz="sm" c="dimmed">
            Nộp lúc {formatDateTime(own.submittedAt)}
          </Text>
          <Title order={4} fz="sm">
            Bài thu hoạch
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{own.reflection}</Text>
          <Title order={4} fz="sm">
            Bản cam kết
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{own.commitment}</Text>
          {own.canEdit && (
            <Group>
              <Button variant="light" size="md" onClick={() => setEditing(true)}>
                Sửa bài
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {editing && (
        <form onSubmit={submit} aria-label="Viết bài thu hoạch">
          <Stack gap="sm" mt="sm">
            <Textarea label="Bài thu hoạch" description="Những nội dung cốt lõi đồng chí nắm được và liên hệ bản thân" size="md" autosize minRows={5} required value={form.reflection} onChange={(e) => {
                const reflection = e.currentTarget.value;
                typed.current = true;
                setForm((f) => ({ ...f, reflection }));
              }} />
            <Textarea label="Bản cam kết" description="Việc làm cụ thể của cá nhân để thực hiện nghị quyết" size="md" autosize minRows={3} required value={form.commitment} onChange={(e) => {
                const commitment = e.currentTarget.value;
                typed.current = true;
                setForm((f) => ({ ...f, commitment }));
              }} />
            {save.error && <ErrorAlert error={save.error} />}
            <Group>
              <Button type="submit" size="md" loading={save.isPending}>
                {own ? 'Lưu bài đã sửa' : 'Nộp bài thu hoạch'}
              </Button>
              {own && (
                <Button variant="default" size="md" onClick={() => setEditing(false)}>
                  Thôi
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function YearRecord({ memberId }: { memberId: string }) {
  const year = new Date().getFullYear();
  const record = useQuery({ queryKey: ['members', memberId, 'record', year], queryFn: ({ signal }) => api<{ resolutions: RecordRow[] }>(`/api/members/${memberId}/record?year=${year}`, { signal }) });
  return (
    <Section id="record" title={`Kết quả học tập năm ${year}`}>
      {record.data && record.data.resolutions.length === 0 && <Text c="dimmed">Chưa có nghị quyết nào trong năm.</Text>}
      <Stack gap="xs" component="ul" aria-label={`Kết quả học tập năm ${year}`} style={listStyle}>
        {record.data?.resolutions.map((r) => (
          <Card key={`${r.planId}-${r.number}`} component="li" withBorder padding="sm">
            <Text fw={600}>Nghị quyết {r.number}</Text>
            <Text fz="sm">Dự học tập: {r.attendance ? attendanceNames[r.attendance] : 'Chưa điểm danh'}</Text>
            <Text fz="sm">
              Bài thu hoạch: {r.reflection ? `${r.reflection.review?.resultName ?? 'Chờ nhận xét'}${r.reflection.late ? ' (nộp trễ hạn)' : ''}` : 'Chưa nộp'}
            </Text>
            {r.quiz && (
              <Text fz="sm">
                Bài kiểm tra: {quizText(r.quiz)}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      <Group gap="md" mt="sm">
        <Anchor href={`/api/members/${memberId}/record.docx?year=${year}`}>Tải phiếu tổng hợp (DOCX)</Anchor>
        <Anchor href={`/api/members/${memberId}/record.pdf?year=${year}`}>Tải phiếu tổng hợp (PDF)</Anchor>
      </Group>
    </Section>
  );
}
