// A cell's report on a phone: the session's figures (prefilled), the summary, opinions and proposals,
// a score per item with its maximum, the live total and rating, submit with a confirmation. The
// ward's view of the same report: return with a comment, accept, re-score (both scores shown).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';
import { PageFallback } from '../components/feedback';
import { FormMessages } from '../components/FormParts';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { ButtonLink } from '../components/links';
import { formatDate } from '../format';
import { reportStatusNames } from '../../domain/report-figures';
import { formatPoints, scoreReport, type Score } from '../../domain/rubrics';
import { reportDocumentUrl, sessionReportKey, sessionReportQuery, type ReportDetail, type SessionReport } from '../features/reports/queries';
import { cellReportRoute } from './cell-report';
import { PropagandaTotals } from '../features/propaganda/PropagandaTotals';
import { meKey } from '../features/auth/session';
import { discard, enqueue, flush, outboxEntries, useOutbox } from '../pwa/outbox';
import { ScoreInputs, scoresOf, valuesOf } from '../features/reports/ScoreInputs';
import { FiguresSection, ReadOnlyReport, Review } from '../features/reports/ReportSections';
import { vi } from '../i18n/vi';

export default CellReportPage;

const statusColor = { draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'green' } as const;
const t = vi.cellReport;
const f = vi.cellReportForm;
const forms = (['in-person', 'online', 'hybrid'] as const).map((value) => ({ value, label: t.forms[value] }));

function CellReportPage() {
  const { sessionId } = cellReportRoute.useParams();
  const query = useQuery(sessionReportQuery(sessionId));
  if (!query.data) return <PageFallback query={query} title={t.title} unavailable={{ title: t.unavailableTitle, message: t.unavailable }} />;
  const data = query.data;
  const report = data.report;
  return (
    <>
      <PageHeader
        title={t.heading(data.unitName)}
        below={
          <Group gap="xs">
            <Badge color={report ? statusColor[report.status] : 'gray'}>{report ? reportStatusNames[report.status] : t.notStarted}</Badge>
            {report?.onTime === false && <Badge color="red">{t.late}</Badge>}
            {report?.onTime === true && <Badge color="green">{t.onTime}</Badge>}
            <ButtonLink to="/sinh-hoat/$sessionId" params={{ sessionId }} variant="subtle" size="compact-md">
              {t.session}
            </ButtonLink>
          </Group>
        }
      />
      <Stack gap="xl">
        {report?.locked && (
          <Alert color="blue" title={t.lockedTitle}>
            {t.locked}
          </Alert>
        )}
        {report?.status === 'returned' && report.returnComment && (
          <Alert color="orange" title={t.returnedTitle}>
            {report.returnComment}
          </Alert>
        )}
        <FiguresSection figures={report?.figures ?? data.prefill.figures} />
        {(report ? report.abilities.edit || report.abilities.submit : data.abilities.write) ? (
          <ReportForm key={`${report?.id ?? 'new'}-${report?.version ?? 0}`} sessionId={sessionId} data={data} />
        ) : report ? (
          <ReadOnlyReport report={report} />
        ) : (
          <Text>{t.none}</Text>
        )}
        {report && (report.abilities.review || report.abilities.rescore) && <Review key={`review-${report.version}`} sessionId={sessionId} report={report} />}
        {report?.wardScoring && (
          <Section id="report-ward-score" title={t.wardScoreTitle} framed>
            <Text>
              {t.wardScore(formatPoints(report.total), report.band ?? '—', formatPoints(report.wardScoring.total), report.wardScoring.band ?? '—')}
            </Text>
            {report.wardScoring.comment && <Text c="dimmed">{report.wardScoring.comment}</Text>}
          </Section>
        )}
        <Section id="report-propaganda" title={t.propagandaTitle} framed>
          <PropagandaTotals byChannel={data.propaganda ?? {}} none={t.propagandaNone} />
        </Section>
        {data.inspections.length > 0 && (
          <Section id="report-inspections" title={t.inspectionsTitle} framed>
            <Stack gap="sm">
              {data.inspections.map((i) => (
                <Stack key={i.id} gap={2}>
                  <Text fw={700}>
                    {t.inspection(formatDate(i.inspectedOn), i.inspectors)}
                  </Text>
                  <Text>{i.findings}</Text>
                  {i.adjustments.map((a) => (
                    <Text key={a.itemId} fz="sm">
                      {t.adjustment(a.itemId, formatPoints(a.points), a.reason)}
                    </Text>
                  ))}
                </Stack>
              ))}
            </Stack>
          </Section>
        )}
        {report && (
          <Section id="report-document" title={t.documentTitle} framed>
            <Group gap="md">
              <Anchor href={reportDocumentUrl(report.id, 'docx')} fz="lg">
                {t.docx}
              </Anchor>
              <Anchor href={reportDocumentUrl(report.id, 'pdf')} fz="lg">
                {t.pdf}
              </Anchor>
            </Group>
          </Section>
        )}
      </Stack>
    </>
  );
}

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
        label: f.queuedLabel(data.unitName),
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
  const saved = save.data === 'sent' ? f.saved : save.data === 'queued' ? f.queued : null;
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
    <Section id="report-form" title={f.title} framed>
      <Stack gap="md">
        <Select label={f.form} data={forms} value={form} onChange={(v) => v && edit(setForm)(v)} size="md" allowDeselect={false} />
        <TextInput label={f.reporter} value={reporter} onChange={(e) => edit(setReporter)(e.currentTarget.value)} size="md" />
        <Group grow>
          <TextInput type="date" label={f.reportDate} value={reportDate} onChange={(e) => edit(setReportDate)(e.currentTarget.value)} size="md" />
          <TextInput label={f.number} value={number} onChange={(e) => edit(setNumber)(e.currentTarget.value)} size="md" inputMode="numeric" />
        </Group>
        <Textarea label={f.summary} value={summary} onChange={(e) => edit(setSummary)(e.currentTarget.value)} autosize minRows={3} size="md" />
        <Textarea label={f.opinions} value={opinions} onChange={(e) => edit(setOpinions)(e.currentTarget.value)} autosize minRows={2} size="md" />
        <Textarea label={f.proposals} value={proposals} onChange={(e) => edit(setProposals)(e.currentTarget.value)} autosize minRows={2} size="md" />
        <Text fw={700} fz="lg">
          {f.selfScore}
        </Text>
        <Text fz="sm" c="dimmed">
          {rubric.title}
        </Text>
        <ScoreInputs rubric={rubric} values={values} onChange={(id, v) => { typed.current = true; setValues((old) => ({ ...old, [id]: v })); }} prefix="score" />
        <FormMessages failure={save.error ?? submit.error} done={save.isSuccess ? saved : null} />
        {save.isSuccess && save.data === 'conflict' && (
          <Text c="red.8" fw={600} role="alert">
            {f.conflict}
          </Text>
        )}
        <Button size="lg" variant="default" onClick={() => save.mutate()} loading={save.isPending} fullWidth>
          {f.saveDraft}
        </Button>
        <Button size="lg" onClick={() => setConfirm(true)} fullWidth disabled={!data.sessionHeldOn}>
          {f.submit}
        </Button>
        {!data.sessionHeldOn && <Text fz="sm">{f.afterHeld}</Text>}
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={f.confirmTitle} closeButtonProps={{ 'aria-label': f.close }}>
        <Stack gap="md">
          <Text>
            {f.confirm(formatPoints(total), band ?? '—')}
          </Text>
          <Group grow>
            <Button variant="default" onClick={() => setConfirm(false)}>
              {f.review}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {f.send}
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
