// /nhap-ke-hoach — import a plan from pasted text or a file, check it, create the draft (ward office).
import { createRoute } from '@tanstack/react-router';
import { Forbidden } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { ImportPlan } from '../features/plan-import/ImportPlan';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhap-ke-hoach',
  component: PlanImportPage,
});

function PlanImportPage() {
  const me = useMe();
  if (!me.abilities.importPlans) return <Forbidden />;
  return (
    <>
      <PageHeader title={vi.planImport.title} />
      <ImportPlan />
    </>
  );
}
