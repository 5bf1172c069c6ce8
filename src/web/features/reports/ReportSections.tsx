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

export function FiguresSection({ figures }: { figures: Figures }) {
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

export function ReadOnlyReport({ report }: { report: ReportDetail }) {
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
