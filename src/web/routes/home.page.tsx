// / — where each user starts (landingFor): whoever follows a commune sees its plans in motion and
// the part of the tree they oversee with its numbers; a unit officer their units; both the quick
// links to the pages the server lets them use. A cell secretary is taken to their cell, a member to
// their own record.
// The page, loaded when first opened; the address and its checks are in ./home.tsx.
import { useMemo } from 'react';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../components/feedback';
import { AnchorLink, ButtonLink, useInAppClick } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { Stat } from '../components/Stat';
import { landingFor, useMe, type Me } from '../features/auth/session';
import { Campaign } from '../features/plans/Campaign';
import { holdsMembers, kindLabel } from '../features/units/labels';
import { unitsQuery } from '../features/units/queries';
import { buildTree, type TreeNode } from '../features/units/tree';
import { vi } from '../i18n/vi';
import { hrefOf, navItems } from '../nav';

export default HomePage;

function HomePage() {
  const me = useMe();
  const units = useQuery(unitsQuery);
  // The top of what the server lets the user see: the ward (or province) they oversee, an officer's own units.
  const roots = useMemo(() => (units.data ? buildTree(units.data) : []), [units.data]);
  return (
    <>
      <PageHeader title={vi.home.greeting(me.user.displayName)} documentTitle={vi.home.title} />
      <Stack gap="xl">
        {me.abilities.viewPlans && <Campaign />}
        {!units.data && <QueryStatus query={units} />}
        {roots.length > 0 && (
          <Section id="home-units" title={landingFor(me).kind === 'overview' ? vi.home.overviewTitle : vi.home.yourUnits}>
            <Stack gap="md">
              {roots.map((node) => (
                <UnitOverview key={node.unit.id} node={node} />
              ))}
            </Stack>
          </Section>
        )}
        <QuickLinks me={me} />
      </Stack>
    </>
  );
}

function UnitOverview({ node }: { node: TreeNode }) {
  const communes = node.children.filter((c) => c.unit.kind === 'commune');
  const grassroots = node.children.filter((c) => c.unit.kind === 'grassrootsOrg').length;
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

/** The pages of the menu the user may open, each with what it is for (nav.ts). */
function QuickLinks({ me }: { me: Me }) {
  const follow = useInAppClick();
  const links = navItems.filter((item) => item.hint && item.show(me));
  return (
    <Section id="home-links" title={vi.home.quickLinks}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {links.map((item) => {
          const href = hrefOf(item, me);
          return (
            <Paper key={item.id} withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <Anchor href={href} onClick={follow(href)} fw={700} fz="lg">
                {item.label}
              </Anchor>
              <Text c="dimmed" fz="sm">
                {item.hint}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Section>
  );
}
