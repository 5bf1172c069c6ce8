// Creating a plan, three ways (PRODUCT §2): from the genre's template for a chosen resolution, by
// cloning an earlier plan for a chosen resolution, or by importing an existing document.
import { useState } from 'react';
import { Button, NativeSelect, Paper, Radio, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, QueryStatus } from '../../components/feedback';
import { ButtonLink } from '../../components/links';
import { useSlow } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { kindOptions, planNumber } from './format';
import { createPlan, plansKey, plansQuery, type PlanKind } from './queries';
import { ResolutionPicker } from './ResolutionPicker';

const t = vi.plans;
type Way = 'template' | 'clone' | 'import';

export function CreatePlan() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plans = useQuery(plansQuery);
  const [way, setWay] = useState<Way>('template');
  const [kind, setKind] = useState<PlanKind>('propagation');
  const [resolutionId, setResolutionId] = useState<string | null>(null);
  const [sourcePlanId, setSourcePlanId] = useState('');
  const [errors, setErrors] = useState<{ resolution?: string; source?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const slow = useSlow(busy);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: typeof errors = {};
    if (!resolutionId) found.resolution = t.resolutionRequired;
    if (way === 'clone' && !sourcePlanId) found.source = t.sourcePlanRequired;
    setErrors(found);
    if (Object.keys(found).length > 0 || !resolutionId) return;
    setBusy(true);
    try {
      const plan =
        way === 'clone' ? await createPlan({ from: 'clone', planId: sourcePlanId, resolutionId }) : await createPlan({ from: 'template', kind, resolutionId });
      void queryClient.invalidateQueries({ queryKey: plansKey });
      await navigate({ to: '/ke-hoach/$planId', params: { planId: plan.id } });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const ways: { value: Way; label: string; hint: string }[] = [
    { value: 'template', label: t.fromTemplate, hint: t.fromTemplateHint },
    { value: 'clone', label: t.fromClone, hint: t.fromCloneHint },
    { value: 'import', label: t.fromImport, hint: t.fromImportHint },
  ];

  return (
    <Stack gap="lg" maw={760}>
      <Text>{t.newIntro}</Text>
      <Radio.Group label={t.ways} value={way} onChange={(v) => setWay(v as Way)} size="md">
        <Stack gap="sm" mt="xs">
          {ways.map((w) => (
            <Paper key={w.value} withBorder p="sm" radius="md" style={way === w.value ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}>
              <Radio value={w.value} label={<Text span fw={700}>{w.label}</Text>} description={w.hint} />
            </Paper>
          ))}
        </Stack>
      </Radio.Group>

      {way === 'import' ? (
        <div>
          <ButtonLink to="/nhap-ke-hoach" size="md">
            {t.openImport}
          </ButtonLink>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t.newTitle}>
          <Stack gap="md">
            {way === 'clone' &&
              (!plans.data ? (
                <QueryStatus query={plans} />
              ) : plans.data.length === 0 ? (
                <Text>{t.noSourcePlans}</Text>
              ) : (
                <NativeSelect
                  label={t.sourcePlan}
                  value={sourcePlanId}
                  onChange={(e) => setSourcePlanId(e.currentTarget.value)}
                  error={errors.source}
                  withAsterisk
                  data={[
                    { value: '', label: '—' },
                    ...plans.data.map((p) => ({ value: p.id, label: t.planOption(p.title, planNumber(p)) })),
                  ]}
                />
              ))}
            {way === 'template' && (
              <NativeSelect
                label={t.kindLabel}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as PlanKind)}
                data={kindOptions}
                maw={560}
              />
            )}
            <ResolutionPicker value={resolutionId} onChange={setResolutionId} error={errors.resolution} />
            {failure !== null && <ErrorAlert error={failure} />}
            {slow && <Working label={t.creating} />}
            <div>
              <Button type="submit" size="md" loading={busy}>
                {t.createSubmit}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
