// /nhap-danh-sach — import a member list from XLSX/CSV into a commune (ward office, administrator).
import { NativeSelect, Stack } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading, Notice } from '../components/feedback';
import { Forbidden } from '../components/Forbidden';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/session';
import { ImportMembers } from '../features/members/ImportMembers';
import { unitsQuery } from '../features/units/queries';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const importMembersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhap-danh-sach',
  component: ImportMembersPage,
});

function ImportMembersPage() {
  const me = useMe();
  const units = useQuery({ ...unitsQuery, enabled: me.abilities.importMembers });
  const [chosen, setChosen] = useState<string | null>(null);
  if (!me.abilities.importMembers) return <Forbidden />;
  const communes = (units.data ?? []).filter((u) => u.kind === 'commune');
  const communeId = chosen ?? communes[0]?.id ?? null;
  return (
    <>
      <PageHeader title={vi.import.title} />
      {units.isPending && <Loading />}
      {units.isError && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}
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
