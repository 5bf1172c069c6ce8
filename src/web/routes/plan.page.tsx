// /ke-hoach/$planId — one plan: its facts, workflow, documents, text, recipients and read receipts.
// A plan outside the user's reach answers "not found", like the server.
// The page, loaded when first opened; the address and its checks are in ./plan.tsx.
import { useQuery } from '@tanstack/react-query';
import { PageFallback } from '../components/feedback';
import { PlanDetail } from '../features/plans/PlanDetail';
import { planQuery } from '../features/plans/queries';
import { vi } from '../i18n/vi';
import { planRoute } from './plan';

export default PlanPage;

function PlanPage() {
  const { planId } = planRoute.useParams();
  const plan = useQuery(planQuery(planId));
  if (!plan.data) return <PageFallback query={plan} title={vi.plans.fallbackTitle} />;
  return <PlanDetail key={plan.data.id} plan={plan.data} />;
}
