// The score per item of a cell report's rubric, typed as text ("7,5" or "7.5"), with the live total
// and rating: the secretary's self-scoring and the ward's re-scoring share it.
import { Alert, Stack, Text, TextInput } from '@mantine/core';
import { formatPoints, scoreReport, type Score } from '../../../domain/rubrics';
import type { Rubric } from './queries';
import { vi } from '../../i18n/vi';

const t = vi.reportScores;

/** "7,5" or "7.5" → 7.5; empty → undefined (not scored yet). */
const readPoints = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

export function ScoreInputs({ rubric, values, onChange, prefix }: { rubric: Rubric; values: Record<string, string>; onChange: (id: string, v: string) => void; prefix: string }) {
  const scores: Score[] = Object.entries(values).flatMap(([itemId, v]) => (readPoints(v) === undefined ? [] : [{ itemId, points: readPoints(v)! }]));
  const valid = scores.every((s) => Number.isFinite(s.points));
  const { total, band } = scoreReport(rubric, valid ? scores : []);
  return (
    <Stack gap="md">
      {rubric.groups.map((g) => (
        <Stack key={g.name} gap="xs">
          <Text fw={700}>{g.name}</Text>
          {g.items.map((i) => {
            const v = readPoints(values[i.id] ?? '');
            const error = v !== undefined && (!Number.isFinite(v) || v < 0 || v > i.maxPoints) ? t.range(formatPoints(i.maxPoints)) : undefined;
            return (
              <TextInput
                key={i.id}
                id={`${prefix}-${i.id}`}
                label={t.item(i.id, i.name, formatPoints(i.maxPoints))}
                description={i.guidance || undefined}
                inputMode="decimal"
                size="md"
                value={values[i.id] ?? ''}
                error={error}
                onChange={(e) => onChange(i.id, e.currentTarget.value)}
              />
            );
          })}
        </Stack>
      ))}
      <Alert color={band === 'Chưa đạt' ? 'red' : 'blue'} role="status" aria-live="polite">
        {t.total} <strong>{formatPoints(total)}</strong> — {t.band} <strong>{band ?? '—'}</strong>
      </Alert>
    </Stack>
  );
}

export const scoresOf = (values: Record<string, string>): Score[] =>
  Object.entries(values).flatMap(([itemId, v]) => (readPoints(v) === undefined ? [] : [{ itemId, points: readPoints(v)! }]));
export const valuesOf = (scores: readonly Score[]) => Object.fromEntries(scores.map((s) => [s.itemId, formatPoints(s.points)]));
