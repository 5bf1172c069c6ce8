// /ke-hoach/$planId — one plan: its facts, workflow, documents, text, recipients and read receipts.
// A plan outside the user's reach answers "not found", like the server.
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { PlanDetail } from '../features/plans/PlanDetail';
import { planQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/$planId',
  component: PlanPage,
});

function PlanPage() {
  const { planId } = planRoute.useParams();
  const plan = useQuery(planQuery(planId));
  if (plan.isPending) return <Loading />;
  if (plan.isError)
    return (
      <>
        <PageHeader title={vi.plans.fallbackTitle} />
        <ErrorAlert error={plan.error} />
      </>
    );
  return <PlanDetail key={plan.data.id} plan={plan.data} />;
}
