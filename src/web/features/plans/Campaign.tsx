// The campaign in motion, on the home page of those who follow the commune's plans: what waits for
// the user (plans to approve, to issue, drafts in progress) and the latest plans with their status.
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { QueryStatus } from '../../components/feedback';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { vi } from '../../i18n/vi';
import { useMe } from '../auth/session';
import { PlanList } from './PlanList';
import { plansQuery, type PlanSummary } from './queries';

const t = vi.home.campaign;
const LATEST = 4;

export function Campaign() {
  const plans = useQuery(plansQuery);
  // Plans belong to a commune: a province account over several communes has no one list of them.
  if (plans.error instanceof ApiError && plans.error.id === 'commune.required') return null;
  return (
    <Section id="home-campaign" title={t.title}>
      {!plans.data ? (
        <QueryStatus query={plans} />
      ) : plans.data.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Stack gap="sm">
          <Waiting plans={plans.data} />
          <PlanList plans={plans.data.slice(0, LATEST)} label={t.listLabel} compact />
          <div>
            <AnchorLink to="/ke-hoach" fw={600}>
              {t.all(plans.data.length)}
            </AnchorLink>
          </div>
        </Stack>
      )}
    </Section>
  );
}

/** One line for each step that waits for this user, by the abilities the server computed. */
function Waiting({ plans }: { plans: PlanSummary[] }) {
  const me = useMe();
  const count = (status: PlanSummary['status']) => plans.filter((p) => p.status === status).length;
  const lines = [
    me.abilities.approvePlans && count('submitted') > 0 && t.toApprove(count('submitted')),
    me.abilities.draftPlans && count('approved') > 0 && t.toIssue(count('approved')),
    me.abilities.draftPlans && count('draft') > 0 && t.drafts(count('draft')),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} fw={600} c="orange.9">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
