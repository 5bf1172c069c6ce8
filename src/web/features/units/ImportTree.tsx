// Importing units below a unit: choose the file → the server checks every row (preview) → a table of
// the bad rows (spreadsheet row and reason) or of the units to add → "Nhập N đơn vị", all or none.
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { FileField } from '../../components/FileField';
import { useSlowProgress } from '../../components/progress';
import { Working } from '../../components/Working';
import { vi } from '../../i18n/vi';
import { kindLabel } from './labels';
import { importTree, treeTemplateHref, type TreeImportAnswer, type Unit } from './queries';

const t = vi.unitEditor.import;

export function ImportTree({ unit, onDone }: { unit: Unit; onDone: (message: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'checked' | 'importing'>('idle');
  const [preview, setPreview] = useState<TreeImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const progress = useSlowProgress();
  const run = useRef(0);

  const check = async (chosen: File | null) => {
    const id = ++run.current;
    setFile(chosen);
    setPreview(null);
    setError(null);
    if (!chosen) return setPhase('idle');
    setPhase('checking');
    try {
      const answer = await progress.track((onProgress) => importTree(unit.id, 'preview', chosen, onProgress));
      if (id !== run.current) return;
      setPreview(answer);
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
      const answer = await progress.track((onProgress) => importTree(unit.id, 'commit', file, onProgress));
      onDone(t.success(answer.units));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as TreeImportAnswer | undefined) : undefined;
      if (details?.errors) setPreview(details);
      setError(e);
      setPhase('checked');
    }
  };

  const busy = phase === 'checking' || phase === 'importing';
  const errors = preview?.errors ?? [];
  return (
    <Stack gap="md">
      <Text>{t.intro}</Text>
      <Text fz="sm">
        {t.columns}{' '}
        <Anchor href={treeTemplateHref} download="mau-cay-to-chuc.xlsx" underline="always">
          {vi.unitEditor.template}
        </Anchor>
      </Text>
      <FileField
        label={t.file}
        placeholder={t.filePlaceholder}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        value={file}
        onChange={(f) => void check(f)}
        clearable
        clearButtonProps={{ 'aria-label': vi.common.clearFile }}
        disabled={busy}
      />
      {busy && progress.slow && <Working label={phase === 'checking' ? t.checking : t.importing} percent={progress.percent} />}
      {error !== null && <ErrorAlert error={error} />}
      {preview && errors.length > 0 && (
        <>
          <Alert color="red" title={t.errorsTitle(errors.length)} role="alert">
            {t.errorsHelp}
          </Alert>
          <Table striped withTableBorder fz="md" aria-label={t.errorsTitle(errors.length)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="4.5rem">
                  {t.row}
                </Table.Th>
                <Table.Th scope="col">{t.message}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((e, i) => (
                <Table.Tr key={`${e.row}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {preview && errors.length === 0 && (
        <>
          <Text fw={600}>{preview.units > 0 ? t.summary(preview.units, preview.unchanged) : t.nothing}</Text>
          {preview.rows.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table striped withTableBorder fz="md" aria-label={t.rowsTitle}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.row}</Table.Th>
                    <Table.Th scope="col">{t.unitName}</Table.Th>
                    <Table.Th scope="col">{t.unitKind}</Table.Th>
                    <Table.Th scope="col">{t.parent}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{kindLabel(r.kind)}</Table.Td>
                      <Table.Td>{r.parentName}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      {preview && (
        <Button size="md" disabled={errors.length > 0 || preview.units === 0 || busy} loading={phase === 'importing'} onClick={() => void commit()}>
          {t.submit(preview.units)}
        </Button>
      )}
    </Stack>
  );
}
