// /lich — the month calendar: previous / next month, this month by Hà Nội's today.
// The page, loaded when first opened; the address and its checks are in ./calendar.tsx.
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { MonthCalendar } from '../features/tasks/MonthCalendar';
import { monthQuery } from '../features/tasks/viewQueries';
import { vi } from '../i18n/vi';
import { calendarRoute } from './calendar';

const t = vi.taskViews.calendar;

const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export default requireAbility('viewMonthCalendar', CalendarPage);

function CalendarPage() {
  const { thang } = calendarRoute.useSearch();
  const navigate = useNavigate({ from: calendarRoute.fullPath });
  const month = thang ?? thisMonth();
  const data = useQuery(monthQuery(month));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const title = t.monthTitle(m, y);
  const go = (to: string) => void navigate({ search: { thang: to } });
  return (
    <>
      <PageHeader title={t.title} documentTitle={`${t.title} ${title}`} below={<Text>{t.intro}</Text>} />
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Button variant="default" onClick={() => go(shift(month, -1))}>
            ‹ {t.previous}
          </Button>
          <Title order={2} fz="h3" aria-live="polite">
            {title}
          </Title>
          <Button variant="default" onClick={() => go(shift(month, 1))}>
            {t.next} ›
          </Button>
        </Group>
        {month !== thisMonth() && (
          <div>
            <Button variant="subtle" size="xs" onClick={() => go(thisMonth())}>
              {t.thisMonth}
            </Button>
          </div>
        )}
        {!data.data ? <QueryStatus query={data} /> : <MonthCalendar month={data.data} />}
      </Stack>
    </>
  );
}
