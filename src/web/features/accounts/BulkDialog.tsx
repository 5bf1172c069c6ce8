// Bulk onboarding: accounts and one-time codes for the secretaries or the members of chosen cells,
// with progress while the server works, then the letters (DOCX or PDF) while the codes are at hand.
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { ErrorAlert, Notice, Success } from '../../components/feedback';
import { Working } from '../../components/Working';
import { useSlow } from '../../components/progress';
import { vi } from '../../i18n/vi';
import type { Unit } from '../units/queries';
import { accountActions, downloadLetters, type BulkAnswer } from './queries';

const t = vi.accounts;

export function BulkDialog({ communeId, cells, onClose, onDone }: { communeId: string; cells: Unit[]; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<'cellSecretaries' | 'members'>('cellSecretaries');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [answer, setAnswer] = useState<BulkAnswer | null>(null);
  const [printing, setPrinting] = useState<'docx' | 'pdf' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const slow = useSlow(busy || printing !== null, 300);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setAnswer(await accountActions.bulk(communeId, { kind, cellIds: chosen }));
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const print = async (format: 'docx' | 'pdf') => {
    if (!answer) return;
    setPrinting(format);
    setFailure(null);
    setSaved(null);
    try {
      setSaved(t.lettersSaved(await downloadLetters(communeId, answer.letters, format)));
    } catch (error) {
      setFailure(error);
    } finally {
      setPrinting(null);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t.bulkTitle} closeButtonProps={{ 'aria-label': t.close }} size="lg">
      <Stack gap="md">
        {failure !== null && <ErrorAlert error={failure} />}
        {slow && <Working label={busy ? t.bulkWorking : t.lettersWorking} />}
        {answer ? (
          <>
            <Success>{t.bulkDone(answer.created, answer.refreshed)}</Success>
            {answer.emptyCells.length > 0 && (
              <Notice title={t.bulkEmptyTitle(answer.emptyCells.length)} color="orange">
                {kind === 'cellSecretaries' ? t.bulkNoSecretary(answer.emptyCells.join(', ')) : t.bulkNoMembers(answer.emptyCells.join(', '))}
              </Notice>
            )}
            {answer.letters.length === 0 ? (
              <Text>{t.bulkNone}</Text>
            ) : (
              <>
                <Text>{t.bulkLetters}</Text>
                <Group>
                  <Button loading={printing === 'docx'} disabled={printing !== null} onClick={() => print('docx')}>
                    {t.lettersDocx}
                  </Button>
                  <Button variant="default" loading={printing === 'pdf'} disabled={printing !== null} onClick={() => print('pdf')}>
                    {t.lettersPdf}
                  </Button>
                </Group>
              </>
            )}
            <Success>{saved}</Success>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t.close}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Radio.Group label={t.bulkKind} value={kind} onChange={(v) => setKind(v as typeof kind)}>
              <Stack gap="xs" mt="xs">
                <Radio value="cellSecretaries" label={t.bulkSecretaries} />
                <Radio value="members" label={t.bulkMembers} />
              </Stack>
            </Radio.Group>
            <Checkbox.Group label={t.bulkCells} description={t.bulkCellsHint} value={chosen} onChange={setChosen}>
              <ScrollArea.Autosize mah={260} mt="xs" type="auto">
                <Stack gap="xs">
                  {cells.map((c) => (
                    <Checkbox key={c.id} value={c.id} label={c.name} />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t.cancel}
              </Button>
              <Button loading={busy} onClick={run}>
                {t.bulkRun}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
