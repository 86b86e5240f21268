import type { ComboboxItem } from '@mantine/core';
import { SUBJECTS, subjectsForGrade } from '#domain/curriculum/index.ts';

export const GRADE_OPTIONS: ComboboxItem[] = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}));

/** The subjects taught in the grade (the API refuses others), or every subject when no grade is chosen. */
export function subjectOptions(grade: number | null | undefined): ComboboxItem[] {
  const subjects = grade ? subjectsForGrade(grade) : SUBJECTS;
  return subjects.map((s) => ({ value: s.code, label: s.name }));
}
