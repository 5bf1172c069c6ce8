// /nhap-ke-hoach — import a plan from pasted text or a file, check it, create the draft (ward office).
import { createRoute } from '@tanstack/react-router';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { ImportPlan } from '../features/plan-import/ImportPlan';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhap-ke-hoach',
  component: requireAbility('importPlans', PlanImportPage),
});

function PlanImportPage() {
  return (
    <>
      <PageHeader title={vi.planImport.title} />
      <ImportPlan />
    </>
  );
}
