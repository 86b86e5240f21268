import type { TreeNodeData } from '@mantine/core';
import type { Unit } from '#contracts/units.ts';

/**
 * Nests the flat unit list (ordered by path, parents first) under the root; `nodeProps.search` carries what the
 * search box matches (name, short name, code).
 */
export function unitTree(units: readonly Unit[], rootId: string): TreeNodeData[] {
  const nodes = new Map<string, TreeNodeData & { children: TreeNodeData[] }>();
  for (const unit of units) {
    nodes.set(unit.id, {
      value: unit.id,
      label: unit.name,
      nodeProps: { search: `${unit.name} ${unit.shortName ?? ''} ${unit.code}` },
      children: [],
    });
  }
  for (const unit of units) {
    const node = nodes.get(unit.id);
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (node && parent && unit.id !== rootId) parent.children.push(node);
  }
  const root = nodes.get(rootId);
  return root ? [root] : [];
}

/** Ids of a unit and every unit below it, to keep a move or merge from pointing into its own subtree. */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (const unit of units) if (unit.parentId && ids.has(unit.parentId)) ids.add(unit.id);
  return ids;
}
