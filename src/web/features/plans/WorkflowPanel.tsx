// The plan's next steps, offered by the abilities the server computed: the office submits a draft,
// the leadership approves or returns it, the office issues it (with its date) and, once issued,
// starts a new version when something must change. The checks gate the steps: a draft with lint
// errors is submitted only with a reason for each error kept; the leadership reads the errors and
// the reasons before approving; approving and issuing each ask for confirmation, issuing with the
// number and date it will take.
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isReason } from '../../../domain/plan-import/acknowledgements';
import { ErrorAlert, Success } from '../../components/feedback';
import { useSlow } from '../../components/progress';
import { Working } from '../../components/Working';
import { formatDate, formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { todayInVietnam } from '../../../domain/dates';
import { issuePlan, issuePreview, newPlanVersion, planQuery, plansKey, runStep, submitPlan, type IssuePreview, type Plan, type WorkflowStep } from './queries';

const t = vi.plans;
type Action = WorkflowStep | 'issue' | 'newVersion';

export function WorkflowPanel({ plan, dirty }: { plan: Plan; dirty: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<Action | 'preview' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [issuedOn, setIssuedOn] = useState(() => todayInVietnam());
  const [dialog, setDialog] = useState<'submit' | 'approve' | 'issue' | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<IssuePreview | null>(null);
  const slow = useSlow(busy !== null);
  const a = plan.abilities;
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  const keyOf = (d: { code: string; line: number }) => `${d.code}:${d.line}`;

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
      const updated =
        action === 'issue'
          ? await issuePlan(plan.id, plan.version, preview?.issuedOn ?? (issuedOn || undefined))
          : action === 'submit'
            ? await submitPlan(plan.id, plan.version, errors.map((d) => ({ code: d.code, line: d.line, reason: reasons[keyOf(d)] ?? '' })))
            : await runStep(plan.id, action, plan.version);
      setDialog(null);
      queryClient.setQueryData(planQuery(plan.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: plansKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: ['plans', plan.id, 'deliveries'] });
      setDone(t.stepDone[action] ?? null);
    } catch (error) {
      setDialog(null);
      setFailure(error);
      // The plan may have moved on meanwhile (someone else acted): show its current state.
      void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
    } finally {
      setBusy(null);
    }
  };

  const askIssue = async () => {
    setBusy('preview');
    setFailure(null);
    setDone(null);
    try {
      setPreview(await issuePreview(plan.id, issuedOn || undefined));
      setDialog('issue');
    } catch (error) {
      setFailure(error);
      void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
    } finally {
      setBusy(null);
    }
  };

  const allReasoned = errors.every((d) => isReason(reasons[keyOf(d)] ?? ''));
  const any = a.submit || a.approve || a.issue || a.newVersion;
  return (
    <Stack gap="sm">
      <Text>{t.waiting[plan.status]}</Text>
      {errors.length > 0 && plan.status === 'draft' && (
        <Alert color="red" variant="light" title={t.gate.errorsTitle(errors.length)}>
          {t.gate.errorsHint}
        </Alert>
      )}
      {plan.acknowledgements.length > 0 && <Acknowledgements plan={plan} />}
      {any && (
        <Stack gap="sm">
          {a.submit && (
            <Stack gap={4}>
              <Group gap="sm">
                <Button
                  onClick={() => (errors.length > 0 ? setDialog('submit') : void run('submit'))}
                  loading={busy === 'submit'}
                  disabled={busy !== null || dirty}
                  aria-describedby={dirty ? 'plan-save-first' : undefined}
                >
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
              <Button color="green" onClick={() => setDialog('approve')} disabled={busy !== null}>
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
                <Button onClick={() => void askIssue()} loading={busy === 'preview'} disabled={busy !== null} aria-describedby="plan-issue-note">
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

      <Modal opened={dialog === 'submit'} onClose={() => setDialog(null)} closeButtonProps={{ 'aria-label': t.gate.close }} title={t.gate.submitTitle} size="lg">
        <Stack gap="md">
          <Text>{t.gate.submitIntro(errors.length)}</Text>
          {errors.map((d) => (
            <Stack key={keyOf(d)} gap={4}>
              <Text fw={600}>
                {t.gate.errorAt(d.line, d.rule)}
              </Text>
              <Text fz="sm">{d.message}</Text>
              <Textarea
                label={t.gate.reasonLabel(d.line)}
                description={t.gate.reasonHint}
                value={reasons[keyOf(d)] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setReasons((r) => ({ ...r, [keyOf(d)]: value }));
                }}
                autosize
                minRows={2}
                maxLength={1000}
              />
            </Stack>
          ))}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t.gate.fixFirst}
            </Button>
            <Button onClick={() => void run('submit')} loading={busy === 'submit'} disabled={!allReasoned || busy !== null}>
              {t.gate.submitWithReasons}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'approve'} onClose={() => setDialog(null)} closeButtonProps={{ 'aria-label': t.gate.close }} title={t.gate.approveTitle}>
        <Stack gap="md">
          <Text>{plan.acknowledgements.length > 0 ? t.gate.approveWithAcknowledgements(plan.acknowledgements.length) : t.gate.approveIntro}</Text>
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t.gate.cancel}
            </Button>
            <Button color="green" onClick={() => void run('approve')} loading={busy === 'approve'} disabled={busy !== null}>
              {t.gate.approveConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'issue' && preview !== null} onClose={() => setDialog(null)} closeButtonProps={{ 'aria-label': t.gate.close }} title={t.gate.issueTitle}>
        {preview && (
          <Stack gap="md">
            <Text fw={600} fz="lg">
              {t.gate.issueWill(preview.numberText, formatDate(preview.issuedOn))}
            </Text>
            <Text>{t.issueConfirm}</Text>
            <Group gap="sm" justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t.gate.cancel}
              </Button>
              <Button onClick={() => void run('issue')} loading={busy === 'issue'} disabled={busy !== null}>
                {t.gate.issueConfirm(preview.numberText)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** The errors the submitter kept, with their reasons: what the leadership reads before approving. */
function Acknowledgements({ plan }: { plan: Plan }) {
  return (
    <Alert color="orange" variant="light" title={t.gate.acknowledgedTitle(plan.acknowledgements.length)} role="region" aria-label={t.gate.acknowledgedLabel}>
      <List spacing="xs" size="sm">
        {plan.acknowledgements.map((k) => (
          <List.Item key={`${k.code}:${k.line}`}>
            <Text fw={600} span title={k.code}>
              {t.gate.errorAt(k.line, k.rule)}
            </Text>
            {': '}
            {k.message}
            <Text fz="sm" mt={2}>
              {t.gate.reasonBy(k.reason, k.byName, formatDateTime(k.at))}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
