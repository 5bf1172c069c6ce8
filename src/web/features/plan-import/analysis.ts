// The importer running in the browser: the same pure module as the server's, fed with the ward's
// unit names (for the `unknown-unit` rule) and the administrator's vocabulary, re-run a moment after
// the user stops typing. Uploaded files are read by the server, which also returns their text.
import { useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { importPlan, loadVocabulary, type ImportedPlan, type Vocabulary } from '../../../domain/plan-import';
import { uploadFile, type UploadProgress } from '../../api';
import { vocabularyQuery } from '../settings/queries';
import { unitsQuery } from '../units/queries';

export type { ImportedPlan };
export type AnalysedFile = ImportedPlan & { text?: string };

/** The server's limit on a plan file (IMPORT.md): checked here too, to spare a useless upload. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

const toVocabulary = (extension: { data: unknown }) => loadVocabulary(extension.data as Partial<Vocabulary>);

/** Reads a .md/.txt/.docx on the server; the answer carries the structure and the text read. */
export function analyseFile(file: File, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal) {
  return uploadFile<AnalysedFile>('/api/plans/import?withText=true', file, onProgress, signal);
}

export interface Analysis {
  plan: ImportedPlan | null;
  /** True while the text shown differs from the text analysed (the user is typing). */
  pending: boolean;
  /** The text the analysis belongs to: its line numbers refer to it. */
  analysedText: string;
}

/** Analyses `text` ~300 ms after the last change. Empty text gives no plan. */
export function usePlanAnalysis(text: string, delay = 300): Analysis {
  const units = useQuery(unitsQuery);
  // The administrator's extension, as the settings page edits it (a save there is seen here at once).
  const vocabulary = useQuery({ ...vocabularyQuery, select: toVocabulary, staleTime: 5 * 60_000 });
  const [settled] = useDebouncedValue(text, delay);
  const names = useMemo(() => units.data?.map((u) => u.name), [units.data]);
  const plan = useMemo(
    () => (settled.trim() ? importPlan(settled, { units: names, vocabulary: vocabulary.data }) : null),
    [settled, names, vocabulary.data],
  );
  return { plan, pending: settled !== text, analysedText: settled };
}
