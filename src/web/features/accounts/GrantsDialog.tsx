// An account's roles: each can be revoked; a new one granted on a unit of the commune.
import { useState } from 'react';
import { Button, Group, List, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { ErrorAlert, Success } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import type { Role } from '../../../server/auth/tables';
import type { Unit } from '../units/queries';
import { roleOptions, unitOptions } from './CreateAccountDialog';
import { accountActions, type Account } from './queries';

const t = vi.accounts;

export function GrantsDialog({ account, units, onClose, onChanged }: { account: Account; units: Unit[]; onClose: () => void; onChanged: () => Promise<unknown> }) {
  const [role, setRole] = useState<Role>('member');
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (key: string, work: () => Promise<unknown>, message: string) => {
    setBusy(key);
    setFailure(null);
    setDone(null);
    try {
      await work();
      await onChanged();
      setDone(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t.grantsTitle(account.displayName)} closeButtonProps={{ 'aria-label': t.close }}>
      <Stack gap="md">
        <Success>{done}</Success>
        {failure !== null && <ErrorAlert error={failure} />}
        {account.grants.length === 0 ? (
          <Text c="dimmed">{t.noGrants}</Text>
        ) : (
          <List listStyleType="none" spacing="xs">
            {account.grants.map((g) => (
              <List.Item key={g.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text>
                    {vi.roles[g.role]} — {g.unitName}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    loading={busy === g.id}
                    aria-label={t.revoke(vi.roles[g.role] ?? g.role, g.unitName)}
                    onClick={() => run(g.id, () => accountActions.revoke(account.id, g.id), t.revoked)}
                  >
                    {t.revokeShort}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <NativeSelect label={t.grantRole} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} data={roleOptions} />
        <NativeSelect label={t.grantUnit} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)} data={unitOptions(units)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.close}
          </Button>
          <Button loading={busy === 'grant'} disabled={!unitId} onClick={() => run('grant', () => accountActions.grant(account.id, { role, unitId }), t.granted)}>
            {t.addGrant}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
