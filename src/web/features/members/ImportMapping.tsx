// The mapping step of an import: each name of the file that is not a cell's name (or a column's),
// once, with the number of its rows and a choice of units, suggestions first. Chosen names are sent
// with the next check and the import, and the server remembers them for the commune's next file.
import { useState } from 'react';
import { Alert, Button, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { allColumns } from '../../../domain/member-import';
import { vi } from '../../i18n/vi';
import type { ImportMappings, ImportPreview } from './queries';

const t = vi.import.mapping;

/** What the server applied, plus (with `guess`) a suggestion that is the same name (score 1). */
function choicesOf(preview: ImportPreview, guess: boolean): ImportMappings {
  const cells: Record<string, string> = {};
  for (const c of preview.cellNames) {
    const choice = c.chosen ?? (guess && c.suggestions[0]?.score === 1 ? c.suggestions[0].id : null);
    if (choice) cells[c.name] = choice;
  }
  const columns: Record<string, string> = {};
  for (const c of preview.columns) if (c.chosen) columns[c.name] = c.chosen;
  return { cells, columns };
}

const same = (a: ImportMappings, b: ImportMappings) =>
  (['cells', 'columns'] as const).every((k) => Object.keys(a[k]).length === Object.keys(b[k]).length && Object.entries(a[k]).every(([n, v]) => b[k][n] === v));

export function ImportMapping({ preview, busy, onApply }: { preview: ImportPreview; busy: boolean; onApply: (m: ImportMappings) => void }) {
  const [choices, setChoices] = useState(() => choicesOf(preview, true));
  const set = (kind: keyof ImportMappings, name: string, value: string) =>
    setChoices((prev) => {
      const next = { ...prev[kind] };
      if (value) next[name] = value;
      else delete next[name];
      return { ...prev, [kind]: next };
    });
  const pending = preview.cellNames.filter((c) => !choices.cells[c.name]).length + preview.columns.filter((c) => !choices.columns[c.name]).length;
  const changed = !same(choices, choicesOf(preview, false));

  return (
    <Stack gap="md" component="section" aria-labelledby="import-mapping-title">
      <Title order={2} id="import-mapping-title">
        {t.title}
      </Title>
      <Alert color="blue" variant="light">
        {t.help}
      </Alert>

      {preview.cellNames.length > 0 && (
        <Stack gap="sm">
          <Title order={3}>{t.cellsTitle}</Title>
          {preview.cellNames.map((c) => {
            const suggested = new Set(c.suggestions.map((s) => s.id));
            return (
              <NativeSelect
                key={c.name}
                label={c.name}
                description={c.remembered ? `${t.rows(c.count, c.rows)} · ${t.remembered}` : t.rows(c.count, c.rows)}
                value={choices.cells[c.name] ?? ''}
                onChange={(e) => set('cells', c.name, e.currentTarget.value)}
                data={[
                  { value: '', label: t.notChosen },
                  ...(c.suggestions.length ? [{ group: t.suggested, items: c.suggestions.map((s) => ({ value: s.id, label: s.name })) }] : []),
                  { group: t.otherCells, items: preview.cells.filter((x) => !suggested.has(x.id)).map((x) => ({ value: x.id, label: x.name })) },
                ]}
                maw={560}
              />
            );
          })}
        </Stack>
      )}

      {preview.columns.length > 0 && (
        <Stack gap="sm">
          <Title order={3}>{t.columnsTitle}</Title>
          {preview.columns.map((c) => (
            <NativeSelect
              key={c.name}
              label={c.name}
              value={choices.columns[c.name] ?? ''}
              onChange={(e) => set('columns', c.name, e.currentTarget.value)}
              data={[
                { value: '', label: t.notChosen },
                ...(c.suggestions.length ? [{ group: t.suggested, items: c.suggestions }] : []),
                { group: t.otherColumns, items: allColumns.filter((x) => !c.suggestions.includes(x)) },
              ]}
              maw={560}
            />
          ))}
        </Stack>
      )}

      <Stack gap={4} align="flex-start">
        {pending > 0 && (
          <Text fz="sm" c="dimmed">
            {t.pending(pending)}
          </Text>
        )}
        <Button onClick={() => onApply(choices)} loading={busy} disabled={!changed}>
          {t.apply}
        </Button>
      </Stack>
    </Stack>
  );
}
