import { z } from 'zod';
import { blankToNull } from '#contracts/classes.ts';
import { line } from '#contracts/common.ts';
import { schoolYearCode } from '#contracts/units.ts';
import { schoolYearStartYear } from '../domain/calendar/index.ts';

// The rollover into the next school year (TT22 Điều 12: lên lớp, ở lại lớp; the last grade graduates): its preview
// with the principal's plan for the new classes, and its outcome by name.

const yearPair = { unitId: z.uuid(), fromYear: schoolYearCode, toYear: schoolYearCode };
const nextYear = {
  check: (v: { fromYear: string; toYear: string }) =>
    schoolYearStartYear(v.toYear) === schoolYearStartYear(v.fromYear) + 1,
  issue: { message: 'Năm học mới phải liền sau năm học cũ.', path: ['toYear'] },
};

/** Which school, from which year into the next. */
export const rolloverInput = z.object(yearPair).refine(nextYear.check, nextYear.issue);
export type RolloverInput = z.infer<typeof rolloverInput>;

/** The principal's plan for the classes the rollover will create: homeroom teacher and room per class name. */
export const rolloverPlanBody = z
  .object({
    ...yearPair,
    classes: z
      .array(
        z.object({
          name: line('Tên lớp').min(1, 'Nhập tên lớp.').max(20, 'Tên lớp dài quá 20 ký tự.'),
          homeroomTeacherId: z.preprocess(blankToNull, z.uuid('Chọn giáo viên chủ nhiệm.').nullable()),
          room: z.preprocess(
            blankToNull,
            line('Phòng học').max(40, 'Phòng học dài quá 40 ký tự.').nullable(),
          ),
        }),
      )
      .max(300, 'Tối đa 300 lớp.')
      .refine((list) => new Set(list.map((c) => c.name)).size === list.length, 'Mỗi lớp chỉ có một dòng.'),
  })
  .refine(nextYear.check, nextYear.issue);
export type RolloverPlanInput = z.infer<typeof rolloverPlanBody>;

/** What happens (or happened) to one student of the finished year. */
export const ROLLOVER_OUTCOMES = ['promoted', 'retained', 'graduated', 'pending', 'left'] as const;
export type RolloverOutcomeKind = (typeof ROLLOVER_OUTCOMES)[number];

const rolloverStudent = z.object({
  studentId: z.uuid(),
  fullName: z.string(),
  fromClass: z.string(),
  /** The class of the new year (promoted, retained); null for graduates, pending and students who left. */
  toClass: z.string().nullable(),
});
export type RolloverStudent = z.infer<typeof rolloverStudent>;

/** A class of the new year that receives students: created by the rollover from the plan, or already there. */
const rolloverClass = z.object({
  name: z.string(),
  grade: z.number().int(),
  /** Already created (by an earlier run or by hand): its teacher and room are edited on the class page. */
  exists: z.boolean(),
  incoming: z.number().int(),
  homeroomTeacherId: z.uuid().nullable(),
  homeroomTeacherName: z.string().nullable(),
  room: z.string().nullable(),
});
export type RolloverClass = z.infer<typeof rolloverClass>;

/**
 * The rollover by name. `written` counts the rows a run wrote (classes, enrolments, graduations): 0 on a re-run,
 * which finds everything done and returns the same lists.
 */
export const rolloverOutcomeSchema = z.object({
  fromYear: z.string(),
  toYear: z.string(),
  promoted: z.array(rolloverStudent),
  retained: z.array(rolloverStudent),
  graduated: z.array(rolloverStudent),
  /** No final decision yet (summer re-test or conduct pending, or not classified): left for the principal. */
  pending: z.array(rolloverStudent),
  /** No longer at the school (transferred, dropped out, erased): not moved. */
  left: z.array(rolloverStudent),
  classes: z.array(rolloverClass),
  written: z.number().int(),
});
export type RolloverOutcome = z.infer<typeof rolloverOutcomeSchema>;

/** The preview: the outcome the rollover would have now, the plan included. */
export const rolloverPreviewSchema = rolloverOutcomeSchema.extend({
  /** True once every student of the finished year is in a class of the new year, graduated, pending or gone. */
  done: z.boolean(),
});
export type RolloverPreview = z.infer<typeof rolloverPreviewSchema>;
