// /ke-hoach/tao-moi — create a plan: from the template, by cloning an earlier one, or by importing.
import { createRoute } from '@tanstack/react-router';
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { CreatePlan } from '../features/plans/CreatePlan';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const planNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/tao-moi',
  component: requireAbility('draftPlans', PlanNewPage),
});

function PlanNewPage() {
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
