// Importing a member list: choose the file → the server checks every row (preview) → a table of
// every bad row with its row, column and reason → "Nhập N đảng viên", enabled only when the file
// has no errors → all rows or none are written. Anything slower than a second shows its progress.
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { FileField } from '../../components/FileField';
import { useSlowProgress } from '../../components/progress';
import { Stat } from '../../components/Stat';
import { Working } from '../../components/Working';
import { memberColumns, optionalColumns } from '../../../domain/member-import';
import { vi } from '../../i18n/vi';
import { ImportMapping } from './ImportMapping';
import { importMembers, memberTemplateHref, type ImportMappings, type ImportPreview } from './queries';

const t = vi.import;
type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

export function ImportMembers({ communeId }: { communeId: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The names mapped on this page, kept when another file is chosen (the server also remembers them).
  const [mappings, setMappings] = useState<ImportMappings>({ cells: {}, columns: {} });
  const [checks, setChecks] = useState(0);
  const progress = useSlowProgress();
  const run = useRef(0);

  const check = async (chosen: File | null, using = mappings) => {
    const id = ++run.current;
    setFile(chosen);
    setPreview(null);
    setResult(null);
    setError(null);
    if (!chosen) return setPhase('idle');
    setPhase('checking');
    try {
      const answer = await progress.track((onProgress) => importMembers(communeId, 'preview', chosen, using, onProgress));
      if (id !== run.current) return;
      setPreview(answer);
      setChecks((n) => n + 1);
      setPhase('checked');
    } catch (e) {
      if (id !== run.current) return;
      setError(e);
      setPhase('idle');
    }
  };

  const commit = async () => {
    if (!file) return;
    setError(null);
    setPhase('importing');
    try {
      const answer = await progress.track((onProgress) => importMembers(communeId, 'commit', file, mappings, onProgress));
      setResult(answer);
      setPreview(null);
      setPhase('done');
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { preview?: ImportPreview } | undefined) : undefined;
      if (details?.preview) setPreview(details.preview);
      setError(e);
      setPhase('checked');
    }
  };

  /** The choices of the mapping step replace those for the names of this file; others are kept. */
  const applyMappings = (chosen: ImportMappings) => {
    if (!preview) return;
    const next = { cells: { ...mappings.cells }, columns: { ...mappings.columns } };
    for (const c of preview.cellNames) delete next.cells[c.name];
    for (const c of preview.columns) delete next.columns[c.name];
    Object.assign(next.cells, chosen.cells);
    Object.assign(next.columns, chosen.columns);
    setMappings(next);
    void check(file, next);
  };

  const reset = () => {
    run.current++;
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setPhase('idle');
  };

  const busy = phase === 'checking' || phase === 'importing';
  const hasIssues = (preview?.issues.length ?? 0) > 0;
  const canImport = phase === 'checked' && preview !== null && !hasIssues && preview.valid > 0;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Text>{t.intro}</Text>
        <Text fz="sm">
          {t.columns} {[...memberColumns, ...optionalColumns].join(', ')}.{' '}
          <Anchor href={memberTemplateHref} download="mau-danh-sach-dang-vien.xlsx">
            {t.template}
          </Anchor>{' '}
          (
          <Anchor href={templateHref()} download="mau-danh-sach-dang-vien.csv">
            {t.templateCsv}
          </Anchor>
          )
        </Text>
      </Stack>

      {phase === 'done' && result ? (
        <Alert color="green" title={t.successTitle} role="status" variant="outline">
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t.success(result.toCreate, result.toUpdate)}</Text>
            <Button variant="default" onClick={reset}>
              {t.another}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <FileField
          label={t.file}
          description={t.fileDescription}
          placeholder={t.filePlaceholder}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          value={file}
          onChange={(f) => void check(f)}
          clearable
          clearButtonProps={{ 'aria-label': vi.common.clearFile }}
          disabled={busy}
          maw={560}
        />
      )}

      {busy && progress.slow && (
        <Working
          label={`${phase === 'checking' ? t.checking : t.importing} ${progress.percent !== null ? vi.common.uploading(progress.percent) : t.processing}`}
          percent={progress.percent}
        />
      )}

      {error !== null && <ErrorAlert error={error} />}

      {preview && (preview.cellNames.length > 0 || preview.columns.length > 0) && (
        <ImportMapping key={checks} preview={preview} busy={busy} onApply={applyMappings} />
      )}

      {preview && (
        <Stack gap="md">
          <Title order={2}>{t.summaryTitle}</Title>
          <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm" component="dl" m={0}>
            <Stat label={t.summary.total} value={preview.total} />
            <Stat label={t.summary.valid} value={preview.valid} />
            <Stat label={t.summary.toCreate} value={preview.toCreate} />
            <Stat label={t.summary.toUpdate} value={preview.toUpdate} />
            <Stat label={t.summary.issues} value={preview.issues.length} alert={hasIssues} />
          </SimpleGrid>

          {hasIssues ? <IssueTable preview={preview} /> : preview.valid > 0 ? <Text>{t.ready}</Text> : <Text>{t.noValidRows}</Text>}

          <Group gap="sm" align="center">
            <Button size="lg" disabled={!canImport} loading={phase === 'importing'} onClick={() => void commit()} aria-describedby={hasIssues ? 'import-disabled-reason' : undefined}>
              {t.submit(preview.valid)}
            </Button>
            {hasIssues && (
              <Text id="import-disabled-reason" fz="sm" c="dimmed">
                {t.submitDisabledIssues}
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function IssueTable({ preview }: { preview: ImportPreview }) {
  return (
    <Stack gap="xs">
      <Alert color="red" title={t.issuesTitle(preview.issues.length)} role="alert">
        {t.issuesHelp}
      </Alert>
      <Table striped withTableBorder verticalSpacing="xs" fz="md" aria-label={t.issuesTitle(preview.issues.length)} style={{ tableLayout: 'auto' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="4.5rem">
              {t.issueRow}
            </Table.Th>
            <Table.Th scope="col" w="28%">
              {t.issueColumn}
            </Table.Th>
            <Table.Th scope="col">{t.issueMessage}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.issues.map((issue, i) => (
            <Table.Tr key={`${issue.row}-${issue.column}-${i}`}>
              <Table.Td>{issue.row}</Table.Td>
              <Table.Td>{issue.column ?? vi.common.none}</Table.Td>
              <Table.Td>{issue.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The header row of the expected file, as a CSV Excel opens with the right characters (BOM). */
function templateHref(): string {
  const header = [...memberColumns, ...optionalColumns].join(',');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n`)}`;
}
