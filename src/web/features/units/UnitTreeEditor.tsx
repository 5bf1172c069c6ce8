// Settings → Tổ chức: the tree with a disclosure button per branch and, per unit, a menu of actions
// (add a child, rename, move through a dialog, up/down, close, reopen, delete, import, export). Closed
// units stay in the tree, greyed, "Đã đóng từ dd/mm/yyyy". Every action is a button: nothing is drag-only.
import { useMemo, useState } from 'react';
import { ActionIcon, Box, Button, Group, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { childKinds, isClosedOn } from '../../../domain/units';
import { todayInVietnam } from '../../../domain/dates';
import { ErrorAlert, Success } from '../../components/feedback';
import { ChevronDown, ChevronRight } from '../../components/icons';
import { AnchorLink } from '../../components/links';
import { formatDate } from '../../format';
import { vi } from '../../i18n/vi';
import { kindLabel } from './labels';
import { treeExportUrl, unitActions, type Unit } from './queries';
import { walk, type TreeNode } from './tree';
import { UnitDialog, type DialogKind } from './UnitDialog';

const t = vi.unitEditor;

export function UnitTreeEditor({ nodes, units }: { nodes: TreeNode[]; units: Unit[] }) {
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set([...walk(nodes)].filter((n) => n.depth === 0 || n.unit.kind === 'commune').map((n) => n.unit.id)));
  const [dialog, setDialog] = useState<{ kind: DialogKind; unit: Unit } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const today = todayInVietnam();

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const done = (text: string) => {
    setMessage(text);
    setError(null);
    void queryClient.invalidateQueries({ queryKey: ['units'] });
  };

  const reorder = async (unit: Unit, direction: 'up' | 'down') => {
    setBusy(unit.id);
    try {
      await unitActions.reorder(unit, direction);
      done(t.done.reorder(unit.name));
    } catch (e) {
      setError(e);
      setMessage(null);
    } finally {
      setBusy(null);
    }
  };

  const reopen = async (unit: Unit) => {
    setBusy(unit.id);
    try {
      await unitActions.reopen(unit);
      done(t.done.reopen(unit.name));
    } catch (e) {
      setError(e);
      setMessage(null);
    } finally {
      setBusy(null);
    }
  };

  const expandable = useMemo(() => [...walk(nodes)].some((n) => n.children.length > 0), [nodes]);

  const item = (node: TreeNode, siblings: TreeNode[], index: number) => (
    <TreeItem
      key={node.unit.id}
      node={node}
      first={index === 0}
      last={index === siblings.length - 1}
      open={expanded.has(node.unit.id)}
      toggle={toggle}
      today={today}
      busy={busy === node.unit.id}
      onDialog={(kind, unit) => {
        setMessage(null);
        setError(null);
        setDialog({ kind, unit });
      }}
      onReorder={(unit, d) => void reorder(unit, d)}
      onReopen={(unit) => void reopen(unit)}
      render={item}
    />
  );

  return (
    <Box>
      {expandable && (
        <Group gap="xs" mb="sm">
          <Button variant="default" onClick={() => setExpanded(new Set([...walk(nodes)].map((n) => n.unit.id)))}>
            {vi.organisation.expandAll}
          </Button>
          <Button variant="default" onClick={() => setExpanded(new Set())}>
            {vi.organisation.collapseAll}
          </Button>
        </Group>
      )}
      <Box aria-live="polite">{message && <Success>{message}</Success>}</Box>
      {error !== null && <ErrorAlert error={error} />}
      <Box component="ul" aria-label={vi.organisation.treeLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {nodes.map((n, i) => item(n, nodes, i))}
      </Box>
      {dialog && (
        <UnitDialog
          kind={dialog.kind}
          unit={dialog.unit}
          units={units}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            done(text);
          }}
        />
      )}
    </Box>
  );
}

interface ItemProps {
  node: TreeNode;
  first: boolean;
  last: boolean;
  open: boolean;
  toggle: (id: string) => void;
  today: string;
  busy: boolean;
  onDialog: (kind: DialogKind, unit: Unit) => void;
  onReorder: (unit: Unit, direction: 'up' | 'down') => void;
  onReopen: (unit: Unit) => void;
  render: (node: TreeNode, siblings: TreeNode[], index: number) => React.ReactNode;
}

function TreeItem({ node, first, last, open, toggle, today, busy, onDialog, onReorder, onReopen, render }: ItemProps) {
  const { unit, children } = node;
  const closed = isClosedOn(unit, today);
  const listId = `editor-children-${unit.id}`;
  const facts = [kindLabel(unit.kind)];
  if (closed) facts.push(t.closedSince(formatDate(unit.closedOn)));
  else if (unit.openedOn) facts.push(t.openedOn(formatDate(unit.openedOn)));
  return (
    <li>
      <Group wrap="nowrap" gap={6} align="flex-start" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="dark"
            size={36}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={open ? vi.organisation.collapse(unit.name) : vi.organisation.expand(unit.name)}
            onClick={() => toggle(unit.id)}
          >
            {open ? <ChevronDown /> : <ChevronRight />}
          </ActionIcon>
        ) : (
          <Box w={36} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ minWidth: 0, flex: 1 }} pt={4} data-closed={closed || undefined}>
          {/* The unit's own page (its positions, members, sessions) is one tap away from the editor. */}
          <AnchorLink
            to="/don-vi/$unitId"
            params={{ unitId: unit.id }}
            fw={unit.kind === 'cell' ? 500 : 700}
            c={closed ? 'dimmed' : undefined}
            td={closed ? 'line-through' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {unit.name}
          </AnchorLink>
          <Text fz="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        </Box>
        {unit.kind !== 'province' && <UnitMenu unit={unit} closed={closed} first={first} last={last} busy={busy} onDialog={onDialog} onReorder={onReorder} onReopen={onReopen} />}
      </Group>
      {open && children.length > 0 && (
        <Box component="ul" id={listId} style={{ listStyle: 'none', margin: 0, paddingLeft: 'clamp(10px, 4vw, 28px)' }}>
          {children.map((c, i) => render(c, children, i))}
        </Box>
      )}
    </li>
  );
}

function UnitMenu({ unit, closed, first, last, busy, onDialog, onReorder, onReopen }: Omit<ItemProps, 'node' | 'open' | 'toggle' | 'today' | 'render'> & { unit: Unit; closed: boolean }) {
  const commune = unit.kind === 'commune';
  const holds = childKinds[unit.kind].length > 0;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" loading={busy} aria-label={t.actions(unit.name)} style={{ flexShrink: 0 }}>
          {t.actionsShort}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {!closed && holds && <Menu.Item onClick={() => onDialog('add', unit)}>{t.add}</Menu.Item>}
        <Menu.Item onClick={() => onDialog('rename', unit)}>{t.rename}</Menu.Item>
        {!commune && !closed && <Menu.Item onClick={() => onDialog('move', unit)}>{t.move}</Menu.Item>}
        {!commune && !first && <Menu.Item onClick={() => onReorder(unit, 'up')}>{t.up}</Menu.Item>}
        {!commune && !last && <Menu.Item onClick={() => onReorder(unit, 'down')}>{t.down}</Menu.Item>}
        {!commune && !closed && <Menu.Item onClick={() => onDialog('close', unit)}>{t.close}</Menu.Item>}
        {closed && <Menu.Item onClick={() => onReopen(unit)}>{t.reopen}</Menu.Item>}
        {!closed && holds && <Menu.Item onClick={() => onDialog('import', unit)}>{t.importHere}</Menu.Item>}
        {holds && (
          <Menu.Item component="a" href={treeExportUrl(unit.id, 'xlsx')} download>
            {t.exportXlsx}
          </Menu.Item>
        )}
        {holds && (
          <Menu.Item component="a" href={treeExportUrl(unit.id, 'csv')} download>
            {t.exportCsv}
          </Menu.Item>
        )}
        {!commune && (
          <Menu.Item onClick={() => onDialog('delete', unit)}>
            {t.remove}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
