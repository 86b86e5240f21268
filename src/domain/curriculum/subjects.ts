import type { Subject } from './subject.ts';
import { ACADEMIC_SUBJECTS } from './subjects-academic.ts';
import { PRACTICAL_SUBJECTS } from './subjects-practical.ts';

/**
 * The subjects of the 2018 general-education programme and their periods per school year.
 *
 * Sources (transcriptions of the official texts; the official PDFs were not read):
 * - Primary and lower-secondary education plans: Chương trình tổng thể (TT 32/2018/TT-BGDĐT), tables "Kế hoạch giáo
 *   dục" — primary 875/875/980/1050/1050 periods, lower secondary 1015/1015/1032/1032 (compulsory only).
 * - Upper secondary: TT 13/2022/TT-BGDĐT made Lịch sử compulsory (52 periods/year) and replaced the three elective
 *   groups (choose 5) by 9 electives without groups (choose 4). GDQP&AN is 35 periods/year.
 * - Assessment kinds: TT 22/2021/TT-BGDĐT Điều 5 — comment-only are Giáo dục thể chất, Nghệ thuật, Âm nhạc, Mĩ thuật,
 *   Nội dung giáo dục của địa phương, Hoạt động trải nghiệm, hướng nghiệp; every other subject is scored. GDQP&AN is
 *   not in that list, so it is scored.
 * - Primary periodic tests: TT 27/2020/TT-BGDĐT Điều 7 — end of term 1 and end of year for the compulsory subjects
 *   Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ; grades 4–5 also at mid-term 1
 *   and mid-term 2 for Tiếng Việt and Toán.
 */
export const SUBJECTS: readonly Subject[] = [...ACADEMIC_SUBJECTS, ...PRACTICAL_SUBJECTS];

/** Upper secondary: number of electives each student chooses (TT 13/2022). */
export const UPPER_SECONDARY_ELECTIVES_TO_CHOOSE = 4;

/**
 * Upper secondary learning topics (chuyên đề học tập): 3 clusters of 35 periods per year, chosen by the student. They
 * are not subjects, and TT 22/2021 excludes them when counting a subject's periods for regular assessments.
 */
export const UPPER_SECONDARY_LEARNING_TOPIC_PERIODS = { clusters: 3, periodsPerCluster: 35 } as const;
