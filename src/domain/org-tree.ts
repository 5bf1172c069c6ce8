// The organisation tree is stored with materialised paths ("/province/commune/org/cell/"), so
// "unit X is within unit Y" is a prefix test that needs no query.

export interface TreeNode {
  id: string;
  parentId: string | null;
  path: string;
}

export function isWithin(unitPath: string, ancestorPath: string): boolean {
  return unitPath.startsWith(ancestorPath);
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export type Nested<T> = T & { children: Nested<T>[] };

/** Nests a flat list under its parents; nodes whose parent is absent become roots. Keeps input order. */
export function nest<T extends TreeNode>(nodes: readonly T[]): Nested<T>[] {
  const byId = new Map<string, Nested<T>>();
  for (const node of nodes) byId.set(node.id, { ...node, children: [] });
  const roots: Nested<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const unitNames = new Intl.Collator('vi', { numeric: true });

export interface OrderedUnit {
  sortOrder: number;
  name: string;
}

/**
 * Orders units the way the tree shows them: a parent before its children, siblings by their order
 * and then by name in Vietnamese collation ("Chi bộ Tràng Đà 2" before "Chi bộ Tràng Đà 10").
 * `units` holds every unit of the paths compared (by id).
 */
export function compareTreeOrder(aPath: string, bPath: string, units: ReadonlyMap<string, OrderedUnit>): number {
  const a = aPath.split('/').filter(Boolean);
  const b = bPath.split('/').filter(Boolean);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const [ua, ub] = [units.get(a[i]!), units.get(b[i]!)];
    if (!ua || !ub) return ua ? -1 : ub ? 1 : a[i]!.localeCompare(b[i]!);
    return ua.sortOrder - ub.sortOrder || unitNames.compare(ua.name, ub.name);
  }
  return a.length - b.length;
}

export function sortInTreeOrder<T>(items: readonly T[], pathOf: (item: T) => string, units: ReadonlyMap<string, OrderedUnit>): T[] {
  return [...items].sort((x, y) => compareTreeOrder(pathOf(x), pathOf(y), units));
}
