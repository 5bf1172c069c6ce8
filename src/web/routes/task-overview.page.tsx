// /nhiem-vu/tong-hop — per unit or per plan: total, done, in progress, not started, overdue; overdue
// first. A row opens its tasks below. A table on a desktop, cards on a phone.
import { useQuery } from '@tanstack/react-query';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveList } from '../components/ResponsiveList';
import { NoBreakNumbers } from '../components/NoBreakNumbers';
import { TaskCards } from '../features/tasks/TaskCards';
import { filteredTasksQuery, overviewQuery, type Overview } from '../features/tasks/viewQueries';
import { vi } from '../i18n/vi';
import { taskOverviewRoute } from './task-overview';

const t = vi.taskViews.overview;
type Row = Overview['rows'][number];

export default requireAbility('viewTaskOverview', TaskOverviewPage);

function TaskOverviewPage() {
  const search = taskOverviewRoute.useSearch();
  const navigate = useNavigate({ from: taskOverviewRoute.fullPath });
  const by = search.by ?? 'unit';
  const overview = useQuery(overviewQuery(by));
  const opened = search.unitId ?? search.planId;
  const openedRow = overview.data?.rows.find((r) => r.id === opened);

  const open = (row: Row) => void navigate({ search: by === 'unit' ? { unitId: row.id } : { by: 'plan', planId: row.id } });
  const label = (row: Row) => (row.number ? `${row.number} — ${row.name}` : row.name);
  const name = (row: Row) => <NoBreakNumbers>{label(row)}</NoBreakNumbers>;
  const count = (value: number, danger = false) => (
    <Text span fw={danger && value > 0 ? 700 : undefined} c={danger && value > 0 ? 'red.9' : undefined}>
      {value}
    </Text>
  );

  return (
    <>
      <PageHeader title={t.title} below={<Text>{t.intro}</Text>} />
      <Stack gap="md">
        <Group gap="sm">
          <Text fw={600} id="overview-by">
            {t.by}
          </Text>
          <SegmentedControl
            aria-labelledby="overview-by"
            value={by}
            onChange={(value) => void navigate({ search: value === 'plan' ? { by: 'plan' } : {} })}
            data={[
              { value: 'unit', label: t.byUnit },
              { value: 'plan', label: t.byPlan },
            ]}
          />
        </Group>
        {!overview.data ? (
          <QueryStatus query={overview} />
        ) : overview.data.rows.length === 0 ? (
          <Text>{t.empty}</Text>
        ) : (
          <>
            <Text fw={600} aria-live="polite">
              {t.totals}: {t.summary(overview.data.totals.done, overview.data.totals.total, overview.data.totals.overdue)}
            </Text>
            <ResponsiveList
              items={overview.data.rows}
              label={t.tableLabel(by)}
              minWidth={640}
              columns={[
                { header: t.columns.name, cell: (row) => <Button variant="transparent" px={0} onClick={() => open(row)} aria-label={t.openRow(label(row))} styles={{ label: { whiteSpace: 'normal', textAlign: 'left', textDecoration: 'underline' } }} h="auto">{name(row)}</Button> },
                { header: t.columns.total, cell: (row) => count(row.total), nowrap: true },
                { header: t.columns.done, cell: (row) => count(row.done), nowrap: true },
                { header: t.columns.inProgress, cell: (row) => count(row.inProgress), nowrap: true },
                { header: t.columns.notStarted, cell: (row) => count(row.notStarted), nowrap: true },
                { header: t.columns.overdue, cell: (row) => count(row.overdue, true), nowrap: true },
              ]}
              card={(row) => (
                <Stack gap={4}>
                  <Text fw={600}>{name(row)}</Text>
                  <Text fz="sm">
                    {t.summary(row.done, row.total, row.overdue)} · {t.columns.inProgress}: {row.inProgress} · {t.columns.notStarted}: {row.notStarted}
                  </Text>
                  <div>
                    <Button size="xs" variant={row.overdue ? 'filled' : 'default'} color={row.overdue ? 'red.9' : undefined} onClick={() => open(row)} aria-label={t.openRow(row.name)}>
                      {vi.taskViews.card.open}
                    </Button>
                  </div>
                </Stack>
              )}
            />
          </>
        )}
        {opened && <OpenedRow filter={by === 'unit' ? { unitId: opened } : { planId: opened }} name={openedRow?.name ?? ''} onClose={() => void navigate({ search: by === 'plan' ? { by: 'plan' } : {} })} />}
      </Stack>
    </>
  );
}

function OpenedRow({ filter, name, onClose }: { filter: { unitId?: string; planId?: string }; name: string; onClose: () => void }) {
  const tasks = useQuery(filteredTasksQuery(filter));
  return (
    <Stack gap="sm" component="section" aria-labelledby="opened-row">
      <Group justify="space-between">
        <Title order={2} fz="h3" id="opened-row">
          <NoBreakNumbers>{t.listTitle(name)}</NoBreakNumbers>
        </Title>
        <Button variant="default" size="xs" onClick={onClose}>
          {t.closeList}
        </Button>
      </Group>
      {!tasks.data ? <QueryStatus query={tasks} /> : <TaskCards tasks={tasks.data} label={t.listTitle(name)} />}
    </Stack>
  );
}
