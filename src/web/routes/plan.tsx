// /ke-hoach/$planId — one plan: its facts, workflow, documents, text, recipients and read receipts.
// A plan outside the user's reach answers "not found", like the server.
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { PageFallback } from '../components/feedback';
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
  if (!plan.data) return <PageFallback query={plan} title={vi.plans.fallbackTitle} />;
  return <PlanDetail key={plan.data.id} plan={plan.data} />;
}
