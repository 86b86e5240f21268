import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { SUBJECTS, subjectByCode } from '#domain/curriculum/index.ts';
import { matchesSearch } from '#domain/text/index.ts';

export const SUBJECT_OPTIONS: ComboboxItem[] = SUBJECTS.map((s) => ({ value: s.code, label: s.name }));

export const subjectName = (code: string | null) => (code ? (subjectByCode(code)?.name ?? code) : null);

/** Searchable selects match without diacritics, as the lists do ("ngu van" finds "Ngữ văn"). */
export const foldedFilter: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[]).filter((option) => matchesSearch(option.label, search));
