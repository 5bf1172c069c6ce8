// A month's events: a Monday-first grid on a desktop, the days that have events as a list on a phone.
// Today (in Hà Nội, as the server says) is marked in words as well as colour.
import { Badge, Box, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useWideScreen } from '../../components/ResponsiveList';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import type { Month, MonthEvent } from './viewQueries';

const t = vi.taskViews.calendar;
const colour = { done: 'green.9', open: 'blue.9', overdue: 'red.9' } as const;

/** The days of the month as ISO dates, with the weekday index (0 = Monday). */
function daysOf(month: string): { date: string; weekday: number }[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`;
    return { date, weekday: (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7 };
  });
}

function EventLine({ event }: { event: MonthEvent }) {
  const time = event.at && event.kind !== 'task' ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date(event.at)) : null;
  return (
    <Stack gap={2} data-kind={event.kind} data-status={event.status}>
      <Badge size="xs" color={colour[event.status]} style={{ alignSelf: 'flex-start' }}>
        {t.kinds[event.kind]}
        {event.status === 'overdue' ? ` · ${vi.taskViews.status.overdue}` : event.status === 'done' ? ` · ${vi.taskViews.status.done}` : ''}
      </Badge>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {time && `${time} `}
        {event.title}
      </Text>
      {event.unitName && (
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {event.unitName}
        </Text>
      )}
    </Stack>
  );
}

export function MonthCalendar({ month }: { month: Month }) {
  const wide = useWideScreen();
  const days = daysOf(month.month);
  const [year, monthNumber] = month.month.split('-').map(Number) as [number, number];
  const label = t.gridLabel(t.monthTitle(monthNumber, year));
  const byDay = new Map<string, MonthEvent[]>();
  for (const e of month.events) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);

  if (!wide) {
    const withEvents = days.filter((d) => byDay.has(d.date));
    if (withEvents.length === 0) return <Text>{t.empty}</Text>;
    return (
      <Stack component="ol" gap="sm" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {withEvents.map((d) => (
          <Paper component="li" key={d.date} withBorder p="sm" radius="md" data-today={d.date === month.today || undefined} style={d.date === month.today ? { borderLeft: '6px solid var(--mantine-color-blue-9)' } : undefined}>
            <Title order={2} fz="md" mb={6}>
              {t.dayLabel(t.weekdays[d.weekday]!, formatDate(d.date))}
              {d.date === month.today && ` — ${t.today}`}
            </Title>
            <Stack gap="sm">
              {byDay.get(d.date)!.map((e) => (
                <EventLine key={e.id} event={e} />
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  // Weeks of seven cells, Monday first: the days before the 1st are empty cells.
  const cells: ({ date: string; weekday: number } | null)[] = [...Array.from({ length: days[0]!.weekday }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <Box role="grid" aria-label={label}>
      <SimpleGrid cols={7} spacing={4} role="row">
        {t.weekdays.map((w) => (
          <Text key={w} role="columnheader" fw={700} fz="sm" ta="center">
            {w}
          </Text>
        ))}
      </SimpleGrid>
      {weeks.map((week, w) => (
        <SimpleGrid key={w} cols={7} spacing={4} mt={4} role="row">
          {week.map((d, i) => {
            if (!d) return <div key={`blank-${w}-${i}`} role="gridcell" />;
            const isToday = d.date === month.today;
            return (
              <Paper
                key={d.date}
                role="gridcell"
                withBorder
                p={6}
                radius="sm"
                mih={96}
                data-today={isToday || undefined}
                aria-current={isToday ? 'date' : undefined}
                style={isToday ? { outline: '3px solid var(--mantine-color-blue-9)' } : undefined}
              >
                <Text fz="sm" fw={700}>
                  {Number(d.date.slice(8))}
                  {isToday && ` · ${t.today}`}
                </Text>
                <Stack gap={6} mt={4}>
                  {(byDay.get(d.date) ?? []).map((e) => (
                    <EventLine key={e.id} event={e} />
                  ))}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      ))}
    </Box>
  );
}
