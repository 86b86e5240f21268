import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DISABILITIES, GUARDIAN_RELATIONSHIPS, POLICY_FLAGS, STUDENT_STATUSES } from '#contracts/students.ts';
import { vietnameseDate } from '#domain/calendar/index.ts';
import { ETHNICITIES } from '#domain/identity/ethnicities.ts';

const STATUS_COLOR: Record<string, string> = {
  enrolled: 'teal',
  transferred_in: 'cyan',
  transferred_out: 'gray',
  dropped_out: 'red',
  graduated: 'blue',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('students');
  return (
    <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'}>
      {t(`status_${status}`)}
    </Badge>
  );
}

const options = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`students:${prefix}_${value}`) }));

export const statusOptions = (t: TFunction) => options(t, 'status', STUDENT_STATUSES);
export const relationshipOptions = (t: TFunction) => options(t, 'relationship', GUARDIAN_RELATIONSHIPS);
export const disabilityOptions = (t: TFunction) => options(t, 'disability', DISABILITIES);
export const policyOptions = (t: TFunction) => options(t, 'policy', POLICY_FLAGS);
export const genderOptions = (t: TFunction) => [
  { value: 'male', label: t('common:male') },
  { value: 'female', label: t('common:female') },
];

/** Ethnic groups by their Vietnamese names (proper nouns, the same in every language). */
export const ETHNICITY_OPTIONS = ETHNICITIES.map((e) => ({ value: e.key, label: e.name }));
export const ethnicityName = (key: string | null) => ETHNICITIES.find((e) => e.key === key)?.name ?? '—';

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', the way dates are written in Vietnam. */
export function formatDate(date: string | null | undefined): string {
  return date ? vietnameseDate(date.slice(0, 10)) : '—';
}

/** Grades a school teaches, for grade pickers (0 = preschool). */
export function gradeRange(from: number | null | undefined, to: number | null | undefined): number[] {
  if (from === null || from === undefined || to === null || to === undefined) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
