// Editing a draft plan's text: the same text + diagnostics + structure as the import page, saved
// with the version it started from. When someone else saved in between (409), their text is shown
// next to ours; the user reloads theirs (keeping a copy of their own text on screen, so nothing is
// lost) or explicitly saves theirs over it.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { conflictOf, type Conflict } from '../../components/useEditForm';
import { useSlow } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { usePlanAnalysis } from '../plan-import/analysis';
import { PlanWorkbench } from '../plan-import/PlanWorkbench';
import { planQuery, plansKey, updatePlan, type Plan } from './queries';

const t = vi.plans;

interface Props {
  plan: Plan;
  text: string;
  onText: (text: string) => void;
}

export function PlanEditor({ plan, text, onText }: Props) {
  const queryClient = useQueryClient();
  const analysis = usePlanAnalysis(text);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict<Plan> | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const slow = useSlow(saving);
  const conflictRef = useRef<HTMLDivElement>(null);

  // The conflict is shown above the text, where the user may not be looking: bring it into view.
  useEffect(() => {
    if (!conflict) return;
    conflictRef.current?.scrollIntoView({ block: 'start' });
    conflictRef.current?.focus({ preventScroll: true });
  }, [conflict]);
  const editable = plan.abilities.edit;
  const dirty = text !== plan.source;

  const keep = (saved: Plan) => {
    queryClient.setQueryData(planQuery(saved.id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: plansKey, exact: true });
  };

  const save = async (version: number) => {
    setFailure(null);
    setNotice(null);
    if (!dirty && !conflict) {
      setNotice(t.noChanges);
      return;
    }
    setSaving(true);
    try {
      const saved = await updatePlan(plan.id, { version, source: text });
      keep(saved);
      onText(saved.source);
      setConflict(null);
      setNotice(t.saved);
    } catch (error) {
      // Someone saved first, or moved the plan on (no longer a draft): their version, beside ours.
      const found = conflictOf<Plan>(error);
      if (found) setConflict(found);
      else {
        setFailure(error);
        // The plan moved on meanwhile (submitted, issued by someone else): show its current state,
        // keeping what the user typed on screen.
        if (error instanceof ApiError && (error.status === 403 || error.status === 409)) {
          setKept(text);
          void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
        }
      }
    } finally {
      setSaving(false);
    }
  };

  const reloadTheirs = () => {
    if (!conflict) return;
    setKept(text);
    keep(conflict.theirs);
    onText(conflict.theirs.source);
    setConflict(null);
    setNotice(null);
  };

  return (
    <Stack gap="md">
      {conflict && (
        <Alert ref={conflictRef} tabIndex={-1} color="orange" title={t.conflictTitle} role="alert" style={{ scrollMarginTop: 80 }}>
          <Stack gap="sm">
            <Text>{conflict.message}</Text>
            <Text fz="sm">{t.conflictHint}</Text>
            <Textarea
              label={t.conflictTheirs}
              description={t.conflictTheirsBy(conflict.theirs.version)}
              value={conflict.theirs.source}
              readOnly
              autosize
              minRows={4}
              maxRows={12}
              styles={{ input: { background: 'var(--mantine-color-white)' } }}
            />
            <Group gap="sm">
              <Button onClick={reloadTheirs}>{t.conflictReload}</Button>
              <Button variant="default" onClick={() => void save(conflict.theirs.version)} loading={saving} disabled={!conflict.theirs.abilities.edit}>
                {t.conflictOverwrite}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      <PlanWorkbench
        id="plan-text"
        text={text}
        onChange={
          editable
            ? (value) => {
                setNotice(null);
                onText(value);
              }
            : undefined
        }
        readOnly={!editable}
        analysis={analysis}
        level={3}
        label={t.editorTitle}
        description={editable ? t.editorHint : t.readOnlyHint}
        actions={
          editable ? (
            <Stack gap="xs">
              <Group gap="sm">
                <Button onClick={() => void save(plan.version)} loading={saving} disabled={conflict !== null}>
                  {t.save}
                </Button>
                <Text fz="sm" c={dirty ? 'orange.9' : 'dimmed'} aria-live="polite">
                  {dirty ? t.unsaved : ''}
                </Text>
              </Group>
              {slow && <Working label={vi.common.saving} />}
              {notice && (
                <Alert color={notice === t.saved ? 'green' : 'blue'} role="status" variant="outline">
                  {notice}
                </Alert>
              )}
              {failure !== null && <ErrorAlert error={failure} />}
            </Stack>
          ) : undefined
        }
      />

      {kept !== null && (
        <Alert color="gray" title={t.conflictKeep}>
          <Stack gap="sm">
            <Text fz="sm">{t.conflictKeepHint}</Text>
            <Textarea aria-label={t.conflictKeep} value={kept} readOnly autosize minRows={4} maxRows={14} />
            <div>
              <Button variant="default" onClick={() => setKept(null)}>
                {t.conflictDismiss}
              </Button>
            </div>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
