// One commune's consolidated report as it reached the province: its number and date, its cells' and
// members' figures, ratings, difficulties and proposals, every cell's line; the province's viewer
// confirms receipt (the read receipt the ward sees is the province's row) and downloads the report as
// the commune submitted it (DOCX) and its cells' table (XLSX).
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { PageFallback } from '../components/feedback';
import { FormMessages } from '../components/FormParts';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveList } from '../components/ResponsiveList';
import { Section } from '../components/Section';
import { AnchorLink } from '../components/links';
import { formatDate, formatDateTime } from '../format';
import { formatCount, formatRate, rate, reportStatusNames, type ReportStatus } from '../../domain/report-figures';
import { formatPoints } from '../../domain/rubrics';
import { communeReportDocumentUrl, upwardReportKey, upwardReportQuery, type UpwardReportDetail } from '../features/province/queries';
import { provinceReportRoute } from './province-report';
import { Figure } from '../components/Figure';

export default ProvinceReportPage;

const cellStatus = (status: string) => (status === 'missing' ? 'Chưa lập' : (reportStatusNames[status as ReportStatus] ?? status));

function ProvinceReportPage() {
  const { communeId, planId } = provinceReportRoute.useParams();
  const client = useQueryClient();
  const query = useQuery(upwardReportQuery(communeId, planId));
  const receive = useMutation({
    mutationFn: () => api<UpwardReportDetail>(`/api/province/reports/${encodeURIComponent(communeId)}/${encodeURIComponent(planId)}/read`, { method: 'POST' }),
    onSuccess: (data) => {
      client.setQueryData(upwardReportKey(communeId, planId), data);
      return client.invalidateQueries({ queryKey: ['province', 'reports'] });
    },
  });
  if (!query.data) return <PageFallback query={query} title="Báo cáo của xã, phường" unavailable={{ title: 'Không mở được báo cáo', message: 'Báo cáo chưa được gửi lên tỉnh, đã được mở lại, hoặc đồng chí không có quyền xem.' }} />;
  const d = query.data;
  const f = d.figures!;
  const m = d.members;
  const studied = m.present + m.late + m.madeUp;
  return (
    <>
      <PageHeader
        title={`Báo cáo của ${d.communeName}`}
        below={
          <Stack gap={4}>
            <AnchorLink to="/tinh/bao-cao">Về báo cáo các xã, phường</AnchorLink>
            <Text>
              Số {d.number}
              {d.issuedOn ? `, ngày ${formatDate(d.issuedOn)}` : ''} — theo {d.planNumber ? `Kế hoạch số ${d.planNumber}` : d.planTitle}
            </Text>
          </Stack>
        }
      />
      <Stack gap="xl">
        <Section id="upward-receipt" title="Tiếp nhận">
          <Stack gap="sm">
            <Group gap="xs">
              <Badge color={d.onTime === false ? 'orange' : 'green'}>{d.onTime === false ? 'Gửi muộn' : 'Đúng hạn'}</Badge>
              {d.submittedAt && <Text fz="sm">Gửi lúc {formatDateTime(d.submittedAt)}</Text>}
            </Group>
            {d.readAt ? (
              <Text>Tỉnh đã nhận lúc {formatDateTime(d.readAt)}.</Text>
            ) : (
              <Group>
                <Button onClick={() => receive.mutate()} loading={receive.isPending}>
                  Xác nhận đã nhận
                </Button>
              </Group>
            )}
            <FormMessages failure={receive.error} />
            <Group gap="md">
              <Anchor href={communeReportDocumentUrl(communeId, planId, 'docx')} fz="lg">
                Tải báo cáo (DOCX)
              </Anchor>
              <Anchor href={communeReportDocumentUrl(communeId, planId, 'xlsx')} fz="lg">
                Tải bảng các chi bộ (XLSX)
              </Anchor>
            </Group>
          </Stack>
        </Section>

        <Section id="upward-figures" title="Kết quả">
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
            <Figure label="Chi bộ đã báo cáo" value={formatRate(f.completeness)} detail={`${formatCount(f.cellsSubmitted)}/${formatCount(f.cellsExpected)} chi bộ`} />
            <Figure label="Chi bộ đúng hạn" value={formatRate(f.timeliness)} detail={`${formatCount(f.cellsOnTime)}/${formatCount(f.cellsExpected)} chi bộ`} />
            <Figure label="Đảng viên đã học tập" value={formatRate(rate(studied, m.expected))} detail={`${formatCount(studied)}/${formatCount(m.expected)} đảng viên`} />
            <Figure label="Vắng" value={formatCount(m.excused + m.absent)} detail={`${formatCount(m.excused)} có lý do`} />
          </SimpleGrid>
          {Object.keys(f.ratings).length > 0 && <Text mt="sm">Xếp loại: {Object.entries(f.ratings).map(([band, n]) => `${band} ${formatCount(n)}`).join('; ')}.</Text>}
        </Section>

        <Section id="upward-text" title="Khó khăn và đề xuất">
          <Stack gap="xs">
            <Text fw={600}>Khó khăn, vướng mắc</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{d.difficulties || '—'}</Text>
            <Text fw={600}>Đề xuất, kiến nghị</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{d.proposals || '—'}</Text>
          </Stack>
        </Section>

        <Section id="upward-cells" title="Từng chi bộ">
          <ResponsiveList
            items={d.cells.map((c, i) => ({ ...c, id: String(i) }))}
            label="Báo cáo của các chi bộ"
            minWidth={640}
            columns={[
              { header: 'Chi bộ', cell: (c) => c.unitName },
              { header: 'Trạng thái', cell: (c) => cellStatus(c.status) },
              { header: 'Đúng hạn', cell: (c) => (c.onTime === null ? '—' : c.onTime ? 'Đúng hạn' : 'Muộn') },
              { header: 'Điểm', nowrap: true, cell: (c) => (c.total === null || c.status === 'missing' ? '—' : formatPoints(c.total)) },
              { header: 'Xếp loại', cell: (c) => (c.status === 'missing' ? '—' : (c.rating ?? '—')) },
            ]}
            card={(c) => (
              <Stack gap={2}>
                <Text fw={600}>{c.unitName}</Text>
                <Text fz="sm">
                  {cellStatus(c.status)}
                  {c.onTime === null ? '' : c.onTime ? ', đúng hạn' : ', muộn'}
                  {c.status !== 'missing' && c.total !== null ? ` — ${formatPoints(c.total)} điểm, ${c.rating ?? '—'}` : ''}
                </Text>
              </Stack>
            )}
          />
        </Section>
      </Stack>
    </>
  );
}
