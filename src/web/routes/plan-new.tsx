// /ke-hoach/tao-moi — create a plan: from the template, by cloning an earlier one, or by importing.
import { createRoute } from '@tanstack/react-router';
import { Forbidden } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { canDraftPlans } from '../features/plans/access';
import { CreatePlan } from '../features/plans/CreatePlan';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const planNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/tao-moi',
  component: PlanNewPage,
});

function PlanNewPage() {
  const me = useMe();
  if (!canDraftPlans(me)) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={vi.plans.newTitle}
        above={
          <AnchorLink to="/ke-hoach" fz="sm">
            ‹ {vi.plans.backToList}
          </AnchorLink>
        }
      />
      <CreatePlan />
    </>
  );
}
