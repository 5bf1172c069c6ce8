// The plans that implement a document, each linking to its page (/ke-hoach/$planId). The server
// lists only the plans the user may read (drafts are the office's and the leadership's).
import { Group, Paper, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { Section } from '../../components/Section';
import { vi } from '../../i18n/vi';
import { planNumber } from '../plans/format';
import { PlanStatusBadge } from '../plans/PlanStatusBadge';
import type { LinkedPlan } from './queries';

const t = vi.resolutions.plans;

export function Plans({ plans }: { plans: LinkedPlan[] }) {
  return (
    <Section id="resolution-plans" title={t.title}>
      {plans.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <Stack component="ul" gap="xs" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {plans.map((plan) => (
            <Paper component="li" key={plan.id} withBorder p="sm" radius="md">
              <Group gap="xs" mb={2}>
                {plan.number !== null && (
                  <Text fw={600} fz="sm">
                    <NoBreakNumbers>{planNumber(plan)}</NoBreakNumbers>
                  </Text>
                )}
                <PlanStatusBadge status={plan.status} />
              </Group>
              <AnchorLink to="/ke-hoach/$planId" params={{ planId: plan.id }} fw={700}>
                <NoBreakNumbers>{plan.title}</NoBreakNumbers>
              </AnchorLink>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
