import type { ColumnOption } from './kinds.ts';

/** Drop-down options from a feature's code → Vietnamese label table. */
export const optionsOf = (labels: Record<string, string>): ColumnOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const GENDER_OPTIONS: ColumnOption[] = [
  { value: 'male', label: 'Nam' },
  { value: 'female', label: 'Nữ' },
];
