// /thiet-lap/tai-khoan — Settings → Tài khoản: search and filter the commune's accounts, create one
// (its one-time code shown once), manage roles, reset, disable, and onboard cells in bulk with letters.
// The page, loaded when first opened; the address is in ./settings-accounts.tsx.
import { useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Pagination, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, Notice, QueryStatus, Success } from '../components/feedback';
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { SearchInput } from '../components/SearchInput';
import { AccountList, type AccountAction } from '../features/accounts/AccountList';
import { BulkDialog } from '../features/accounts/BulkDialog';
import { CodeDialog } from '../features/accounts/CodeDialog';
import { ConfirmResetDialog } from '../features/accounts/ConfirmResetDialog';
import { pickCommune, useChosenCommune } from '../features/accounts/commune';
import { CreateAccountDialog, roleOptions, unitOptions } from '../features/accounts/CreateAccountDialog';
import { GrantsDialog } from '../features/accounts/GrantsDialog';
import { accountActions, accountsQuery, type Account, type CodeAnswer } from '../features/accounts/queries';
import { unitsQuery } from '../features/units/queries';
import type { Role } from '../../server/auth/tables';
import { vi } from '../i18n/vi';

const t = vi.accounts;

export default requireAbility('manageUsers', SettingsAccountsPage);

function SettingsAccountsPage() {
  const units = useQuery(unitsQuery);
  const chosen = useChosenCommune();
  const commune = pickCommune((units.data ?? []).filter((u) => u.kind === 'commune'), chosen);
  return (
    <>
      <PageHeader
        title={t.title}
        above={
          <AnchorLink to="/thiet-lap" fz="sm">
            ← {t.back}
          </AnchorLink>
        }
        below={<Text c="dimmed">{t.intro}</Text>}
      />
      {!units.data ? <QueryStatus query={units} /> : commune ? <Accounts key={commune.id} communeId={commune.id} /> : <Notice title={vi.import.noCommune} />}
    </>
  );
}

type Dialog = { kind: 'create' } | { kind: 'bulk' } | { kind: 'grants'; account: Account } | { kind: 'reset'; account: Account } | { kind: 'code'; name: string; username: string; answer: CodeAnswer };

function Accounts({ communeId }: { communeId: string }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const own = useMemo(() => (units.data ?? []).filter((u) => u.tenantId === communeId && !u.closedOn), [units.data, communeId]);
  const cells = own.filter((u) => u.kind === 'cell');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery(accountsQuery({ communeId, q: search, role: role || null, unitId: unitId || null, page }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });

  const act = async (action: AccountAction, account: Account) => {
    setFailure(null);
    setDone(null);
    if (action === 'grants') return setDialog({ kind: 'grants', account });
    if (action === 'reset' && dialog?.kind !== 'reset') return setDialog({ kind: 'reset', account });
    setBusyId(account.id);
    try {
      if (action === 'reset') {
        const answer = await accountActions.reset(account.id);
        setDialog({ kind: 'code', name: account.displayName, username: account.username, answer });
      } else {
        await accountActions.setDisabled(account.id, action === 'disable');
        setDone(action === 'disable' ? t.disabledDone(account.displayName) : t.enabledDone(account.displayName));
      }
      await refresh();
    } catch (error) {
      if (action === 'reset') setDialog(null);
      setFailure(error);
    } finally {
      setBusyId(null);
    }
  };

  const grantsAccount = dialog?.kind === 'grants' ? (list.data?.accounts.find((a) => a.id === dialog.account.id) ?? dialog.account) : null;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button onClick={() => setDialog({ kind: 'create' })}>{t.create}</Button>
        <Button variant="default" onClick={() => setDialog({ kind: 'bulk' })}>
          {t.bulk}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" grow preventGrowOverflow={false}>
        <SearchInput label={t.search} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} miw={200} />
        <NativeSelect label={t.role} value={role} onChange={(e) => (setRole(e.currentTarget.value as Role | ''), setPage(1))} data={[{ value: '', label: t.anyRole }, ...roleOptions]} miw={160} />
        <NativeSelect label={t.unit} value={unitId} onChange={(e) => (setUnitId(e.currentTarget.value), setPage(1))} data={[{ value: '', label: t.anyUnit }, ...unitOptions(own)]} miw={160} />
      </Group>
      <Success>{done}</Success>
      {failure !== null && <ErrorAlert error={failure} />}
      {!list.data ? (
        <QueryStatus query={list} />
      ) : (
        <>
          <Text c="dimmed" role="status">
            {t.total(list.data.total)}
          </Text>
          {list.data.accounts.length === 0 ? <Text>{search || role || unitId ? t.none : t.noneYet}</Text> : <AccountList accounts={list.data.accounts} busyId={busyId} onAction={act} />}
          {list.data.total > list.data.pageSize && (
            <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t.pageControls[c] })} />
          )}
        </>
      )}
      {dialog?.kind === 'create' && (
        <CreateAccountDialog
          communeId={communeId}
          units={own}
          onClose={() => setDialog(null)}
          onCreated={(account, answer) => {
            setDialog({ kind: 'code', name: account.displayName, username: account.username, answer });
            void refresh();
          }}
        />
      )}
      {dialog?.kind === 'reset' && <ConfirmResetDialog name={dialog.account.displayName} busy={busyId === dialog.account.id} onConfirm={() => void act('reset', dialog.account)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'code' && <CodeDialog name={dialog.name} username={dialog.username} answer={dialog.answer} onClose={() => setDialog(null)} />}
      {grantsAccount && <GrantsDialog account={grantsAccount} units={own} onClose={() => setDialog(null)} onChanged={refresh} />}
      {dialog?.kind === 'bulk' && <BulkDialog communeId={communeId} cells={cells} onClose={() => setDialog(null)} onDone={() => void refresh()} />}
    </Stack>
  );
}
