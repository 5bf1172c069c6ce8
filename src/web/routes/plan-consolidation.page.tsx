// The ward's consolidation of a plan on any screen: completeness and timeliness against the plan's own
// deadline ("95,7 %", "—" when nothing is due), the members' figures, the ratings as a chart (and as
// text), every cell's report (a table on wide screens, cards on phones), the missing cells with one
// "Nhắc tất cả", and the consolidated report: difficulties and proposals, DOCX/XLSX, submit upward
// (which locks the cells' reports) and reopen.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { PageFallback, QueryStatus } from '../components/feedback';
import { FormMessages } from '../components/FormParts';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveList } from '../components/ResponsiveList';
import { Section } from '../components/Section';
import { AnchorLink } from '../components/links';
import { formatDate, formatDateTime } from '../format';
import { formatCount, formatRate, reportStatusNames } from '../../domain/report-figures';
import { formatPoints } from '../../domain/rubrics';
import { consolidationQuery, consolidatedReportDocumentUrl, consolidatedReportKey, consolidatedReportQuery, type Consolidation, type ConsolidatedReport } from '../features/reports/queries';
import { planConsolidationRoute } from './plan-consolidation';
import { Figure } from '../components/Figure';
import { PropagandaTotals, propagandaTotalsUrl, type TotalsResponse } from '../features/propaganda/PropagandaTotals';

export default PlanConsolidationPage;

type Cell = Consolidation['cells'][number];
const statusColor = { draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'green', missing: 'red' } as const;
const statusName = (status: Cell['status']) => (status === 'missing' ? 'Chưa lập' : reportStatusNames[status]);
const wardStatusName = { draft: 'Bản nháp', submitted: 'Đã gửi cấp trên', reopened: 'Đã mở lại' } as const;

function PlanConsolidationPage() {
  const { planId } = planConsolidationRoute.useParams();
  const query = useQuery(consolidationQuery(planId));
  const ward = useQuery(consolidatedReportQuery(planId));
  const propaganda = useQuery({ queryKey: ['plans', planId, 'propaganda', 'totals'], queryFn: () => api<TotalsResponse>(propagandaTotalsUrl(planId)), retry: false });
  if (!query.data) return <PageFallback query={query} title="Tổng hợp báo cáo" unavailable={{ title: 'Không mở được tổng hợp', message: 'Kế hoạch không tồn tại hoặc đồng chí không có quyền xem tổng hợp báo cáo.' }} />;
  const c = query.data;
  const m = c.members;
  const attended = m.present + m.late;
  const missing = c.cells.filter((x) => x.status === 'missing' || x.status === 'draft' || x.status === 'returned');
  const ratings = Object.entries(c.ratings).map(([band, count]) => ({ band, count }));
  return (
    <>
      <PageHeader
        title="Tổng hợp báo cáo của các chi bộ"
        below={
          <Group gap="md">
            <AnchorLink to="/ke-hoach/$planId" params={{ planId }}>
              Về kế hoạch
            </AnchorLink>
            {c.dueAt && <Text>Hạn báo cáo: {formatDateTime(c.dueAt)}</Text>}
          </Group>
        }
      />
      <Stack gap="xl">
        <Section id="consolidation-figures" title="Tiến độ báo cáo">
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
            <Figure label="Đầy đủ" value={formatRate(c.completeness)} detail={`${formatCount(c.submitted)}/${formatCount(c.expected)} chi bộ đã gửi`} />
            <Figure label="Đúng hạn" value={formatRate(c.timeliness)} detail={`${formatCount(c.onTime)}/${formatCount(c.expected)} chi bộ`} />
            <Figure label="Gửi muộn" value={formatCount(c.late)} />
            <Figure label="Chưa báo cáo" value={formatCount(c.missing)} />
          </SimpleGrid>
        </Section>

        <Section id="consolidation-members" title="Đảng viên tham gia">
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
            <Figure label="Tham gia" value={`${formatCount(attended)}/${formatCount(m.expected)}`} detail={formatRate(m.expected ? attended / m.expected : null)} />
            <Figure label="Đến muộn" value={formatCount(m.late)} />
            <Figure label="Vắng có lý do" value={formatCount(m.excused)} />
            <Figure label="Vắng không lý do" value={formatCount(m.absent)} />
            <Figure label="Đã học bù" value={formatCount(m.madeUp)} />
          </SimpleGrid>
          <Text fz="sm" c="dimmed" mt="xs">
            Tính trên các báo cáo đã gửi và đã tiếp nhận.
          </Text>
        </Section>

        <Section id="consolidation-ratings" title="Xếp loại chất lượng">
          <figure style={{ margin: 0 }} aria-labelledby="ratings-caption">
            <div aria-hidden="true">
              <BarChart h={200} data={ratings} dataKey="band" series={[{ name: 'count', label: 'Số chi bộ', color: 'blue.7' }]} withTooltip={false} tickLine="y" yAxisProps={{ allowDecimals: false }} barChartProps={{ accessibilityLayer: false }} />
            </div>
            <Text component="figcaption" id="ratings-caption" mt="xs">
              Số chi bộ theo xếp loại:
            </Text>
            <List aria-label="Số chi bộ theo xếp loại">
              {ratings.map((r) => (
                <List.Item key={r.band}>
                  {r.band}: {formatCount(r.count)} chi bộ
                </List.Item>
              ))}
            </List>
          </figure>
        </Section>

        <Section id="consolidation-propaganda" title="Kết quả tuyên truyền">
          <QueryStatus query={propaganda} />
          {propaganda.data && <PropagandaTotals byChannel={propaganda.data.byChannel} none="Chưa ghi nhận kết quả tuyên truyền nào." />}
        </Section>

        <Section id="consolidation-cells" title="Báo cáo của từng chi bộ">
          <ResponsiveList
            items={c.cells.map((x) => ({ ...x, id: x.unitId }))}
            label="Báo cáo của các chi bộ"
            minWidth={720}
            columns={[
              { header: 'Chi bộ', cell: (x) => <CellName cell={x} /> },
              { header: 'Trạng thái', cell: (x) => <Badge color={statusColor[x.status]}>{statusName(x.status)}</Badge> },
              { header: 'Ngày gửi', nowrap: true, cell: (x) => (x.submittedAt ? formatDate(x.submittedAt.slice(0, 10)) : '—') },
              { header: 'Đúng hạn', cell: (x) => (x.onTime === null ? '—' : x.onTime ? 'Đúng hạn' : 'Muộn') },
              { header: 'Điểm', nowrap: true, cell: (x) => (x.total === null || x.status === 'missing' ? '—' : formatPoints(x.total)) },
              { header: 'Xếp loại', cell: (x) => (x.status === 'missing' ? '—' : (x.rating ?? '—')) },
            ]}
            card={(x) => (
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <CellName cell={x} />
                  <Badge color={statusColor[x.status]}>{statusName(x.status)}</Badge>
                </Group>
                {x.submittedAt && (
                  <Text fz="sm">
                    Gửi {formatDate(x.submittedAt.slice(0, 10))} — {x.onTime ? 'đúng hạn' : 'muộn'}
                  </Text>
                )}
                {x.status !== 'missing' && x.total !== null && (
                  <Text fz="sm">
                    {formatPoints(x.total)} điểm — {x.rating ?? '—'}
                  </Text>
                )}
              </Stack>
            )}
          />
        </Section>

        <MissingCells planId={planId} missing={missing} canRemind={c.abilities.remind} />

        <QueryStatus query={ward} />
        {ward.data && <ConsolidatedReportSection key={ward.data.version} planId={planId} report={ward.data} />}
      </Stack>
    </>
  );
}

function CellName({ cell }: { cell: Cell }) {
  if (!cell.sessionId || cell.status === 'missing') return <Text fw={600}>{cell.unitName}</Text>;
  return (
    <AnchorLink to="/bao-cao/$sessionId" params={{ sessionId: cell.sessionId }} fw={600}>
      {cell.unitName}
    </AnchorLink>
  );
}

function MissingCells({ planId, missing, canRemind }: { planId: string; missing: Cell[]; canRemind: boolean }) {
  const remind = useMutation({
    mutationFn: () => api<{ cells: number; notified: number; withoutSecretary: string[] }>(`/api/plans/${encodeURIComponent(planId)}/consolidation/remind`, { method: 'POST' }),
  });
  const done = remind.data
    ? `Đã nhắc ${formatCount(remind.data.notified)} bí thư của ${formatCount(remind.data.cells)} chi bộ.` +
      (remind.data.withoutSecretary.length ? ` Chưa có bí thư để nhắc: ${remind.data.withoutSecretary.join(', ')}.` : '')
    : null;
  return (
    <Section id="consolidation-missing" title="Chi bộ chưa gửi báo cáo">
      {missing.length === 0 ? (
        <Text>Tất cả chi bộ đã gửi báo cáo.</Text>
      ) : (
        <Stack gap="sm">
          <List aria-label="Chi bộ chưa gửi báo cáo">
            {missing.map((x) => (
              <List.Item key={x.unitId}>
                {x.unitName} ({statusName(x.status).toLowerCase()})
              </List.Item>
            ))}
          </List>
          {canRemind && (
            <Group>
              <Button onClick={() => remind.mutate()} loading={remind.isPending} disabled={remind.isSuccess}>
                Nhắc tất cả
              </Button>
            </Group>
          )}
          <FormMessages failure={remind.error} done={done} />
        </Stack>
      )}
    </Section>
  );
}

function ConsolidatedReportSection({ planId, report }: { planId: string; report: ConsolidatedReport }) {
  const client = useQueryClient();
  const [difficulties, setDifficulties] = useState(report.difficulties);
  const [proposals, setProposals] = useState(report.proposals);
  const [confirm, setConfirm] = useState(false);
  const url = `/api/plans/${encodeURIComponent(planId)}/consolidated-report`;
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: consolidatedReportKey(planId) }), client.invalidateQueries({ queryKey: ['plans', planId, 'consolidation'] })]);
  const save = useMutation({ mutationFn: () => api<ConsolidatedReport>(url, { method: 'PUT', body: { version: report.version, difficulties, proposals } }), onSuccess: refresh });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await api<ConsolidatedReport>(url, { method: 'PUT', body: { version: report.version, difficulties, proposals } });
      return api<ConsolidatedReport>(`${url}/submit`, { method: 'POST', body: { version: saved.version } });
    },
    onSuccess: () => {
      setConfirm(false);
      return refresh();
    },
  });
  const reopen = useMutation({ mutationFn: () => api<ConsolidatedReport>(`${url}/reopen`, { method: 'POST', body: { version: report.version } }), onSuccess: refresh });
  const editable = report.abilities.edit;
  return (
    <Section id="consolidated-report" title="Báo cáo tổng hợp của Đảng ủy" framed>
      <Stack gap="md">
        <Group gap="xs">
          <Badge color={report.status === 'submitted' ? 'green' : 'gray'}>{wardStatusName[report.status]}</Badge>
          {report.submittedAt && report.status === 'submitted' && <Text fz="sm">Gửi lúc {formatDateTime(report.submittedAt)}</Text>}
        </Group>
        {report.status === 'submitted' && (
          <Alert color="blue" title="Đã gửi lên cấp trên">
            Số liệu báo cáo của các chi bộ đã khóa. Muốn thay đổi, hãy mở lại báo cáo tổng hợp.
          </Alert>
        )}
        <Text>
          {report.number && report.status !== 'draft'
            ? `Số ${report.number}-BC/ĐU${report.issuedOn ? `, ngày ${formatDate(report.issuedOn)}` : ''} (cấp từ sổ đăng ký văn bản), gửi Ban Tuyên giáo và Dân vận Tỉnh ủy.`
            : 'Số báo cáo (…-BC/ĐU) được cấp từ sổ đăng ký văn bản khi gửi lên cấp trên (Ban Tuyên giáo và Dân vận Tỉnh ủy).'}
        </Text>
        <Textarea label="Khó khăn, vướng mắc" value={difficulties} onChange={(e) => setDifficulties(e.currentTarget.value)} readOnly={!editable} autosize minRows={3} size="md" />
        <Textarea label="Đề xuất, kiến nghị" value={proposals} onChange={(e) => setProposals(e.currentTarget.value)} readOnly={!editable} autosize minRows={3} size="md" />
        <Group gap="md">
          <Anchor href={consolidatedReportDocumentUrl(planId, 'docx')} fz="lg">
            Tải báo cáo (DOCX)
          </Anchor>
          <Anchor href={consolidatedReportDocumentUrl(planId, 'xlsx')} fz="lg">
            Tải bảng tổng hợp (XLSX)
          </Anchor>
        </Group>
        <Group gap="sm">
          {editable && (
            <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
              Lưu báo cáo
            </Button>
          )}
          {report.abilities.submit && <Button onClick={() => setConfirm(true)}>Gửi lên cấp trên</Button>}
          {report.abilities.reopen && (
            <Button variant="light" color="orange" onClick={() => reopen.mutate()} loading={reopen.isPending}>
              Mở lại báo cáo
            </Button>
          )}
        </Group>
        <FormMessages failure={save.error ?? reopen.error ?? null} done={save.isSuccess ? 'Đã lưu báo cáo tổng hợp.' : null} />
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Gửi báo cáo tổng hợp lên cấp trên?">
        <Stack gap="md">
          <Text>Sau khi gửi, báo cáo của các chi bộ theo kế hoạch này sẽ bị khóa cho đến khi Đảng ủy mở lại báo cáo tổng hợp.</Text>
          <FormMessages failure={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Hủy
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
