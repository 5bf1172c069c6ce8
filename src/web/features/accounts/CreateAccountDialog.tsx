// Creating an account with its grants; the answer's one-time code is shown by the caller.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { ErrorAlert } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import type { Role } from '../../../server/auth/tables';
import type { Unit } from '../units/queries';
import { accountActions, communeRoles, type CodeAnswer } from './queries';

const t = vi.accounts;

export const roleOptions = communeRoles.map((r) => ({ value: r, label: vi.roles[r] ?? r }));
export const unitOptions = (units: readonly Unit[]) => units.map((u) => ({ value: u.id, label: u.name }));

interface Props {
  communeId: string;
  units: Unit[];
  onClose: () => void;
  onCreated: (account: { displayName: string; username: string }, answer: CodeAnswer) => void;
}

export function CreateAccountDialog({ communeId, units, onClose, onCreated }: Props) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('cellSecretary');
  const [unitId, setUnitId] = useState('');
  const [errors, setErrors] = useState<{ username?: string; displayName?: string; unit?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { username: username.trim() ? undefined : t.required, displayName: displayName.trim() ? undefined : t.required, unit: unitId ? undefined : t.chooseUnit };
    setErrors(found);
    if (found.username || found.displayName || found.unit) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await accountActions.create(communeId, { username: username.trim(), displayName: displayName.trim(), grants: [{ role, unitId }] });
      onCreated({ displayName: displayName.trim(), username: username.trim().toLowerCase() }, answer);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t.createTitle} closeButtonProps={{ 'aria-label': t.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure !== null && <ErrorAlert error={failure} />}
          <TextInput label={t.displayName} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} />
          <TextInput
            label={t.username}
            description={t.usernameHint}
            required
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors.username}
          />
          <NativeSelect label={t.grantRole} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} data={roleOptions} />
          <NativeSelect
            label={t.grantUnit}
            required
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t.chooseUnit }, ...unitOptions(units)]}
            error={errors.unit}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
