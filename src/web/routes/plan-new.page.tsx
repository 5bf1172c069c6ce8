// /ke-hoach/tao-moi — create a plan: from the template, by cloning an earlier one, or by importing.
// The page, loaded when first opened; the address and its checks are in ./plan-new.tsx.
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { CreatePlan } from '../features/plans/CreatePlan';
import { vi } from '../i18n/vi';

export default requireAbility('draftPlans', PlanNewPage);

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
