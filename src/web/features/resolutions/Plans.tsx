// The plans that implement a document, each linking to its page (/ke-hoach/$planId).
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { isOverseer, useMe } from '../auth/session';
import { vi } from '../../i18n/vi';
import type { LinkedPlan } from './queries';

const t = vi.resolutions.plans;

const statusColor: Record<string, string> = { draft: 'gray', submitted: 'orange', approved: 'blue', issued: 'green' };

export function Plans({ plans: all }: { plans: LinkedPlan[] }) {
  // Drafts are the office's and the leadership's (plans/policy.ts); others see issued plans only.
  const me = useMe();
  const plans = isOverseer(me) ? all : all.filter((p) => p.status === 'issued');
  return (
    <section aria-labelledby="resolution-plans">
      <Title order={2} id="resolution-plans" mb="sm">
        {t.title}
      </Title>
      {plans.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <Stack component="ul" gap="xs" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {plans.map((plan) => (
            <Paper component="li" key={plan.id} withBorder p="sm" radius="md">
              <Group gap="xs" mb={2}>
                {plan.number !== null && (
                  <Text fw={600} fz="sm">
                    {t.number(plan.number, plan.symbol)}
                  </Text>
                )}
                <Badge color={statusColor[plan.status] ?? 'gray'}>{t.statuses[plan.status] ?? plan.status}</Badge>
              </Group>
              <AnchorLink to="/ke-hoach/$planId" params={{ planId: plan.id }} fw={700}>
                {plan.title}
              </AnchorLink>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
