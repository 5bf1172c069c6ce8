// The visible units as a tree: roots are the units whose parent the user cannot see. Member counts
// add up from the cells below, since members belong to cells.
import { foldVietnamese } from '../../../domain/vietnamese-names';
import type { Unit } from './queries';

export interface TreeNode {
  unit: Unit;
  depth: number;
  /** Members of this unit and everything below it. */
  totalMembers: number;
  /** Cells at or below this unit. */
  cellCount: number;
  children: TreeNode[];
}

export function buildTree(units: readonly Unit[]): TreeNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const unit of units) {
    if (unit.parentId && byId.has(unit.parentId)) {
      const list = childrenOf.get(unit.parentId) ?? [];
      list.push(unit);
      childrenOf.set(unit.parentId, list);
    } else roots.push(unit);
  }
  const order = (a: Unit, b: Unit) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi');
  const make = (unit: Unit, depth: number): TreeNode => {
    const children = (childrenOf.get(unit.id) ?? []).sort(order).map((c) => make(c, depth + 1));
    return {
      unit,
      depth,
      children,
      totalMembers: unit.memberCount + children.reduce((sum, c) => sum + c.totalMembers, 0),
      cellCount: (unit.kind === 'cell' ? 1 : 0) + children.reduce((sum, c) => sum + c.cellCount, 0),
    };
  };
  return roots.sort(order).map((r) => make(r, 0));
}

export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

export function findNode(nodes: readonly TreeNode[], id: string): TreeNode | undefined {
  for (const node of walk(nodes)) if (node.unit.id === id) return node;
  return undefined;
}

/** Keeps the units whose name matches (with or without diacritics) and the path down to them. */
export function filterTree(nodes: readonly TreeNode[], text: string): TreeNode[] {
  const needle = foldVietnamese(text).trim();
  if (!needle) return [...nodes];
  const keep = (node: TreeNode): TreeNode | null => {
    const children = node.children.map(keep).filter((c): c is TreeNode => c !== null);
    if (children.length > 0 || foldVietnamese(node.unit.name).includes(needle)) return { ...node, children };
    return null;
  };
  return nodes.map(keep).filter((n): n is TreeNode => n !== null);
}
