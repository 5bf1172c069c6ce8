// The organisation tree: nested lists with a disclosure button per branch (aria-expanded), each
// unit a link to its page, its kind in words and the number of members below it.
import { useMemo, useState } from 'react';
import { ActionIcon, Box, Button, Group, Text } from '@mantine/core';
import { ChevronDown, ChevronRight } from '../../components/icons';
import { AnchorLink } from '../../components/links';
import { SearchInput } from '../../components/SearchInput';
import { vi } from '../../i18n/vi';
import { holdsMembers, kindLabel } from './labels';
import { filterTree, walk, type TreeNode } from './tree';

export function OrgTree({ nodes }: { nodes: TreeNode[] }) {
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyOpen(nodes));
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => filterTree(nodes, filter), [nodes, filter]);
  const filtering = filter.trim().length > 0;
  // Nothing to open or fold in a tree of leaves (one unit): no buttons for it.
  const expandable = useMemo(() => [...walk(nodes)].some((n) => n.children.length > 0), [nodes]);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Box>
      <Group align="flex-end" gap="sm" mb="md" className="qt-no-print">
        <SearchInput
          label={vi.organisation.filter}
          placeholder={vi.organisation.filterPlaceholder}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        {expandable && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setExpanded(new Set([...walk(nodes)].map((n) => n.unit.id)))}>
              {vi.organisation.expandAll}
            </Button>
            <Button variant="default" onClick={() => setExpanded(new Set())}>
              {vi.organisation.collapseAll}
            </Button>
          </Group>
        )}
      </Group>
      {shown.length === 0 ? (
        <Text>{filtering ? vi.organisation.noMatch : vi.organisation.empty}</Text>
      ) : (
        <Box component="ul" aria-label={vi.organisation.treeLabel} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((node) => (
            <TreeItem key={node.unit.id} node={node} isOpen={(id) => filtering || expanded.has(id)} toggle={toggle} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** The roots and the communes start open: a ward's cells are visible at once, grassroots organisations folded. */
function initiallyOpen(nodes: TreeNode[]): Set<string> {
  return new Set([...walk(nodes)].filter((n) => n.depth === 0 || n.unit.kind === 'commune').map((n) => n.unit.id));
}

function TreeItem({ node, isOpen, toggle }: { node: TreeNode; isOpen: (id: string) => boolean; toggle: (id: string) => void }) {
  const { unit, children } = node;
  const open = isOpen(unit.id);
  const listId = `tree-children-${unit.id}`;
  const facts = [kindLabel(unit.kind)];
  if (holdsMembers(unit.kind)) facts.push(vi.common.memberCount(node.totalMembers));
  if (unit.kind !== 'cell' && node.cellCount > 0) facts.push(vi.common.cellCount(node.cellCount));
  return (
    <li>
      <Group
        wrap="nowrap"
        gap={6}
        align="flex-start"
        py={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      >
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
        <Box style={{ minWidth: 0, flex: 1 }} pt={4}>
          <AnchorLink to="/don-vi/$unitId" params={{ unitId: unit.id }} fw={unit.kind === 'cell' ? 500 : 700}>
            {unit.name}
          </AnchorLink>
          <Text fz="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        </Box>
      </Group>
      {open && children.length > 0 && (
        <Box component="ul" id={listId} style={{ listStyle: 'none', margin: 0, paddingLeft: 'clamp(12px, 4vw, 28px)' }}>
          {children.map((child) => (
            <TreeItem key={child.unit.id} node={child} isOpen={isOpen} toggle={toggle} />
          ))}
        </Box>
      )}
    </li>
  );
}
