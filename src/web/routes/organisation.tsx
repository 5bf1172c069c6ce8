// /to-chuc — the organisation tree the user may see, with member counts.
import { Text } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { OrgTree } from '../features/units/OrgTree';
import { unitsQuery } from '../features/units/queries';
import { buildTree } from '../features/units/tree';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'to-chuc',
  component: OrganisationPage,
});

function OrganisationPage() {
  const me = useMe();
  const units = useQuery({ ...unitsQuery, enabled: me.abilities.viewOrganisation });
  if (!me.abilities.viewOrganisation) return <Forbidden />;
  return (
    <>
      <PageHeader title={vi.organisation.title} below={<Text c="dimmed">{vi.organisation.intro}</Text>} />
      {units.isPending && <Loading />}
      {units.isError && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && <OrgTree nodes={buildTree(units.data)} />}
    </>
  );
}
