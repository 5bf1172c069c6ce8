// Importing a plan: paste the text or choose a file (.md/.txt/.docx, read by the server, which
// returns its text), see on one side the text with every diagnostic at its line and on the other
// the plan read from it, fix the text (the analysis re-runs as you type), then create the draft.
import { useRef, useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert, Success } from '../../components/feedback';
import { FileField } from '../../components/FileField';
import { useSlow, useSlowProgress } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { useMe } from '../auth/session';
import { kindOptions } from '../plans/format';
import { createPlan, plansKey, type PlanKind } from '../plans/queries';
import { createResolution, resolutionKeys, uploadAttachment } from '../resolutions/queries';
import { analyseFile, MAX_PLAN_FILE_BYTES, usePlanAnalysis } from './analysis';
import { initialDraft, RegisterResolutions, useUnregistered, type ResolutionDraft } from './RegisterResolutions';
import { PlanWorkbench } from './PlanWorkbench';

const t = vi.planImport;
const MIN_SOURCE = 20;

export function ImportPlan() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PlanKind>('propagation');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [readNotice, setReadNotice] = useState<string | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const progress = useSlowProgress();
  const run = useRef(0);
  const analysis = usePlanAnalysis(text);
  const slowCreate = useSlow(creating);
  const [drafts, setDrafts] = useState<Record<string, ResolutionDraft>>({});
  const cited = analysis.plan?.resolutions ?? [];
  const unregistered = useUnregistered(cited) ?? [];
  const draftOf = (r: (typeof cited)[number]) => drafts[r.number] ?? initialDraft(r);
  const undated = unregistered.find((r) => draftOf(r).issuedOn === null && r.mentions.length > 0);

  const choose = async (chosen: File | null) => {
    const id = ++run.current;
    setFile(chosen);
    setFileError(null);
    setReadNotice(null);
    if (!chosen) return;
    if (chosen.size > MAX_PLAN_FILE_BYTES) {
      setFileError(new ApiError(413, 'plan-import.too-large', t.tooLarge));
      return;
    }
    setReading(true);
    try {
      const answer = await progress.track((onProgress) => analyseFile(chosen, onProgress));
      if (id !== run.current) return;
      setText(answer.text ?? '');
      setReadNotice(t.fileRead(chosen.name));
    } catch (error) {
      if (id !== run.current) return;
      setFileError(error);
    } finally {
      if (id === run.current) setReading(false);
    }
  };

  const errors = analysis.plan?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  const canCreate = me.abilities.draftPlans;
  const tooShort = text.trim().length < MIN_SOURCE;

  const create = async () => {
    setCreateError(null);
    setCreating(true);
    try {
      // The cited resolutions the registry lacks, as the user checked them, with their files.
      for (const r of unregistered) {
        const d = draftOf(r);
        const registered = await createResolution({ kind: 'nghi-quyet', number: r.number, issuedOn: d.issuedOn, issuer: d.issuer, subject: d.subject, content: d.content });
        if (d.file) await uploadAttachment(registered.id, d.file);
      }
      if (unregistered.length) void queryClient.invalidateQueries({ queryKey: resolutionKeys.all });
      const plan = await createPlan({ from: 'import', kind, source: text });
      void queryClient.invalidateQueries({ queryKey: plansKey });
      await navigate({ to: '/ke-hoach/$planId', params: { planId: plan.id } });
    } catch (error) {
      setCreateError(error);
      setCreating(false);
    }
  };

  return (
    <Stack gap="lg">
      <Text maw={860}>{t.intro}</Text>
      <Stack gap="sm" maw={560}>
        <FileField
          label={t.file}
          description={t.fileDescription}
          placeholder={t.filePlaceholder}
          accept=".docx,.txt,.md,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          clearButtonProps={{ 'aria-label': vi.common.clearFile }}
          disabled={reading}
        />
        {reading && progress.slow && <Working label={progress.percent !== null ? vi.common.uploading(progress.percent) : t.processing} percent={progress.percent} />}
        {fileError !== null && <ErrorAlert error={fileError} />}
        <Success>{readNotice}</Success>
      </Stack>

      <PlanWorkbench
        id="plan-import-text"
        text={text}
        onChange={(value) => {
          setText(value);
          setCreateError(null);
        }}
        analysis={analysis}
        description={t.textHint}
        placeholder={t.textPlaceholder}
        actions={
          canCreate ? (
            <Stack gap="xs">
              <RegisterResolutions resolutions={unregistered} drafts={drafts} onChange={(number, draft) => setDrafts((all) => ({ ...all, [number]: draft }))} />
              <Group gap="sm" align="flex-end">
                <NativeSelect
                  label={vi.plans.kindLabel}
                  value={kind}
                  onChange={(e) => setKind(e.currentTarget.value as PlanKind)}
                  data={kindOptions}
                />
                <Button size="md" onClick={() => void create()} loading={creating} disabled={tooShort || undated !== undefined} aria-describedby="plan-import-create-hint">
                  {t.create}
                </Button>
              </Group>
              <Text id="plan-import-create-hint" fz="sm" c="dimmed">
                {tooShort ? t.createDisabled : undated ? t.register.chooseDate(undated.number) : errors > 0 ? t.createWithErrors(errors) : t.createHint}
              </Text>
              {slowCreate && <Working label={t.creating} />}
              {createError !== null && <ErrorAlert error={createError} />}
            </Stack>
          ) : (
            <Text fz="sm" c="dimmed">
              {t.checkOnly}
            </Text>
          )
        }
      />
    </Stack>
  );
}
