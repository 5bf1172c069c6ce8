// /nhiem-vu — "Nhiệm vụ của đơn vị": open first, overdue first, as cards.
// The page, loaded when first opened; the address and its checks are in ./my-tasks.tsx.
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { TaskCards } from '../features/tasks/TaskCards';
import { myTasksQuery } from '../features/tasks/viewQueries';
import { vi } from '../i18n/vi';

const t = vi.taskViews.mine;

export default requireAbility('viewUnitTasks', MyTasksPage);

function MyTasksPage() {
  const tasks = useQuery(myTasksQuery);
  const open = tasks.data?.filter((x) => x.status !== 'done') ?? [];
  return (
    <>
      <PageHeader title={t.title} below={<Text>{t.intro}</Text>} />
      <Stack gap="md">
        {!tasks.data ? (
          <QueryStatus query={tasks} />
        ) : tasks.data.length === 0 ? (
          <Text>{t.empty}</Text>
        ) : (
          <>
            <Text fw={600} aria-live="polite">
              {t.openCount(open.length, open.filter((x) => x.overdue).length)}
            </Text>
            <TaskCards tasks={tasks.data} label={t.listLabel} />
          </>
        )}
      </Stack>
    </>
  );
}
