// /nhap-ke-hoach — import a plan from pasted text or a file, check it, create the draft (ward office).
// The page, loaded when first opened; the address and its checks are in ./plan-import.tsx.
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { ImportPlan } from '../features/plan-import/ImportPlan';
import { vi } from '../i18n/vi';

export default requireAbility('importPlans', PlanImportPage);

function PlanImportPage() {
  return (
    <>
      <PageHeader title={vi.planImport.title} />
      <ImportPlan />
    </>
  );
}
