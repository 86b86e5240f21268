import type { ComboboxItem } from '@mantine/core';
import { SUBJECTS, subjectsForGrade } from '#domain/curriculum/index.ts';

import { useWorkspace } from '../../app/workspace.tsx';

/** The grades of the selected school (6–9 for a lower secondary school), or 1–12 for an office. */
export function useGradeOptions(): ComboboxItem[] {
  const { unit } = useWorkspace();
  const from = unit?.gradeFrom ?? 1;
  const to = unit?.gradeTo ?? 12;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({
    value: String(from + i),
    label: String(from + i),
  }));
}

/** The subjects taught in the grade (the API refuses others), or every subject when no grade is chosen. */
export function subjectOptions(grade: number | null | undefined): ComboboxItem[] {
  const subjects = grade ? subjectsForGrade(grade) : SUBJECTS;
  return subjects.map((s) => ({ value: s.code, label: s.name }));
}
