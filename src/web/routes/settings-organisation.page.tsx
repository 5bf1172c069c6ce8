// /thiet-lap/to-chuc — Settings → Tổ chức: the tree of the units the user may manage, each with its
// actions (add, rename, move, up/down, close, reopen, delete, import, export), closed units greyed.
// The page, loaded when first opened; the address is in ./settings-organisation.tsx.
import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { treeTemplateHref, unitsQuery } from '../features/units/queries';
import { buildTree } from '../features/units/tree';
import { UnitTreeEditor } from '../features/units/UnitTreeEditor';
import { vi } from '../i18n/vi';

const t = vi.unitEditor;

export default requireAbility('manageUnits', SettingsOrganisationPage);

function SettingsOrganisationPage() {
  const units = useQuery(unitsQuery);
  return (
    <>
      <PageHeader
        title={t.title}
        above={
          <AnchorLink to="/thiet-lap" fz="sm">
            ← {t.back}
          </AnchorLink>
        }
        below={
          <Text c="dimmed">
            {t.intro}{' '}
            <Anchor href={treeTemplateHref} download="mau-cay-to-chuc.xlsx" underline="always">
              {t.template}
            </Anchor>
          </Text>
        }
      />
      {units.data ? <UnitTreeEditor nodes={buildTree(units.data)} units={units.data} /> : <QueryStatus query={units} />}
    </>
  );
}
