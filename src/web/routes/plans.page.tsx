// /ke-hoach — the commune's plans with their status, number and date; the office creates new ones.
// The page, loaded when first opened; the address and its checks are in ./plans.tsx.
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@mantine/core';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { ButtonLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { PlanList } from '../features/plans/PlanList';
import { plansQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';

export default requireAbility('viewPlans', PlansPage);

function PlansPage() {
  const me = useMe();
  const plans = useQuery(plansQuery);
  return (
    <>
      <PageHeader
        title={vi.plans.title}
        below={<Text>{vi.plans.intro}</Text>}
        actions={me.abilities.draftPlans ? <ButtonLink to="/ke-hoach/tao-moi">{vi.plans.create}</ButtonLink> : undefined}
      />
      <Stack gap="md">
        {!plans.data ? <QueryStatus query={plans} /> : plans.data.length === 0 ? <Text>{vi.plans.empty}</Text> : <PlanList plans={plans.data} />}
      </Stack>
    </>
  );
}
