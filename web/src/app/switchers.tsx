import { type ComboboxItem, type OptionsFilter, Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#contracts/units.ts';
import { matchesSearch } from '#domain/text/index.ts';
import { useWorkspace } from './workspace.tsx';

interface TreeNode {
  unit: Unit;
  level: number;
  ancestors: string[];
}

/** The units in tree order (parents before their children, siblings by name), each with its level and ancestors. */
export function unitTree(units: readonly Unit[]): TreeNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: TreeNode[] = [];
  const walk = (parent: string | null, level: number, ancestors: string[]) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const unit of list) {
      out.push({ unit, level, ancestors });
      walk(unit.id, level + 1, [...ancestors, unit.id]);
    }
  };
  walk(null, 0, []);
  return out;
}

/**
 * Picks the unit to work on, as a searchable tree: the units where the user has roles and, for offices, the units
 * below. A search keeps the matching units and the offices above them, so a school is found with its place.
 */
export function UnitSwitcher() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const tree = useMemo(() => unitTree(workspace.units), [workspace.units]);
  const nodes = useMemo(() => new Map(tree.map((n) => [n.unit.id, n])), [tree]);
  const data = tree.map((n) => ({ value: n.unit.id, label: n.unit.name }));
  const filter: OptionsFilter = ({ options, search }) => {
    if (!search.trim()) return options;
    const keep = new Set<string>();
    for (const n of tree) {
      if (matchesSearch(n.unit.name, search) || matchesSearch(n.unit.code, search)) {
        keep.add(n.unit.id);
        for (const a of n.ancestors) keep.add(a);
      }
    }
    return (options as ComboboxItem[]).filter((o) => keep.has(o.value));
  };
  return (
    <Select
      aria-label={t('unit')}
      data={data}
      value={workspace.unitId}
      onChange={(value) => value && workspace.setUnitId(value)}
      searchable
      filter={filter}
      limit={400}
      allowDeselect={false}
      nothingFoundMessage="—"
      size="xs"
      w={{ base: '100%', sm: 300 }}
      comboboxProps={{ width: 'target', position: 'bottom-start', middlewares: { size: true } }}
      renderOption={({ option }) => {
        const node = nodes.get(option.value);
        return (
          <div style={{ paddingLeft: (node?.level ?? 0) * 14, minWidth: 0 }}>
            <Text size="sm" lh={1.25}>
              {option.label}
            </Text>
            {node && (
              <Text size="xs" c="gray.7" lh={1.2}>
                {node.unit.kindName}
              </Text>
            )}
          </div>
        );
      }}
      data-testid="unit-switcher"
    />
  );
}

/** The school year; the current one is marked in the list (not in the box, so "2025-2026" always fits). */
export function SchoolYearSwitcher() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const current = new Set(workspace.years.filter((y) => y.isCurrent).map((y) => y.code));
  const data = workspace.years.map((y) => ({ value: y.code, label: y.code }));
  return (
    <Select
      aria-label={t('schoolYear')}
      data={data}
      value={workspace.schoolYear}
      onChange={(value) => value && workspace.setSchoolYear(value)}
      allowDeselect={false}
      size="xs"
      w={136}
      miw={136}
      style={{ flexShrink: 0 }}
      comboboxProps={{ width: 150, position: 'bottom-end' }}
      renderOption={({ option }) => (
        <Text size="sm">
          {option.label}
          {current.has(option.value) ? ` ★` : ''}
        </Text>
      )}
      data-testid="school-year-switcher"
    />
  );
}
