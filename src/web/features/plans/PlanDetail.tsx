// One plan: what it is (number, date, status, resolutions), its next workflow step, its documents,
// its text (edited while a draft, read-only after), its recipients and, once issued, who has read it.
import { useEffect, useState } from 'react';
import { Grid, Group, Stack, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { Facts } from '../../components/Facts';
import { AnchorLink, ButtonLink } from '../../components/links';
import { NoBreakNumbers } from '../../components/NoBreakNumbers';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { useMe } from '../auth/session';
import { Deliveries } from './Deliveries';
import { DocumentActions } from './DocumentActions';
import { headlineOf, kindLabel } from './format';
import { PlanEditor } from './PlanEditor';
import { PlanStatusBadge } from './PlanStatusBadge';
import type { Plan } from './queries';
import { Recipients } from './Recipients';
import { WorkflowPanel } from './WorkflowPanel';
import { PlanConferences } from '../conferences/PlanConferences';
import { PlanTimeline } from '../tasks/PlanTimeline';
import { PlanTasks } from '../tasks/PlanTasks';

const t = vi.plans;

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
        title={<NoBreakNumbers>{headlineOf(plan)}</NoBreakNumbers>}
        documentTitle={headlineOf(plan)}
        above={
          me.abilities.viewPlans ? (
            <AnchorLink to="/ke-hoach" fz="sm">
              ‹ {t.backToList}
            </AnchorLink>
          ) : me.abilities.viewInbox ? (
            <AnchorLink to="/van-ban-den" fz="sm">
              ‹ {t.backToInbox}
            </AnchorLink>
          ) : undefined
        }
        below={
          <Stack gap={6}>
            <Group gap="xs">
              <PlanStatusBadge status={plan.status} size="lg" />
              <Text fz="sm" c="dimmed">
                {kindLabel(plan.kind)}
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
          {/* On a phone the next step (Duyệt, Ban hành…) comes first, under the title: never below a long card. */}
          <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
            <Section framed fullHeight id="plan-summary" title={t.summaryLabel}>
              <Summary plan={plan} />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              {(plan.abilities.submit || plan.abilities.approve || plan.abilities.issue || plan.abilities.newVersion || plan.abilities.edit || me.abilities.viewPlans) && (
                <Section framed id="plan-workflow" title={t.workflowTitle}>
                  <WorkflowPanel plan={plan} dirty={dirty} />
                </Section>
              )}
              <Section framed id="plan-documents" title={t.documentsTitle}>
                <DocumentActions planId={plan.id} />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>

        {plan.status === 'issued' && <PlanTimeline planId={plan.id} />}

        {plan.status === 'issued' && (me.abilities.viewPlans) && (
          <Section id="plan-conferences" title={vi.conferences.sectionTitle}>
            <PlanConferences planId={plan.id} />
          </Section>
        )}

        {plan.status === 'issued' && plan.abilities.viewDeliveries && (
          <Section id="plan-sessions" title="Sinh hoạt học tập ở các chi bộ">
            <Group gap="sm" wrap="wrap">
              <ButtonLink to="/ke-hoach/$planId/sinh-hoat" params={{ planId: plan.id }} variant="light">
                Theo dõi sinh hoạt các chi bộ
              </ButtonLink>
              <ButtonLink to="/ke-hoach/$planId/tong-hop" params={{ planId: plan.id }} variant="light">
                Tổng hợp báo cáo
              </ButtonLink>
              <ButtonLink to="/thu-hoach" search={{ plan: plan.id }} variant="light">
                Bài thu hoạch, hạn nộp
              </ButtonLink>
            </Group>
          </Section>
        )}

        {plan.status === 'issued' && (
          <Section id="plan-propaganda" title="Tuyên truyền">
            <ButtonLink to="/ke-hoach/$planId/tuyen-truyen" params={{ planId: plan.id }} variant="light">
              Tuyên truyền, phát thanh
            </ButtonLink>
          </Section>
        )}

        <Section id="plan-tasks" title="Nhiệm vụ">
          <PlanTasks planId={plan.id} canAssign={plan.abilities.edit} />
        </Section>

        {plan.abilities.viewDeliveries && (
          <Section id="plan-deliveries" title={t.deliveriesTitle}>
            <Deliveries planId={plan.id} />
          </Section>
        )}

        <Section id="plan-content" title={t.contentTitle}>
          <PlanEditor plan={plan} text={text} onText={setText} />
        </Section>

        <Section id="plan-recipients" title={t.recipientsTitle}>
          <Recipients plan={plan} />
        </Section>
      </Stack>
    </>
  );
}

function Summary({ plan }: { plan: Plan }) {
  const rows: [string, React.ReactNode][] = [
    [t.numberLine, plan.number !== null ? plan.numberText : t.unnumbered],
    [t.issuedOn, formatDate(plan.issuedOn)],
    [t.issuer, plan.issuerName],
    [t.kindFact, kindLabel(plan.kind)],
    [
      t.resolutions,
      plan.resolutions.length === 0 ? (
        t.noResolutions
      ) : (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {plan.resolutions.map((r) => (
            <li key={r.id}>
              <strong className="qt-nowrap">{r.number}</strong> — {r.subject}
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
