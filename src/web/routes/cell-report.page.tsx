// A cell's report on a phone: the session's figures (prefilled), the summary, opinions and proposals,
// a score per item with its maximum, the live total and rating, submit with a confirmation. The
// ward's view of the same report: return with a comment, accept, re-score (both scores shown).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';
import { PageFallback } from '../components/feedback';
import { FormMessages } from '../components/FormParts';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { ButtonLink } from '../components/links';
import { formatDate } from '../format';
import { formatCount, formatRate, reportStatusNames } from '../../domain/report-figures';
import { formatPoints, scoreReport, type Score } from '../../domain/rubrics';
import { reportDocumentUrl, sessionReportKey, sessionReportQuery, type Figures, type ReportDetail, type Rubric, type SessionReport } from '../features/reports/queries';
import { cellReportRoute } from './cell-report';
import { PropagandaTotals } from '../features/propaganda/PropagandaTotals';
import { meKey } from '../features/auth/session';
import { discard, enqueue, flush, outboxEntries, useOutbox } from '../pwa/outbox';

export default CellReportPage;

const statusColor = { draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'green' } as const;
const forms = [
  { value: 'in-person', label: 'Trực tiếp' },
  { value: 'online', label: 'Trực tuyến' },
  { value: 'hybrid', label: 'Trực tiếp kết hợp trực tuyến' },
];

function CellReportPage() {
  const { sessionId } = cellReportRoute.useParams();
  const query = useQuery(sessionReportQuery(sessionId));
  if (!query.data) return <PageFallback query={query} title="Báo cáo kết quả" unavailable={{ title: 'Không mở được báo cáo', message: 'Báo cáo không tồn tại hoặc đồng chí không có quyền xem.' }} />;
  const data = query.data;
  const report = data.report;
  return (
    <>
      <PageHeader
        title={`Báo cáo kết quả — ${data.unitName}`}
        below={
          <Group gap="xs">
            <Badge color={report ? statusColor[report.status] : 'gray'}>{report ? reportStatusNames[report.status] : 'Chưa lập'}</Badge>
            {report?.onTime === false && <Badge color="red">Gửi muộn</Badge>}
            {report?.onTime === true && <Badge color="green">Đúng hạn</Badge>}
            <ButtonLink to="/sinh-hoat/$sessionId" params={{ sessionId }} variant="subtle" size="compact-md">
              Buổi sinh hoạt
            </ButtonLink>
          </Group>
        }
      />
      <Stack gap="xl">
        {report?.locked && (
          <Alert color="blue" title="Số liệu đã khóa">
            Đảng ủy đã gửi báo cáo tổng hợp lên cấp trên nên báo cáo này đã khóa: không sửa, tiếp nhận, trả lại hay chấm lại được cho đến khi Đảng ủy mở lại báo cáo tổng hợp.
          </Alert>
        )}
        {report?.status === 'returned' && report.returnComment && (
          <Alert color="orange" title="Đảng ủy trả lại báo cáo">
            {report.returnComment}
          </Alert>
        )}
        <FiguresSection figures={report?.figures ?? data.prefill.figures} />
        {(report ? report.abilities.edit || report.abilities.submit : data.abilities.write) ? (
          <ReportForm key={`${report?.id ?? 'new'}-${report?.version ?? 0}`} sessionId={sessionId} data={data} />
        ) : report ? (
          <ReadOnlyReport report={report} />
        ) : (
          <Text>Chi bộ chưa lập báo cáo.</Text>
        )}
        {report && (report.abilities.review || report.abilities.rescore) && <Review key={`review-${report.version}`} sessionId={sessionId} report={report} />}
        {report?.wardScoring && (
          <Section id="report-ward-score" title="Đảng ủy chấm lại" framed>
            <Text>
              Chi bộ tự chấm {formatPoints(report.total)} điểm ({report.band ?? '—'}); Đảng ủy chấm {formatPoints(report.wardScoring.total)} điểm ({report.wardScoring.band ?? '—'}).
            </Text>
            {report.wardScoring.comment && <Text c="dimmed">{report.wardScoring.comment}</Text>}
          </Section>
        )}
        <Section id="report-propaganda" title="Kết quả tuyên truyền" framed>
          <PropagandaTotals byChannel={data.propaganda ?? {}} none="Chi bộ chưa ghi nhận kết quả tuyên truyền nào." />
        </Section>
        {data.inspections.length > 0 && (
          <Section id="report-inspections" title="Kiểm tra, giám sát" framed>
            <Stack gap="sm">
              {data.inspections.map((i) => (
                <Stack key={i.id} gap={2}>
                  <Text fw={700}>
                    Ngày {formatDate(i.inspectedOn)} — {i.inspectors}
                  </Text>
                  <Text>{i.findings}</Text>
                  {i.adjustments.map((a) => (
                    <Text key={a.itemId} fz="sm">
                      Tiêu chí {a.itemId}: đề nghị {formatPoints(a.points)} điểm{a.reason ? ` (${a.reason})` : ''}
                    </Text>
                  ))}
                </Stack>
              ))}
            </Stack>
          </Section>
        )}
        {report && (
          <Section id="report-document" title="Văn bản báo cáo" framed>
            <Group gap="md">
              <Anchor href={reportDocumentUrl(report.id, 'docx')} fz="lg">
                Tải DOCX
              </Anchor>
              <Anchor href={reportDocumentUrl(report.id, 'pdf')} fz="lg">
                Tải PDF
              </Anchor>
            </Group>
          </Section>
        )}
      </Stack>
    </>
  );
}

function FiguresSection({ figures }: { figures: Figures }) {
  const m = figures.members;
  const rows: [string, string][] = [
    ['Tổng số đảng viên', formatCount(m.total)],
    ['Miễn sinh hoạt', formatCount(m.exempt)],
    ['Phải tham gia', formatCount(m.expected)],
    ['Có mặt', `${formatCount(m.present)} (${formatRate(figures.rates.present)})`],
    ['Đến muộn', `${formatCount(m.late)} (${formatRate(figures.rates.late)})`],
    ['Vắng có lý do', `${formatCount(m.excused)} (${formatRate(figures.rates.excused)})`],
    ['Vắng không lý do', `${formatCount(m.absent)} (${formatRate(figures.rates.absent)})`],
    ['Đã học bù', formatCount(m.madeUp)],
    ['Tỷ lệ đã học tập', formatRate(figures.rates.studied)],
    ['Đoàn viên / hội viên / Nhân dân', `${formatCount(figures.reached.youth)} / ${formatCount(figures.reached.association)} / ${formatCount(figures.reached.public)}`],
  ];
  return (
    <Section id="report-figures" title="Số liệu từ buổi sinh hoạt" framed>
      <Table aria-labelledby="report-figures">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** "7,5" or "7.5" → 7.5; empty → undefined (not scored yet). */
const readPoints = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

function ScoreInputs({ rubric, values, onChange, prefix }: { rubric: Rubric; values: Record<string, string>; onChange: (id: string, v: string) => void; prefix: string }) {
  const scores: Score[] = Object.entries(values).flatMap(([itemId, v]) => (readPoints(v) === undefined ? [] : [{ itemId, points: readPoints(v)! }]));
  const valid = scores.every((s) => Number.isFinite(s.points));
  const { total, band } = scoreReport(rubric, valid ? scores : []);
  return (
    <Stack gap="md">
      {rubric.groups.map((g) => (
        <Stack key={g.name} gap="xs">
          <Text fw={700}>{g.name}</Text>
          {g.items.map((i) => {
            const v = readPoints(values[i.id] ?? '');
            const error = v !== undefined && (!Number.isFinite(v) || v < 0 || v > i.maxPoints) ? `Từ 0 đến ${formatPoints(i.maxPoints)} điểm.` : undefined;
            return (
              <TextInput
                key={i.id}
                id={`${prefix}-${i.id}`}
                label={`${i.id}. ${i.name} (tối đa ${formatPoints(i.maxPoints)})`}
                description={i.guidance || undefined}
                inputMode="decimal"
                size="md"
                value={values[i.id] ?? ''}
                error={error}
                onChange={(e) => onChange(i.id, e.currentTarget.value)}
              />
            );
          })}
        </Stack>
      ))}
      <Alert color={band === 'Chưa đạt' ? 'red' : 'blue'} role="status" aria-live="polite">
        Tổng điểm: <strong>{formatPoints(total)}</strong> — Xếp loại: <strong>{band ?? '—'}</strong>
      </Alert>
    </Stack>
  );
}

const scoresOf = (values: Record<string, string>): Score[] =>
  Object.entries(values).flatMap(([itemId, v]) => (readPoints(v) === undefined ? [] : [{ itemId, points: readPoints(v)! }]));
const valuesOf = (scores: readonly Score[]) => Object.fromEntries(scores.map((s) => [s.itemId, formatPoints(s.points)]));

/** The draft as it is sent (and queued on the device, decision 023). */
interface DraftBody {
  form: string;
  reporter: string;
  reportDate: string;
  number: string;
  summary: string;
  opinions: string;
  proposals: string;
  scores: Score[];
}

type Outcome = 'sent' | 'queued' | 'conflict';

function ReportForm({ sessionId, data }: { sessionId: string; data: SessionReport }) {
  const client = useQueryClient();
  const report = data.report;
  // A draft saved on the device and not sent yet is what the form shows (a reload loses nothing).
  const queued = useOutbox().find((e) => e.kind === 'report-draft' && e.target === sessionId);
  const queuedBody = queued?.body as DraftBody | undefined;
  const start = queuedBody ?? report ?? data.prefill;
  const [form, setForm] = useState<string>(start.form);
  const [reporter, setReporter] = useState(start.reporter);
  const [reportDate, setReportDate] = useState(start.reportDate);
  const [number, setNumber] = useState(queuedBody?.number ?? report?.number ?? '');
  const [summary, setSummary] = useState(start.summary);
  const [opinions, setOpinions] = useState(start.opinions);
  const [proposals, setProposals] = useState(queuedBody?.proposals ?? report?.proposals ?? '');
  const [values, setValues] = useState<Record<string, string>>(valuesOf(queuedBody?.scores ?? report?.scores ?? []));
  // The device reads its queue after the page has drawn: the queued draft then replaces the form's
  // values, unless the person has started typing.
  const typed = useRef(false);
  const shownQueued = useRef(queued?.key);
  useEffect(() => {
    if (!queuedBody || !queued || shownQueued.current === queued.key) return;
    shownQueued.current = queued.key;
    if (typed.current) return;
    setForm(queuedBody.form);
    setReporter(queuedBody.reporter);
    setReportDate(queuedBody.reportDate);
    setNumber(queuedBody.number);
    setSummary(queuedBody.summary);
    setOpinions(queuedBody.opinions);
    setProposals(queuedBody.proposals);
    setValues(valuesOf(queuedBody.scores));
  }, [queued, queuedBody]);
  const [confirm, setConfirm] = useState(false);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const rubric = report?.rubric ?? data.rubric;
  const body: DraftBody = { form, reporter, reportDate, number, summary, opinions, proposals, scores: scoresOf(values) };
  const refresh = () => client.invalidateQueries({ queryKey: sessionReportKey(sessionId) });
  // "Lưu bản nháp" goes through the device's queue: without a connection it is kept and sent later,
  // the create with its Idempotency-Key, an edit with the version it was made on.
  const save = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const entry = await enqueue({
        kind: 'report-draft',
        target: sessionId,
        label: `Báo cáo kết quả học tập — ${data.unitName}`,
        method: report ? 'PATCH' : 'POST',
        url: report ? `/api/reports/${report.id}` : `/api/sessions/${sessionId}/report`,
        body: report ? { version: report.version, ...body } : { ...body },
      });
      await flush(() => client.refetchQueries({ queryKey: meKey }));
      const left = outboxEntries().find((e) => e.key === entry.key);
      if (!left) return 'sent';
      if (left.state === 'pending') return 'queued';
      if (left.state === 'conflict') return 'conflict';
      await discard(left.key);
      throw new ApiError(left.problem!.status, left.problem!.id, left.problem!.message, left.problem);
    },
    onSuccess: refresh,
  });
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    typed.current = true;
    set(v);
  };
  const saved = save.data === 'sent' ? 'Đã lưu báo cáo.' : save.data === 'queued' ? 'Đã lưu bản nháp trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.' : null;
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await (report ? api<ReportDetail>(`/api/reports/${report.id}`, { method: 'PATCH', body: { version: report.version, ...body } }) : createWithKey(sessionId, body, idempotencyKey));
      return api<ReportDetail>(`/api/reports/${saved.id}/submit`, { method: 'POST', body: { version: saved.version } });
    },
    onSuccess: async () => {
      setConfirm(false);
      // A draft still queued on the device is older than what was just sent.
      if (queued) await discard(queued.key);
      return refresh();
    },
    onError: () => {
      setConfirm(false);
      return refresh();
    },
  });
  const { total, band } = scoreReport(rubric, scoresOf(values).filter((s) => Number.isFinite(s.points)));
  return (
    <Section id="report-form" title="Nội dung báo cáo" framed>
      <Stack gap="md">
        <Select label="Hình thức" data={forms} value={form} onChange={(v) => v && edit(setForm)(v)} size="md" allowDeselect={false} />
        <TextInput label="Báo cáo viên" value={reporter} onChange={(e) => edit(setReporter)(e.currentTarget.value)} size="md" />
        <Group grow>
          <TextInput type="date" label="Ngày báo cáo" value={reportDate} onChange={(e) => edit(setReportDate)(e.currentTarget.value)} size="md" />
          <TextInput label="Số (…-BC/CB)" value={number} onChange={(e) => edit(setNumber)(e.currentTarget.value)} size="md" inputMode="numeric" />
        </Group>
        <Textarea label="Tóm tắt nội dung thảo luận" value={summary} onChange={(e) => edit(setSummary)(e.currentTarget.value)} autosize minRows={3} size="md" />
        <Textarea label="Ý kiến của đảng viên" value={opinions} onChange={(e) => edit(setOpinions)(e.currentTarget.value)} autosize minRows={2} size="md" />
        <Textarea label="Kiến nghị, đề xuất" value={proposals} onChange={(e) => edit(setProposals)(e.currentTarget.value)} autosize minRows={2} size="md" />
        <Text fw={700} fz="lg">
          Tự chấm điểm
        </Text>
        <Text fz="sm" c="dimmed">
          {rubric.title}
        </Text>
        <ScoreInputs rubric={rubric} values={values} onChange={(id, v) => { typed.current = true; setValues((old) => ({ ...old, [id]: v })); }} prefix="score" />
        <FormMessages failure={save.error ?? submit.error} done={save.isSuccess ? saved : null} />
        {save.isSuccess && save.data === 'conflict' && (
          <Text c="red.8" fw={600} role="alert">
            Chưa gửi được: báo cáo trên máy chủ đã thay đổi. Hãy xem mục “Chưa gửi” ở đầu trang.
          </Text>
        )}
        <Button size="lg" variant="default" onClick={() => save.mutate()} loading={save.isPending} fullWidth>
          Lưu bản nháp
        </Button>
        <Button size="lg" onClick={() => setConfirm(true)} fullWidth disabled={!data.sessionHeldOn}>
          Gửi báo cáo
        </Button>
        {!data.sessionHeldOn && <Text fz="sm">Gửi được sau khi buổi sinh hoạt được xác nhận đã tổ chức.</Text>}
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Gửi báo cáo lên Đảng ủy?" closeButtonProps={{ 'aria-label': 'Đóng' }}>
        <Stack gap="md">
          <Text>
            Tổng điểm {formatPoints(total)}, xếp loại {band ?? '—'}. Sau khi gửi, chi bộ không sửa được nữa trừ khi Đảng ủy trả lại.
          </Text>
          <Group grow>
            <Button variant="default" onClick={() => setConfirm(false)}>
              Xem lại
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              Gửi
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}

/** A create the phone may retry: the same key answers with the report already made. */
const createWithKey = (sessionId: string, body: unknown, key: string) =>
  api<ReportDetail>(`/api/sessions/${encodeURIComponent(sessionId)}/report`, { method: 'POST', body, idempotencyKey: key });

function ReadOnlyReport({ report }: { report: ReportDetail }) {
  const points = new Map(report.scores.map((s) => [s.itemId, s.points]));
  const ward = new Map((report.wardScoring?.scores ?? []).map((s) => [s.itemId, s.points]));
  return (
    <Section id="report-content" title="Nội dung báo cáo" framed>
      <Stack gap="sm">
        <Text>Báo cáo viên: {report.reporter}</Text>
        <Text>Ngày báo cáo: {formatDate(report.reportDate)}</Text>
        <Text fw={700}>Tóm tắt nội dung thảo luận</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{report.summary || '—'}</Text>
        <Text fw={700}>Ý kiến, kiến nghị, đề xuất</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{[report.opinions, report.proposals].filter(Boolean).join('\n') || '—'}</Text>
        <Table aria-label="Điểm tự chấm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th>Tối đa</Table.Th>
              <Table.Th>Chi bộ</Table.Th>
              {report.wardScoring && <Table.Th>Đảng ủy</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rubric.groups.flatMap((g) => g.items).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {i.id}. {i.name}
                </Table.Td>
                <Table.Td>{formatPoints(i.maxPoints)}</Table.Td>
                <Table.Td>{points.has(i.id) ? formatPoints(points.get(i.id)!) : '—'}</Table.Td>
                {report.wardScoring && <Table.Td>{ward.has(i.id) ? formatPoints(ward.get(i.id)!) : '—'}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={700}>
          Tổng: {formatPoints(report.total)} — {report.band ?? '—'}
        </Text>
      </Stack>
    </Section>
  );
}

function Review({ sessionId, report }: { sessionId: string; report: ReportDetail }) {
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [values, setValues] = useState<Record<string, string>>(valuesOf(report.wardScoring?.scores ?? report.scores));
  const refresh = () => client.invalidateQueries({ queryKey: sessionReportKey(sessionId) });
  const act = useMutation({
    mutationFn: (action: 'return' | 'accept') => api<ReportDetail>(`/api/reports/${report.id}/${action}`, { method: 'POST', body: { version: report.version, comment: comment || undefined } }),
    onSuccess: refresh,
  });
  const rescore = useMutation({
    mutationFn: () => api<ReportDetail>(`/api/reports/${report.id}/rescore`, { method: 'POST', body: { version: report.version, scores: scoresOf(values), comment: comment || undefined } }),
    onSuccess: refresh,
  });
  return (
    <Section id="report-review" title="Đảng ủy xem xét" framed>
      <Stack gap="md">
        <Textarea label="Ý kiến của Đảng ủy" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} size="md" />
        <FormMessages failure={act.error ?? rescore.error} />
        {report.abilities.review && (
          <Group grow>
            <Button size="md" color="orange" variant="light" onClick={() => act.mutate('return')} loading={act.isPending && act.variables === 'return'}>
              Trả lại
            </Button>
            <Button size="md" onClick={() => act.mutate('accept')} loading={act.isPending && act.variables === 'accept'}>
              Tiếp nhận
            </Button>
          </Group>
        )}
        {report.abilities.rescore && (
          <>
            <Text fw={700}>Chấm lại</Text>
            <ScoreInputs rubric={report.rubric} values={values} onChange={(id, v) => setValues((old) => ({ ...old, [id]: v }))} prefix="ward" />
            <Button size="md" variant="default" onClick={() => rescore.mutate()} loading={rescore.isPending}>
              Lưu điểm chấm lại
            </Button>
          </>
        )}
      </Stack>
    </Section>
  );
}
