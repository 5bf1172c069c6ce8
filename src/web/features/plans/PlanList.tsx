// The commune's plans, newest change first: title, status, number and date of issue. `compact`
// (the home page) leaves out the kind, draws the list tighter and shows at most three lines of a
// long title (the whole title is still read by screen readers and on the plan's page).
import { Group, Paper, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { kindLabel, planNumber } from './format';
import { PlanStatusBadge } from './PlanStatusBadge';
import type { PlanSummary } from './queries';

const t = vi.plans;

export function PlanList({ plans, label = t.listLabel, compact = false }: { plans: PlanSummary[]; label?: string; compact?: boolean }) {
  return (
    <Stack component="ul" gap={compact ? 'xs' : 'sm'} aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {plans.map((plan) => (
        <Paper component="li" key={plan.id} withBorder p={compact ? 'sm' : 'md'} radius="md">
          <Stack gap={compact ? 4 : 6}>
            <AnchorLink to="/ke-hoach/$planId" params={{ planId: plan.id }} fw={compact ? 600 : 700} fz={compact ? undefined : 'lg'} lineClamp={compact ? 3 : undefined}>
              <NoBreakNumbers>{plan.title}</NoBreakNumbers>
            </AnchorLink>
            <Group gap="sm" wrap="wrap">
              <PlanStatusBadge status={plan.status} />
              <Text fz="sm">
                <NoBreakNumbers>{planNumber(plan)}</NoBreakNumbers>
              </Text>
              {plan.issuedOn && (
                <Text fz="sm">
                  {t.columns.date}: {formatDate(plan.issuedOn)}
                </Text>
              )}
              {!compact && (
                <Text fz="sm" c="dimmed">
                  {kindLabel(plan.kind)}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
