// One plan: what it is (number, date, status, resolutions), its next workflow step, its documents,
// its text (edited while a draft, read-only after), its recipients and, once issued, who has read it.
import { useEffect, useState } from 'react';
import { Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { vi } from '../../i18n/vi';
import { useMe } from '../auth/session';
import { canSeePlans, hasInbox } from './access';
import { Deliveries } from './Deliveries';
import { DocumentActions } from './DocumentActions';
import { Facts } from './Facts';
import { formatDay, statusColor, statusLabel } from './format';
import { PlanEditor } from './PlanEditor';
import type { Plan } from './queries';
import { Recipients } from './Recipients';
import { WorkflowPanel } from './WorkflowPanel';

const t = vi.plans;

export const headlineOf = (plan: Pick<Plan, 'number' | 'symbol'>) => (plan.number !== null ? t.headlineNumbered(plan.number, plan.symbol) : t.headlineDraft);

export function PlanDetail({ plan }: { plan: Plan }) {
  const me = useMe();
  const [text, setText] = useState(plan.source);
  const dirty = plan.abilities.edit && text !== plan.source;

  // Another tab or person moved the plan on (issued, returned…): a plan no longer editable shows its stored text.
  useEffect(() => {
    if (!plan.abilities.edit) setText(plan.source);
  }, [plan.abilities.edit, plan.source]);

  useBlocker({ shouldBlockFn: () => !window.confirm(t.leaveWarning), enableBeforeUnload: dirty, disabled: !dirty });

  return (
    <>
      <PageHeader
        title={headlineOf(plan)}
        above={
          canSeePlans(me) ? (
            <AnchorLink to="/ke-hoach" fz="sm">
              ‹ {t.backToList}
            </AnchorLink>
          ) : hasInbox(me) ? (
            <AnchorLink to="/van-ban-den" fz="sm">
              ‹ {t.backToInbox}
            </AnchorLink>
          ) : undefined
        }
        below={
          <Stack gap={6}>
            <Group gap="xs">
              <Badge color={statusColor(plan.status)} size="lg">
                {statusLabel(plan.status)}
              </Badge>
              <Text fz="sm" c="dimmed">
                {t.kind[plan.kind] ?? plan.kind}
              </Text>
            </Group>
            <Text fw={600} maw={900}>
              {plan.title}
            </Text>
          </Stack>
        }
      />

      <Stack gap="xl">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-summary" h="100%">
              <Title order={2} id="plan-summary" fz="xl" mb="sm">
                {t.summaryLabel}
              </Title>
              <Summary plan={plan} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              {(plan.abilities.submit || plan.abilities.approve || plan.abilities.issue || plan.abilities.newVersion || plan.abilities.edit || canSeePlans(me)) && (
                <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-workflow">
                  <Title order={2} id="plan-workflow" fz="xl" mb="sm">
                    {t.workflowTitle}
                  </Title>
                  <WorkflowPanel plan={plan} dirty={dirty} />
                </Paper>
              )}
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-documents">
                <Title order={2} id="plan-documents" fz="xl" mb="sm">
                  {t.documentsTitle}
                </Title>
                <DocumentActions planId={plan.id} />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>

        {plan.abilities.viewDeliveries && (
          <section aria-labelledby="plan-deliveries">
            <Title order={2} id="plan-deliveries" mb="sm">
              {t.deliveriesTitle}
            </Title>
            <Deliveries planId={plan.id} />
          </section>
        )}

        <section aria-labelledby="plan-content">
          <Title order={2} id="plan-content" mb="sm">
            {t.contentTitle}
          </Title>
          <PlanEditor plan={plan} text={text} onText={setText} />
        </section>

        <section aria-labelledby="plan-recipients">
          <Title order={2} id="plan-recipients" mb="sm">
            {t.recipientsTitle}
          </Title>
          <Recipients plan={plan} />
        </section>
      </Stack>
    </>
  );
}

function Summary({ plan }: { plan: Plan }) {
  const rows: [string, React.ReactNode][] = [
    [t.numberLine, plan.number !== null ? plan.numberText : t.unnumbered],
    [t.issuedOn, formatDay(plan.issuedOn)],
    [t.issuer, plan.issuerName],
    [t.kindFact, t.kind[plan.kind] ?? plan.kind],
    [
      t.resolutions,
      plan.resolutions.length === 0 ? (
        t.noResolutions
      ) : (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {plan.resolutions.map((r) => (
            <li key={r.id}>
              <strong>{r.number}</strong> — {r.subject}
            </li>
          ))}
        </Stack>
      ),
    ],
  ];
  if (plan.supersedesId)
    rows.push([
      t.supersedes,
      <AnchorLink key="s" to="/ke-hoach/$planId" params={{ planId: plan.supersedesId }}>
        {t.openSuperseded}
      </AnchorLink>,
    ]);
  return <Facts rows={rows} />;
}
