// The province viewer's page on any screen: per resolution, how many communes reported and on time
// ("95,7 %", "—" when none is expected), the roll-up of their cells and members, a chart comparing
// the communes (with the same figures as text for screen readers), and each commune (a table on wide
// screens, cards on phones); a submitted report opens on its own page. Figures come from the
// province's own rows, written when each ward submits upward.
import { Badge, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { PageFallback } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveList } from '../components/ResponsiveList';
import { Section } from '../components/Section';
import { AnchorLink } from '../components/links';
import { formatDate } from '../format';
import { formatCount, formatRate } from '../../domain/report-figures';
import { provinceReportsQuery, upwardStatusColors, upwardStatusNames, type CommuneEntry } from '../features/province/queries';
import { provinceReportsRoute } from './province-reports';
import { Figure } from '../components/Figure';
import { vi } from '../i18n/vi';

export default ProvinceReportsPage;

const percent = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? 0 : Math.round(fraction * 1000) / 10);

function CommuneName({ entry }: { entry: CommuneEntry }) {
  if (entry.status !== 'submitted') return <Text fw={600}>{entry.communeName}</Text>;
  return (
    <AnchorLink to="/tinh/bao-cao/$communeId/$planId" params={{ communeId: entry.communeId, planId: entry.planId }} fw={600}>
      {entry.communeName}
    </AnchorLink>
  );
}

function ProvinceReportsPage() {
  const { nghiQuyet, xa } = provinceReportsRoute.useSearch();
  const navigate = useNavigate();
  const query = useQuery(provinceReportsQuery(nghiQuyet));
  if (!query.data) return <PageFallback query={query} title="Báo cáo các xã, phường" unavailable={{ title: 'Không mở được báo cáo', message: 'Đồng chí không có quyền xem báo cáo của các đảng bộ xã, phường.' }} />;
  const d = query.data;
  const r = d.rollup;
  // "Tất cả xã/phường", or the one commune chosen: the roll-up stays the province's.
  const one = d.communes.find((e) => e.communeId === xa);
  const shown = one ? [one] : d.communes;
  const chart = shown.map((e) => ({ commune: e.communeName, completeness: percent(e.figures?.completeness), studied: percent(e.figures?.studied) }));
  return (
    <>
      <PageHeader title="Báo cáo các xã, phường" below={<Text>{d.province.name}</Text>} />
      <Stack gap="xl">
        {d.resolutions.length === 0 ? (
          <Text>Chưa có đảng bộ xã, phường nào ban hành kế hoạch học tập, quán triệt.</Text>
        ) : (
          <Group align="flex-end" gap="md" wrap="wrap">
            <NativeSelect
              label="Nghị quyết"
              size="md"
              w={{ base: '100%', sm: 360 }}
              value={d.selected ?? ''}
              data={d.resolutions.map((x) => ({ value: x.resolution, label: `${x.resolution} (${formatCount(x.submitted)}/${formatCount(x.communes)} đã báo cáo)` }))}
              onChange={(e) => void navigate({ to: '/tinh/bao-cao', search: { nghiQuyet: e.currentTarget.value, ...(xa ? { xa } : {}) } })}
            />
            <NativeSelect
              label={vi.communePicker.short}
              size="md"
              w={{ base: '100%', sm: 300 }}
              value={one?.communeId ?? ''}
              data={[{ value: '', label: vi.communePicker.everyCommune }, ...d.communes.map((e) => ({ value: e.communeId, label: e.communeName }))]}
              onChange={(e) => void navigate({ to: '/tinh/bao-cao', search: { ...(nghiQuyet ? { nghiQuyet } : {}), ...(e.currentTarget.value ? { xa: e.currentTarget.value } : {}) } })}
            />
          </Group>
        )}

        <Section id="province-rollup" title="Toàn tỉnh">
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
            <Figure label="Xã, phường đã báo cáo" value={formatRate(r.completeness)} detail={`${formatCount(r.submitted)}/${formatCount(r.communes)} đảng bộ`} />
            <Figure label="Báo cáo đúng hạn" value={formatRate(r.timeliness)} detail={`${formatCount(r.onTime)}/${formatCount(r.communes)} đảng bộ`} />
            <Figure label="Chi bộ đã báo cáo" value={formatRate(r.cells.completeness)} detail={`${formatCount(r.cells.submitted)}/${formatCount(r.cells.expected)} chi bộ`} />
            <Figure label="Đảng viên đã học tập" value={formatRate(r.members.studied)} detail={`${formatCount(r.members.present + r.members.late + r.members.madeUp)}/${formatCount(r.members.expected)} đảng viên`} />
          </SimpleGrid>
          {Object.keys(r.ratings).length > 0 && (
            <Text mt="sm">
              Xếp loại chi bộ: {Object.entries(r.ratings).map(([band, n]) => `${band} ${formatCount(n)}`).join('; ')}.
            </Text>
          )}
          <Text fz="sm" c="dimmed" mt="xs">
            Tính trên báo cáo các đảng bộ đã gửi lên tỉnh.
          </Text>
        </Section>

        {chart.length > 0 && (
          <Section id="province-chart" title="So sánh các xã, phường">
            <figure style={{ margin: 0 }} aria-labelledby="province-chart-caption">
              <div aria-hidden="true">
                <BarChart
                  h={Math.max(160, chart.length * 56)}
                  data={chart}
                  dataKey="commune"
                  orientation="vertical"
                  yAxisProps={{ width: 110 }}
                  xAxisProps={{ domain: [0, 100] }}
                  unit=" %"
                  withTooltip={false}
                  withLegend
                  series={[
                    { name: 'completeness', label: 'Chi bộ đã báo cáo', color: 'blue.7' },
                    { name: 'studied', label: 'Đảng viên đã học tập', color: 'teal.7' },
                  ]}
                  barChartProps={{ accessibilityLayer: false }}
                />
              </div>
              <Text component="figcaption" id="province-chart-caption" mt="xs">
                Tỷ lệ chi bộ đã báo cáo và đảng viên đã học tập của từng xã, phường:
              </Text>
              <List aria-label="So sánh các xã, phường">
                {shown.map((e) => (
                  <List.Item key={e.communeId}>
                    {e.communeName}: {e.figures ? `${formatRate(e.figures.completeness)} chi bộ đã báo cáo, ${formatRate(e.figures.studied)} đảng viên đã học tập` : 'chưa gửi báo cáo'}
                  </List.Item>
                ))}
              </List>
            </figure>
          </Section>
        )}

        <Section id="province-communes" title="Từng xã, phường">
          <ResponsiveList
            items={shown.map((e) => ({ ...e, id: `${e.communeId}-${e.planId}` }))}
            label="Báo cáo của các xã, phường"
            minWidth={760}
            columns={[
              { header: 'Đảng bộ', cell: (e) => <CommuneName entry={e} /> },
              { header: 'Trạng thái', cell: (e) => <Badge color={upwardStatusColors[e.status]}>{upwardStatusNames[e.status]}</Badge> },
              { header: 'Số báo cáo', nowrap: true, cell: (e) => (e.number ? `Số ${e.number}` : '—') },
              { header: 'Ngày gửi', nowrap: true, cell: (e) => (e.submittedAt ? formatDate(e.submittedAt.slice(0, 10)) : '—') },
              { header: 'Đúng hạn', cell: (e) => (e.onTime === null ? '—' : e.onTime ? 'Đúng hạn' : 'Muộn') },
              { header: 'Chi bộ báo cáo', nowrap: true, cell: (e) => (e.figures ? `${formatCount(e.figures.cellsSubmitted)}/${formatCount(e.figures.cellsExpected)} (${formatRate(e.figures.completeness)})` : '—') },
              { header: 'Đảng viên học tập', nowrap: true, cell: (e) => (e.figures ? formatRate(e.figures.studied) : '—') },
            ]}
            card={(e) => (
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <CommuneName entry={e} />
                  <Badge color={upwardStatusColors[e.status]}>{upwardStatusNames[e.status]}</Badge>
                </Group>
                {e.submittedAt && (
                  <Text fz="sm">
                    Số {e.number}, gửi {formatDate(e.submittedAt.slice(0, 10))} — {e.onTime ? 'đúng hạn' : 'muộn'}
                  </Text>
                )}
                {e.figures && (
                  <Text fz="sm">
                    {formatCount(e.figures.cellsSubmitted)}/{formatCount(e.figures.cellsExpected)} chi bộ đã báo cáo; {formatRate(e.figures.studied)} đảng viên đã học tập
                  </Text>
                )}
              </Stack>
            )}
          />
        </Section>
      </Stack>
    </>
  );
}
