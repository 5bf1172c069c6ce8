// /don-vi/$unitId — one unit: where it sits (breadcrumb), its units, and for a cell its members,
// with the XLSX/CSV export when allowed. A unit outside the user's reach answers "not found".
// The page, loaded when first opened; the address and its checks are in ./unit.tsx.
import { useMemo, useState } from 'react';
import { Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { foldVietnamese } from '../../domain/vietnamese-names';
import { PageFallback, QueryStatus, Success } from '../components/feedback';
import { DownloadIcon } from '../components/icons';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { Section } from '../components/Section';
import { MemberList } from '../features/members/MemberList';
import { unitMembersQuery } from '../features/members/queries';
import { holdsMembers, kindLabel } from '../features/units/labels';
import { exportUrl, unitQuery, unitsQuery, type UnitDetail } from '../features/units/queries';
import { buildTree, findNode } from '../features/units/tree';
import { CellCounts } from '../features/people/CellCounts';
import { MemberCreateDialog } from '../features/people/MemberCreateDialog';
import { MergeButton } from '../features/people/MergeDialog';
import { unitPositionsQuery } from '../features/people/queries';
import { UnitPositions } from '../features/people/UnitPositions';
import { vi } from '../i18n/vi';
import { UnitSessions } from '../features/sessions/UnitSessions';
import { unitRoute } from './unit';

export default UnitPage;

function UnitPage() {
  const { unitId } = unitRoute.useParams();
  const detail = useQuery(unitQuery(unitId));
  const units = useQuery(unitsQuery);
  // Positions are shown to those the server lets see them (ward office, leadership, the cell's secretary).
  const positions = useQuery(unitPositionsQuery(unitId));

  if (!detail.data) return <PageFallback query={detail} title={vi.unit.fallbackTitle} unavailable={{ title: vi.unit.unavailableTitle, message: vi.unit.unavailable }} />;

  const { unit, ancestors, children, abilities } = detail.data;
  const visible = new Set(units.data?.map((u) => u.id) ?? []);
  const node = units.data ? findNode(buildTree(units.data), unit.id) : undefined;
  const total = node?.totalMembers ?? unit.memberCount;

  return (
    <>
      <PageHeader
        title={unit.name}
        above={
          ancestors.length > 0 && (
            <nav aria-label={vi.unit.breadcrumb}>
              <Breadcrumbs separator="›" separatorMargin={6} fz="sm">
                {ancestors.map((a) =>
                  visible.has(a.id) ? (
                    <AnchorLink key={a.id} to="/don-vi/$unitId" params={{ unitId: a.id }} fz="sm">
                      {a.name}
                    </AnchorLink>
                  ) : (
                    <Text key={a.id} fz="sm" c="dimmed" span>
                      {a.name}
                    </Text>
                  ),
                )}
                <Text fz="sm" span aria-current="page">
                  {unit.name}
                </Text>
              </Breadcrumbs>
            </nav>
          )
        }
        below={
          <Group gap="xs">
            <Badge color="blue">{kindLabel(unit.kind)}</Badge>
            {holdsMembers(unit.kind) && <Text fw={600}>{vi.common.memberCount(total)}</Text>}
          </Group>
        }
        actions={
          <Group gap="xs">
            {abilities.exportMembers && holdsMembers(unit.kind) && <ExportButtons unitId={unit.id} />}
            {positions.data?.abilities.edit && unit.kind !== 'commune' && unit.kind !== 'province' && !unit.closedOn && <MergeButton unit={unit} />}
          </Group>
        }
      />

      <Stack gap="xl">
        {children.length > 0 && <Children detail={detail.data} />}
        {positions.data && <UnitPositions unit={unit} />}
        {unit.kind === 'cell' && abilities.listMembers && <CellCounts cellId={unit.id} />}
        {(unit.kind === 'cell' || unit.kind === 'grassrootsOrg') && abilities.listMembers && <UnitSessions unitId={unit.id} />}
        {unit.kind === 'cell' && abilities.listMembers && <CellMembers unitId={unit.id} cellName={unit.name} canAdd={abilities.addMember} />}
      </Stack>
    </>
  );
}

function ExportButtons({ unitId }: { unitId: string }) {
  return (
    <Group gap="xs" role="group" aria-label={vi.unit.exportLabel}>
      <Button component="a" href={exportUrl(unitId, 'xlsx')} download variant="default" leftSection={<DownloadIcon />}>
        {vi.unit.exportXlsx}
      </Button>
      <Button component="a" href={exportUrl(unitId, 'csv')} download variant="default" leftSection={<DownloadIcon />}>
        {vi.unit.exportCsv}
      </Button>
    </Group>
  );
}

/** Kinds in the order a ward reads them: party organisations first, then agencies and groups. */
const kindOrder = ['commune', 'grassrootsOrg', 'cell', 'agency', 'massOrg', 'residentialGroup', 'province'];

function Children({ detail }: { detail: UnitDetail }) {
  const units = useQuery(unitsQuery);
  const tree = useMemo(() => (units.data ? buildTree(units.data) : []), [units.data]);
  const groups = kindOrder
    .map((kind) => ({ kind, units: detail.children.filter((c) => c.kind === kind) }))
    .filter((g) => g.units.length > 0);
  return (
    <Section id="unit-children" title={vi.unit.children}>
      <Stack gap="lg">
        {groups.map((group) => (
          <div key={group.kind}>
            {groups.length > 1 && (
              <Title order={3} fz="lg" mb="xs" id={`unit-children-${group.kind}`}>
                {kindLabel(group.kind)} ({group.units.length})
              </Title>
            )}
            <SimpleGrid
              component="ul"
              aria-labelledby={groups.length > 1 ? `unit-children-${group.kind}` : 'unit-children'}
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="sm"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {group.units.map((child) => {
                const node = findNode(tree, child.id);
                return (
                  <Paper component="li" key={child.id} withBorder p="sm" radius="md">
                    <AnchorLink to="/don-vi/$unitId" params={{ unitId: child.id }} fw={700}>
                      {child.name}
                    </AnchorLink>
                    {holdsMembers(child.kind) && (
                      <Text fz="sm" c="dimmed">
                        {vi.common.memberCount(node?.totalMembers ?? child.memberCount)}
                        {child.kind !== 'cell' && node && node.cellCount > 0 && ` · ${vi.common.cellCount(node.cellCount)}`}
                      </Text>
                    )}
                  </Paper>
                );
              })}
            </SimpleGrid>
          </div>
        ))}
      </Stack>
    </Section>
  );
}

function CellMembers({ unitId, cellName, canAdd }: { unitId: string; cellName: string; canAdd: boolean }) {
  const members = useQuery(unitMembersQuery(unitId));
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const shown = useMemo(() => {
    const list = members.data?.members ?? [];
    const needle = foldVietnamese(filter).trim();
    if (!needle) return list;
    return list.filter((m) => foldVietnamese(m.fullName).includes(needle) || (m.cardNumber ?? '').includes(needle));
  }, [members.data, filter]);
  const exempt = members.data?.members.filter((m) => m.exempt).length ?? 0;

  return (
    <Section id="unit-members" title={vi.unit.members}>
      {canAdd && (
        <Group mb="sm">
          <Button variant="default" onClick={() => setAdding(true)}>
            {vi.memberCreate.open}
          </Button>
        </Group>
      )}
      <Success>{added}</Success>
      {adding && (
        <MemberCreateDialog
          cell={{ id: unitId, name: cellName }}
          onClose={(saved) => {
            setAdding(false);
            if (saved) setAdded(vi.memberCreate.created(saved.fullName));
          }}
        />
      )}
      <QueryStatus query={members} />
      {members.data && members.data.total === 0 && <Text>{vi.unit.noMembers}</Text>}
      {members.data && members.data.total > 0 && (
        <Stack gap="sm">
          <Group align="flex-end" justify="space-between" gap="sm">
            <SearchInput
              label={vi.unit.filter}
              placeholder={vi.unit.filterPlaceholder}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
              maw={420}
            />
            <Text aria-live="polite">
              {vi.unit.shown(shown.length, members.data.total)}
              {exempt > 0 && ` · ${vi.unit.exemptMembers}: ${exempt}`}
            </Text>
          </Group>
          {shown.length === 0 ? <Text>{vi.unit.noMatch}</Text> : <MemberList members={shown} label={vi.unit.members} />}
        </Stack>
      )}
    </Section>
  );
}
