// The commune's plans, newest change first: title, status, number and date of issue.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { vi } from '../../i18n/vi';
import { formatDay, statusColor, statusLabel } from './format';
import type { PlanSummary } from './queries';

const t = vi.plans;

export const summaryNumber = (p: Pick<PlanSummary, 'number' | 'symbol'>) => (p.number === null ? t.unnumbered : `Số ${p.number}-${p.symbol}`);

export function PlanList({ plans }: { plans: PlanSummary[] }) {
  return (
    <Stack component="ul" gap="sm" aria-label={t.listLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {plans.map((plan) => (
        <Paper component="li" key={plan.id} withBorder p="md" radius="md">
          <Stack gap={6}>
            <AnchorLink to="/ke-hoach/$planId" params={{ planId: plan.id }} fw={700} fz="lg">
              {plan.title}
            </AnchorLink>
            <Group gap="sm" wrap="wrap">
              <Badge color={statusColor(plan.status)}>{statusLabel(plan.status)}</Badge>
              <Text fz="sm">{summaryNumber(plan)}</Text>
              {plan.issuedOn && (
                <Text fz="sm">
                  {t.columns.date}: {formatDay(plan.issuedOn)}
                </Text>
              )}
              <Text fz="sm" c="dimmed">
                {t.kind[plan.kind] ?? plan.kind}
              </Text>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
