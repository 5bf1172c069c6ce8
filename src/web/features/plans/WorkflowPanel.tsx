// The plan's next steps, offered by the abilities the server computed: the office submits a draft,
// the leadership approves or returns it, the office issues it (with its date) and, once issued,
// starts a new version when something must change.
import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, Success } from '../../components/feedback';
import { useSlow } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { todayInVietnam } from '../../../domain/dates';
import { issuePlan, newPlanVersion, planQuery, plansKey, runStep, type Plan, type WorkflowStep } from './queries';

const t = vi.plans;
type Action = WorkflowStep | 'issue' | 'newVersion';

export function WorkflowPanel({ plan, dirty }: { plan: Plan; dirty: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [issuedOn, setIssuedOn] = useState(() => todayInVietnam());
  const slow = useSlow(busy !== null);
  const a = plan.abilities;

  const run = async (action: Action) => {
    setBusy(action);
    setFailure(null);
    setDone(null);
    try {
      if (action === 'newVersion') {
        const draft = await newPlanVersion(plan.id);
        void queryClient.invalidateQueries({ queryKey: plansKey, exact: true });
        await navigate({ to: '/ke-hoach/$planId', params: { planId: draft.id } });
        return;
      }
      const updated = action === 'issue' ? await issuePlan(plan.id, plan.version, issuedOn || undefined) : await runStep(plan.id, action, plan.version);
      queryClient.setQueryData(planQuery(plan.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: plansKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: ['plans', plan.id, 'deliveries'] });
      setDone(t.stepDone[action] ?? null);
    } catch (error) {
      setFailure(error);
      // The plan may have moved on meanwhile (someone else acted): show its current state.
      void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
    } finally {
      setBusy(null);
    }
  };

  const any = a.submit || a.approve || a.issue || a.newVersion;
  return (
    <Stack gap="sm">
      <Text>{t.waiting[plan.status]}</Text>
      {any && (
        <Stack gap="sm">
          {a.submit && (
            <Stack gap={4}>
              <Group gap="sm">
                <Button onClick={() => void run('submit')} loading={busy === 'submit'} disabled={busy !== null || dirty} aria-describedby={dirty ? 'plan-save-first' : undefined}>
                  {t.submit}
                </Button>
              </Group>
              {dirty && (
                <Text id="plan-save-first" fz="sm" c="orange.9">
                  {t.saveFirst}
                </Text>
              )}
            </Stack>
          )}
          {a.approve && (
            <Group gap="sm">
              <Button color="green" onClick={() => void run('approve')} loading={busy === 'approve'} disabled={busy !== null}>
                {t.approve}
              </Button>
              <Button variant="default" onClick={() => void run('return')} loading={busy === 'return'} disabled={busy !== null}>
                {t.return}
              </Button>
            </Group>
          )}
          {a.issue && (
            <Stack gap="xs">
              <Group gap="sm" align="flex-end">
                <TextInput type="date" label={t.issuedOnLabel} description={t.issuedOnHint} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} w={220} />
                <Button onClick={() => void run('issue')} loading={busy === 'issue'} disabled={busy !== null} aria-describedby="plan-issue-note">
                  {t.issue}
                </Button>
              </Group>
              <Text id="plan-issue-note" fz="sm" c="dimmed">
                {t.issueConfirm}
              </Text>
            </Stack>
          )}
          {a.newVersion && (
            <div>
              <Button variant="default" onClick={() => void run('newVersion')} loading={busy === 'newVersion'} disabled={busy !== null}>
                {t.newVersion}
              </Button>
            </div>
          )}
        </Stack>
      )}
      {slow && <Working label={t.working} />}
      <Success>{done}</Success>
      {failure !== null && <ErrorAlert error={failure} />}
    </Stack>
  );
}
