// The parts of a cell report's page around the form: the figures from the session, the report as
// read once it left the draft, and the ward's review (return, accept, re-score).
import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { FormMessages } from '../../components/FormParts';
import { Section } from '../../components/Section';
import { formatDate } from '../../format';
import { formatCount, formatRate } from '../../../domain/report-figures';
import { formatPoints } from '../../../domain/rubrics';
import { sessionReportKey, type Figures, type ReportDetail } from './queries';
import { ScoreInputs, scoresOf, valuesOf } from './ScoreInputs';
import { vi } from '../../i18n/vi';

const f = vi.reportFigures;
const c = vi.reportContent;
const r = vi.reportReview;

export function FiguresSection({ figures }: { figures: Figures }) {
  const m = figures.members;
  const rows: [string, string][] = [
    [f.total, formatCount(m.total)],
    [f.exempt, formatCount(m.exempt)],
    [f.expected, formatCount(m.expected)],
    [f.present, `${formatCount(m.present)} (${formatRate(figures.rates.present)})`],
    [f.late, `${formatCount(m.late)} (${formatRate(figures.rates.late)})`],
    [f.excused, `${formatCount(m.excused)} (${formatRate(figures.rates.excused)})`],
    [f.absent, `${formatCount(m.absent)} (${formatRate(figures.rates.absent)})`],
    [f.madeUp, formatCount(m.madeUp)],
    [f.studied, formatRate(figures.rates.studied)],
    [f.reached, `${formatCount(figures.reached.youth)} / ${formatCount(figures.reached.association)} / ${formatCount(figures.reached.public)}`],
  ];
  return (
    <Section id="report-figures" title={f.title} framed>
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

export function ReadOnlyReport({ report }: { report: ReportDetail }) {
  const points = new Map(report.scores.map((s) => [s.itemId, s.points]));
  const ward = new Map((report.wardScoring?.scores ?? []).map((s) => [s.itemId, s.points]));
  return (
    <Section id="report-content" title={c.title} framed>
      <Stack gap="sm">
        <Text>{c.reporter(report.reporter)}</Text>
        <Text>{c.reportDate(formatDate(report.reportDate))}</Text>
        <Text fw={700}>{c.summary}</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{report.summary || '—'}</Text>
        <Text fw={700}>{c.opinions}</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{[report.opinions, report.proposals].filter(Boolean).join('\n') || '—'}</Text>
        <Table aria-label={c.scores}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.item}</Table.Th>
              <Table.Th>{c.max}</Table.Th>
              <Table.Th>{c.cell}</Table.Th>
              {report.wardScoring && <Table.Th>{c.ward}</Table.Th>}
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
          {c.total(formatPoints(report.total), report.band ?? '—')}
        </Text>
      </Stack>
    </Section>
  );
}

export function Review({ sessionId, report }: { sessionId: string; report: ReportDetail }) {
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
    <Section id="report-review" title={r.title} framed>
      <Stack gap="md">
        <Textarea label={r.comment} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} size="md" />
        <FormMessages failure={act.error ?? rescore.error} />
        {report.abilities.review && (
          <Group grow>
            <Button size="md" color="orange" variant="light" onClick={() => act.mutate('return')} loading={act.isPending && act.variables === 'return'}>
              {r.return}
            </Button>
            <Button size="md" onClick={() => act.mutate('accept')} loading={act.isPending && act.variables === 'accept'}>
              {r.accept}
            </Button>
          </Group>
        )}
        {report.abilities.rescore && (
          <>
            <Text fw={700}>{r.rescore}</Text>
            <ScoreInputs rubric={report.rubric} values={values} onChange={(id, v) => setValues((old) => ({ ...old, [id]: v }))} prefix="ward" />
            <Button size="md" variant="default" onClick={() => rescore.mutate()} loading={rescore.isPending}>
              {r.saveRescore}
            </Button>
          </>
        )}
      </Stack>
    </Section>
  );
}
