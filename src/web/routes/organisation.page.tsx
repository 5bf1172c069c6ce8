// /to-chuc — the organisation tree the user may see, with member counts.
// The page, loaded when first opened; the address and its checks are in ./organisation.tsx.
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { OrgTree } from '../features/units/OrgTree';
import { unitsQuery } from '../features/units/queries';
import { buildTree } from '../features/units/tree';
import { vi } from '../i18n/vi';

export default requireAbility('viewOrganisation', OrganisationPage);

function OrganisationPage() {
  const units = useQuery(unitsQuery);
  return (
    <>
      <PageHeader title={vi.organisation.title} below={<Text c="dimmed">{vi.organisation.intro}</Text>} />
      {units.data ? <OrgTree nodes={buildTree(units.data)} /> : <QueryStatus query={units} />}
    </>
  );
}
