import { normaliseNationalId } from './national-id.ts';

export interface PersonNationalId {
  id: string;
  nationalId: string | null;
}

export interface DuplicateNationalIdGroup {
  /** The shared number, trimmed. */
  nationalId: string;
  /** Ids of the people who share it, in input order, each once. */
  personIds: string[];
}

/**
 * Groups people who carry the same personal ID number.
 *
 * A personal ID number belongs to exactly one person (Luật Căn cước 2023 Điều 12: "không lặp lại ở người khác"), so
 * each group is a data-entry error or a duplicated record. The feature runs this over the people inside one province
 * office's scope (identity.md); callers pass that scope's people. Numbers are compared after trimming, whether or not
 * they are valid, so a malformed duplicate is flagged too. Empty and null numbers are skipped, and the same person
 * listed twice with the same number is not a duplicate.
 */
export function findDuplicateNationalIds(people: readonly PersonNationalId[]): DuplicateNationalIdGroup[] {
  const byNumber = new Map<string, string[]>();
  for (const person of people) {
    if (person.nationalId === null) continue;
    const nationalId = normaliseNationalId(person.nationalId);
    if (nationalId === '') continue;
    const personIds = byNumber.get(nationalId);
    if (!personIds) {
      byNumber.set(nationalId, [person.id]);
    } else if (!personIds.includes(person.id)) {
      personIds.push(person.id);
    }
  }
  const groups: DuplicateNationalIdGroup[] = [];
  for (const [nationalId, personIds] of byNumber) {
    if (personIds.length > 1) groups.push({ nationalId, personIds });
  }
  return groups;
}
