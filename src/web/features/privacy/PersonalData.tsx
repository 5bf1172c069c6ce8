// A person's data (Nghị định 13/2023/NĐ-CP; decision 028): the administrator downloads it or erases
// it (a reason is required, and the dialog says what is kept); a member downloads their own.
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { saveResponse } from '../../components/download';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { Success } from '../../components/feedback';
import { vi } from '../../i18n/vi';

const t = vi.privacy;

async function download(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', vi.errors.network);
  }
  return saveResponse(response, 'du-lieu-ca-nhan.json');
}

function DownloadButton({ url, label }: { url: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setFailure(null);
            try {
              setDone(t.downloaded(await download(url)));
            } catch (e) {
              setFailure(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {label}
        </Button>
      </Group>
      <FormMessages failure={failure} done={done} />
    </Stack>
  );
}

/** On a person's page, for the commune's administrators. */
export function PersonalDataActions({ person, canExport, canErase }: { person: { id: string; version: number; erasedAt?: unknown }; canExport: boolean; canErase: boolean }) {
  const [erasing, setErasing] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  if (!canExport && !canErase) return null;
  return (
    <Stack gap="sm">
      <Alert color="gray" role="note">
        {person.erasedAt ? t.alreadyErased : t.intro}
      </Alert>
      {canExport && <DownloadButton url={`/api/people/${encodeURIComponent(person.id)}/personal-data`} label={t.download} />}
      {canErase && !person.erasedAt && (
        <Group>
          <Button color="red" variant="outline" onClick={() => setErasing(true)}>
            {t.erase}
          </Button>
        </Group>
      )}
      <Success>{erased}</Success>
      {erasing && (
        <EraseDialog
          person={person}
          onClose={(name) => {
            setErasing(false);
            if (name) setErased(t.erased(name));
          }}
        />
      )}
    </Stack>
  );
}

function EraseDialog({ person, onClose }: { person: { id: string; version: number }; onClose: (pseudonym: string | null) => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 5) return setError(t.reasonRequired);
    setError(undefined);
    setFailure(null);
    setSaving(true);
    try {
      const done = await api<{ fullName: string }>(`/api/people/${encodeURIComponent(person.id)}/erase`, { method: 'POST', body: { version: person.version, reason: reason.trim() } });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose(done.fullName);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await queryClient.invalidateQueries({ queryKey: ['people'] });
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onClose(null)} title={t.eraseTitle}>
      <form onSubmit={submit} noValidate aria-label={t.eraseTitle}>
        <Stack gap="sm">
          <Alert color="red" role="note" title={t.warningTitle}>
            <List size="sm" spacing={4}>
              {t.warning.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
          <Textarea label={t.reason} description={t.reasonHint} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} autosize minRows={2} />
          <FormMessages failure={failure} />
          <FormButtons saving={saving} submitLabel={t.confirm} onCancel={() => onClose(null)} />
        </Stack>
      </form>
    </Modal>
  );
}

/** On the account page: one's own data. */
export function OwnDataSection() {
  return <DownloadButton url="/api/me/personal-data" label={t.downloadOwn} />;
}
