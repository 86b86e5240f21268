import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './workspace.tsx';

/** Picks the unit to work on: the units where the user has roles and, for offices, the units below. */
export function UnitSwitcher() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const data = workspace.units.map((u) => ({
    value: u.id,
    label: `${'  '.repeat(Math.max(0, u.depth - 1))}${u.name}`,
  }));
  return (
    <Select
      aria-label={t('unit')}
      data={data}
      value={workspace.unitId}
      onChange={(value) => value && workspace.setUnitId(value)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="—"
      size="xs"
      w={{ base: '100%', sm: 300 }}
      comboboxProps={{ width: 360 }}
      data-testid="unit-switcher"
    />
  );
}

export function SchoolYearSwitcher() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const data = workspace.years.map((y) => ({ value: y.code, label: y.isCurrent ? `${y.code} ★` : y.code }));
  return (
    <Select
      aria-label={t('schoolYear')}
      data={data}
      value={workspace.schoolYear}
      onChange={(value) => value && workspace.setSchoolYear(value)}
      allowDeselect={false}
      size="xs"
      w={{ base: 130, sm: 130 }}
      data-testid="school-year-switcher"
    />
  );
}
