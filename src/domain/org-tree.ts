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
