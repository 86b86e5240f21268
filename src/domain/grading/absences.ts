/**
 * Absences the promotion rule counts: TT22 Điều 12 khoản 1 điểm c, "nghỉ học không quá 45 buổi trong một năm học
 * (nghỉ có phép hoặc không phép, nghỉ liên tục hoặc nghỉ nhiều lần cộng lại)".
 *
 * The unit is the buổi — a morning or an afternoon session of the school's education plan — not the day. A school
 * teaching two sessions a day plans two buổi each such day, so a student absent for the whole of it misses two
 * buổi, and one absent only in the afternoon misses one. We searched for a Ministry answer (Công văn, the
 * Ministry's Q&A on chinhphu.vn, Sở guidance) saying a two-session day counts as one buổi and found none; the
 * article's own word is the session, so there is no school-year setting: a setting would let two schools apply
 * the same article differently without a text saying they may.
 *
 * Counted: one per distinct (date, session) marked absent, excused or not; the same session recorded twice (two
 * imports, a correction) counts once.
 */

export type AbsenceSession = 'morning' | 'afternoon';

export interface AbsenceMark {
  date: string;
  session: AbsenceSession;
}

export function absentSessions(marks: readonly AbsenceMark[]): number {
  return new Set(marks.map((m) => `${m.date}:${m.session}`)).size;
}

/** Whole days absent (both sessions), for the teacher's eye; the rule itself counts sessions (`absentSessions`). */
export function fullDaysAbsent(marks: readonly AbsenceMark[]): number {
  const byDate = new Map<string, Set<AbsenceSession>>();
  for (const m of marks) {
    const s = byDate.get(m.date) ?? new Set<AbsenceSession>();
    s.add(m.session);
    byDate.set(m.date, s);
  }
  return [...byDate.values()].filter((s) => s.size === 2).length;
}
