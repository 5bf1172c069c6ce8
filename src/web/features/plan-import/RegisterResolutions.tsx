// Resolutions the imported text cites that the registry lacks are registered with the plan. Before
// that the user checks them here: which date is right when the mentions disagree (each date with
// the lines it appears on), the whole subject, and the core content, pasted or attached as a file.
import { Fieldset, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ImportedResolution } from '../../../domain/plan-import';
import { FileField } from '../../components/FileField';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { resolutionSearchQuery } from '../resolutions/queries';

const t = vi.planImport.register;

export interface ResolutionDraft {
  issuedOn: string | null;
  issuer: string;
  subject: string;
  content: string;
  file: File | null;
}

/** The dates the mentions give, each with the lines it is written on, in order of first mention. */
export function datesOf(resolution: ImportedResolution): Array<{ iso: string; lines: number[] }> {
  const dates: Array<{ iso: string; lines: number[] }> = [];
  for (const m of resolution.mentions) {
    const found = dates.find((d) => d.iso === m.issuedOn);
    if (found) found.lines.push(m.line);
    else dates.push({ iso: m.issuedOn, lines: [m.line] });
  }
  return dates;
}

/** The cited resolutions the registry does not have yet (null while the registry is asked). */
export function useUnregistered(resolutions: ImportedResolution[]): ImportedResolution[] | null {
  const answers = useQueries({ queries: resolutions.map((r) => resolutionSearchQuery(r.number, '', 10)) });
  if (answers.some((a) => a.isPending)) return null;
  return resolutions.filter((r, i) => !(answers[i]?.data ?? []).some((found) => found.number === r.number));
}

/** The draft to register from what the importer read: a date is preset only when the mentions agree. */
export function initialDraft(resolution: ImportedResolution): ResolutionDraft {
  const dates = datesOf(resolution);
  return { issuedOn: dates.length === 1 ? dates[0]!.iso : null, issuer: resolution.issuer ?? '', subject: resolution.subject ?? '', content: '', file: null };
}

export function RegisterResolutions({
  resolutions,
  drafts,
  onChange,
}: {
  resolutions: ImportedResolution[];
  drafts: Record<string, ResolutionDraft>;
  onChange: (number: string, draft: ResolutionDraft) => void;
}) {
  if (resolutions.length === 0) return null;
  return (
    <Stack gap="md" maw={860}>
      {resolutions.map((r) => {
        const draft = drafts[r.number] ?? initialDraft(r);
        const set = (patch: Partial<ResolutionDraft>) => onChange(r.number, { ...draft, ...patch });
        const dates = datesOf(r);
        return (
          <Fieldset key={r.number} legend={t.legend(r.number)}>
            <Stack gap="sm">
              <Text fz="sm">{t.intro}</Text>
              {dates.length > 1 && (
                <Radio.Group label={t.whichDate} description={t.whichDateHint} value={draft.issuedOn ?? ''} onChange={(v) => set({ issuedOn: v })} withAsterisk>
                  <Stack gap={6} mt={6}>
                    {dates.map((d) => (
                      <Radio key={d.iso} value={d.iso} label={t.dateAt(formatDate(d.iso), d.lines)} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <TextInput label={t.issuer} value={draft.issuer} onChange={(e) => set({ issuer: e.currentTarget.value })} />
              <Textarea label={t.subject} value={draft.subject} onChange={(e) => set({ subject: e.currentTarget.value })} autosize minRows={2} />
              <Textarea label={t.content} description={t.contentHint} value={draft.content} onChange={(e) => set({ content: e.currentTarget.value })} autosize minRows={3} maxRows={12} />
              <FileField
                label={t.file}
                placeholder={t.filePlaceholder}
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                value={draft.file}
                onChange={(file) => set({ file })}
                clearable
                clearButtonProps={{ 'aria-label': vi.common.clearFile }}
              />
            </Stack>
          </Fieldset>
        );
      })}
    </Stack>
  );
}
