// /ke-hoach — the commune's plans with their status, number and date; the office creates new ones.
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { ErrorAlert, Loading } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { ButtonLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { canDraftPlans, canSeePlans } from '../features/plans/access';
import { PlanList } from '../features/plans/PlanList';
import { plansQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach',
  component: PlansPage,
});

function PlansPage() {
  const me = useMe();
  const allowed = canSeePlans(me);
  const plans = useQuery({ ...plansQuery, enabled: allowed });
  if (!allowed) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={vi.plans.title}
        below={<Text>{vi.plans.intro}</Text>}
        actions={canDraftPlans(me) ? <ButtonLink to="/ke-hoach/tao-moi">{vi.plans.create}</ButtonLink> : undefined}
      />
      <Stack gap="md">
        {plans.isPending && <Loading />}
        {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data && (plans.data.length === 0 ? <Text>{vi.plans.empty}</Text> : <PlanList plans={plans.data} />)}
      </Stack>
    </>
  );
}
