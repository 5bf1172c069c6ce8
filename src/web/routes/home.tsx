// / — where each user starts: ward staff, leaders and the province see their part of the tree with
// its numbers; a cell secretary is taken to their cell, a member to their own record.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { createRoute, redirect } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../components/feedback';
import { AnchorLink, ButtonLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { grantsOf, isOverseer, landingFor, useMe, type Me } from '../features/auth/session';
import { holdsMembers, kindLabel } from '../features/units/labels';
import { unitsQuery } from '../features/units/queries';
import { buildTree, findNode, type TreeNode } from '../features/units/tree';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const landing = landingFor(context.me);
    if (landing.kind === 'cell') throw redirect({ to: '/don-vi/$unitId', params: { unitId: landing.unitId }, replace: true });
    if (landing.kind === 'record') throw redirect({ to: '/dang-vien/$memberId', params: { memberId: landing.memberId }, replace: true });
    if (landing.kind === 'account') throw redirect({ to: '/tai-khoan', replace: true });
  },
  component: HomePage,
});

function HomePage() {
  const me = useMe();
  const units = useQuery(unitsQuery);
  const grants = isOverseer(me) ? me.roles.filter((r) => r.role !== 'unitOfficer' && r.role !== 'cellSecretary' && r.role !== 'member') : grantsOf(me, 'unitOfficer');
  const tree = units.data ? buildTree(units.data) : [];
  const roots = [...new Set(grants.map((g) => g.unitId))].map((id) => findNode(tree, id)).filter((n): n is TreeNode => n !== undefined);

  return (
    <>
      <PageHeader title={vi.home.greeting(me.user.displayName)} documentTitle={vi.home.title} />
      {units.isPending && <Loading />}
      {units.isError && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}
      <Stack gap="xl">
        {roots.length > 0 && (
          <section aria-labelledby="home-units">
            <Title order={2} id="home-units" mb="sm">
              {isOverseer(me) ? vi.home.overviewTitle : vi.home.yourUnits}
            </Title>
            <Stack gap="md">
              {roots.map((node) => (
                <UnitOverview key={node.unit.id} node={node} />
              ))}
            </Stack>
          </section>
        )}
        <QuickLinks me={me} />
      </Stack>
    </>
  );
}

function UnitOverview({ node }: { node: TreeNode }) {
  const communes = node.children.filter((c) => c.unit.kind === 'commune');
  const grassroots = [...node.children].filter((c) => c.unit.kind === 'grassrootsOrg').length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Text fz="sm" c="dimmed">
            {kindLabel(node.unit.kind)}
          </Text>
          <Title order={3}>{node.unit.name}</Title>
        </div>
        {holdsMembers(node.unit.kind) && (
          <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="sm">
            <Stat label={vi.home.stats.members} value={node.totalMembers} />
            <Stat label={vi.home.stats.cells} value={node.cellCount} />
            {grassroots > 0 && <Stat label={vi.home.stats.grassrootsOrgs} value={grassroots} />}
          </SimpleGrid>
        )}
        <div>
          <ButtonLink to="/don-vi/$unitId" params={{ unitId: node.unit.id }} variant="light">
            {vi.home.openUnit}
          </ButtonLink>
        </div>
        {communes.length > 0 && (
          <section aria-label={vi.home.communes}>
            <Title order={4} mb="xs">
              {vi.home.communes}
            </Title>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {communes.map((c) => (
                <li key={c.unit.id}>
                  <AnchorLink to="/don-vi/$unitId" params={{ unitId: c.unit.id }} fw={600}>
                    {c.unit.name}
                  </AnchorLink>{' '}
                  <Text span c="dimmed" fz="sm">
                    — {vi.common.memberCount(c.totalMembers)}, {vi.common.cellCount(c.cellCount)}
                  </Text>
                </li>
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper bg="gray.0" p="sm" radius="md">
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700}>
        {value.toLocaleString('vi-VN')}
      </Text>
    </Paper>
  );
}

function QuickLinks({ me }: { me: Me }) {
  const links: { key: string; to: '/to-chuc' | '/tim-kiem' | '/nhap-danh-sach' | '/tai-khoan'; label: string; text: string }[] = [];
  if (me.abilities.viewOrganisation) links.push({ key: 'org', to: '/to-chuc', label: vi.nav.organisation, text: vi.home.links.organisation });
  if (me.abilities.searchMembers) links.push({ key: 'search', to: '/tim-kiem', label: vi.nav.search, text: vi.home.links.search });
  if (me.abilities.importMembers) links.push({ key: 'import', to: '/nhap-danh-sach', label: vi.nav.importMembers, text: vi.home.links.importMembers });
  links.push({ key: 'account', to: '/tai-khoan', label: vi.nav.account, text: vi.home.links.account });
  return (
    <section aria-labelledby="home-links">
      <Title order={2} id="home-links" mb="sm">
        {vi.home.quickLinks}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {links.map((l) => (
          <Paper key={l.key} withBorder p="md" radius="md">
            <AnchorLink to={l.to} fw={700} fz="lg">
              {l.label}
            </AnchorLink>
            <Text c="dimmed" fz="sm">
              {l.text}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
