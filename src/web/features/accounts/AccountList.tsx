// The commune's accounts with their roles and state, each with its actions (roles, reset with a new
// one-time code, disable or enable). A table on wide screens, cards on phones.
import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { ResponsiveList } from '../../components/ResponsiveList';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import type { Account } from './queries';

const t = vi.accounts;

export type AccountAction = 'grants' | 'reset' | 'disable' | 'enable';

function State({ account }: { account: Account }) {
  if (account.disabled) return <Badge color="gray">{t.disabled}</Badge>;
  if (account.codeExpiresAt) return <Text fz="sm">{t.waitingCode(formatDateTime(account.codeExpiresAt))}</Text>;
  if (!account.hasPassword) return <Text fz="sm">{t.noPassword}</Text>;
  return <Text fz="sm">{t.active}</Text>;
}

const grantsText = (a: Account) => (a.grants.length ? a.grants.map((g) => `${vi.roles[g.role] ?? g.role} — ${g.unitName}`).join('; ') : t.noGrants);

function Actions({ account, busy, onAction }: { account: Account; busy: boolean; onAction: (a: AccountAction, account: Account) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" loading={busy} aria-label={t.actionsOf(account.displayName)}>
          {t.actions}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('grants', account)}>{t.manageGrants}</Menu.Item>
        <Menu.Item onClick={() => onAction('reset', account)}>{t.reset}</Menu.Item>
        {account.disabled ? (
          <Menu.Item onClick={() => onAction('enable', account)}>{t.enable}</Menu.Item>
        ) : (
          <Menu.Item color="red" onClick={() => onAction('disable', account)}>
            {t.disable}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function AccountList({ accounts, busyId, onAction }: { accounts: Account[]; busyId: string | null; onAction: (a: AccountAction, account: Account) => void }) {
  return (
    <ResponsiveList
      items={accounts}
      label={t.listLabel}
      minWidth={760}
      columns={[
        { header: t.displayName, cell: (a) => <Text fw={600}>{a.displayName}</Text> },
        { header: t.username, cell: (a) => a.username, nowrap: true },
        { header: t.grants, cell: (a) => grantsText(a) },
        { header: t.state, cell: (a) => <State account={a} /> },
        { header: t.actions, cell: (a) => <Actions account={a} busy={busyId === a.id} onAction={onAction} /> },
      ]}
      card={(a) => (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{a.displayName}</Text>
              <Text fz="sm" c="dimmed">
                {a.username}
              </Text>
            </div>
            <Actions account={a} busy={busyId === a.id} onAction={onAction} />
          </Group>
          <Text fz="sm">{grantsText(a)}</Text>
          <State account={a} />
        </Stack>
      )}
    />
  );
}
