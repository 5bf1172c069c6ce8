// /nhap-danh-sach — import a member list from XLSX/CSV into a commune (ward office, administrator).
// The page, loaded when first opened; the address and its checks are in ./import-members.tsx.
import { NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice, QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { ImportMembers } from '../features/members/ImportMembers';
import { pickCommune, useChosenCommune } from '../features/accounts/commune';
import { unitsQuery } from '../features/units/queries';
import { vi } from '../i18n/vi';

export default requireAbility('importMembers', ImportMembersPage);

function ImportMembersPage() {
  const units = useQuery(unitsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const picked = useChosenCommune();
  const communes = (units.data ?? []).filter((u) => u.kind === 'commune');
  // A province account starts in the commune chosen in the header.
  const communeId = chosen ?? pickCommune(communes, picked)?.id ?? null;
  return (
    <>
      <PageHeader title={vi.import.title} />
      <QueryStatus query={units} />
      {units.data && communes.length === 0 && <Notice title={vi.import.noCommune} />}
      {communeId && (
        <Stack gap="lg">
          {communes.length > 1 && (
            <NativeSelect
              label={vi.import.commune}
              value={communeId}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={communes.map((c) => ({ value: c.id, label: c.name }))}
              maw={560}
            />
          )}
          <ImportMembers key={communeId} communeId={communeId} />
        </Stack>
      )}
    </>
  );
}
