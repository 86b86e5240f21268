import { z } from 'zod';
import { isoDate, line, multiline, searchTerm } from '#contracts/common.ts';
import { spansConsecutiveYears } from '../domain/calendar/index.ts';

export const SCHOOL_LEVELS = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'multi_level',
  'continuing_ed',
] as const;

export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** What a kind of unit is: the ministry, an office (province or local) or a school. */
export const UNIT_CATEGORIES = ['ministry', 'office', 'school'] as const;
export const OWNERSHIPS = ['public', 'private', 'people_founded'] as const;
/** A merged or closed unit keeps its records and history; it no longer takes new data. */
export const UNIT_STATUSES = ['active', 'merged', 'closed'] as const;
/** A unit joined into another (sáp nhập) or moved under another office (chuyển đơn vị cấp trên). */
export const REORGANISATION_KINDS = ['merge', 'move'] as const;

export const SCHOOL_LEVEL_LABEL_VI: Record<(typeof SCHOOL_LEVELS)[number], string> = {
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
  multi_level: 'Liên cấp',
  continuing_ed: 'GDTX',
};

const optionalText = (label: string, max: number) => line(label).max(max).nullish();
export const schoolYearCode = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.')
  .refine((code) => spansConsecutiveYears(code), 'Năm sau phải lớn hơn năm trước 1 năm.');

const unitFields = {
  code: z
    .string()
    .trim()
    .min(1, 'Nhập mã đơn vị.')
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang.'),
  name: line('Tên đơn vị').min(2, 'Nhập tên đơn vị.').max(200),
  shortName: optionalText('Tên viết tắt', 80),
  level: z.enum(SCHOOL_LEVELS).nullish(),
  gradeFrom: z.number().int().min(0).max(12).nullish(),
  gradeTo: z.number().int().min(0).max(12).nullish(),
  ownership: z.enum(OWNERSHIPS).nullish(),
  province: optionalText('Tỉnh/thành phố', 100),
  district: optionalText('Quận/huyện', 100),
  commune: optionalText('Xã/phường', 100),
  address: optionalText('Địa chỉ', 300),
  phone: optionalText('Số điện thoại', 30),
  email: z
    .email('E-mail không hợp lệ.')
    .nullish()
    .or(z.literal('').transform(() => null)),
  website: optionalText('Trang web', 200),
};

export const createUnitBody = z.object({
  parentId: z.uuid(),
  kind: z.string().min(1).max(40),
  ...unitFields,
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = z.object(unitFields).partial();
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

const decisionFields = {
  /** Số quyết định of the authority that decided the merger or move (printed in the unit's history). */
  decisionNumber: line('Số quyết định').min(1, 'Nhập số quyết định.').max(60),
  decisionDate: isoDate,
  effectiveOn: isoDate,
  reason: multiline('Lý do').max(500).optional(),
  /** The preview's state token: the operation is refused (409) when what moves changed since the preview. */
  expectedState: z.string().min(1).max(128),
};

/**
 * The preview's `endingRoles` that the merger's decision keeps: they go across as the other roles do (a merged
 * school's principal kept as a leader of the receiving school). The others end, audited.
 */
const keepRoles = z.array(z.uuid('Vai trò giữ lại không hợp lệ.')).max(100).optional();

export const movePreviewQuery = z.object({ parentId: z.uuid() });
export const mergePreviewQuery = z.object({ intoUnitId: z.uuid() });
export const moveUnitBody = z.object({ parentId: z.uuid(), ...decisionFields });
export const mergeUnitBody = z.object({ intoUnitId: z.uuid(), ...decisionFields, keepRoles });
export type MoveUnitInput = z.infer<typeof moveUnitBody>;
export type MergeUnitInput = z.infer<typeof mergeUnitBody>;

const named = z.object({ id: z.uuid(), name: z.string(), detail: z.string().nullable() });
/** One kind of thing that moves: how many, and their names (the first 300). */
const movingGroup = z.object({ count: z.number().int(), items: z.array(named) });

export const reorganisationPreviewSchema = z.object({
  kind: z.enum(REORGANISATION_KINDS),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  target: z.object({ id: z.uuid(), name: z.string() }),
  /** The school year whose classes move (the source school's current year). */
  schoolYear: z.string().nullable(),
  units: movingGroup,
  students: movingGroup,
  staff: movingGroup,
  classes: movingGroup,
  accounts: movingGroup,
  roles: movingGroup,
  /** Roles the merger ends: the merged school's principal and deputies (not a second leadership of the target). */
  endingRoles: movingGroup,
  /** What stays with the merged unit as its archive, in words. */
  stays: z.array(z.string()),
  /** What else the user must know before confirming (roles that end, term locks carried or met), in words. */
  notes: z.array(z.string()),
  /** Why it cannot be done; empty when it can. */
  blockers: z.array(z.string()),
  expectedState: z.string(),
});
export type ReorganisationPreview = z.infer<typeof reorganisationPreviewSchema>;

export const reorganisationEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(REORGANISATION_KINDS),
  /** From this unit's point of view: it merged away / moved, or it received a merged unit. */
  direction: z.enum(['out', 'in']),
  unitId: z.uuid(),
  unitName: z.string(),
  targetId: z.uuid(),
  targetName: z.string(),
  fromParentName: z.string().nullable(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  effectiveOn: z.string(),
  reason: z.string().nullable(),
  moved: z.record(z.string(), z.number()),
});
export type ReorganisationEvent = z.infer<typeof reorganisationEventSchema>;

export const unitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.string(),
  kindName: z.string(),
  category: z.enum(UNIT_CATEGORIES),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  depth: z.number().int(),
  level: z.enum(SCHOOL_LEVELS).nullable(),
  gradeFrom: z.number().int().nullable(),
  gradeTo: z.number().int().nullable(),
  ownership: z.string().nullable(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  commune: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  currentSchoolYear: z.string().nullable(),
  status: z.enum(UNIT_STATUSES),
  mergedIntoId: z.uuid().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitDetailSchema = unitSchema.extend({
  /** What the caller may do here, so the UI shows only working actions. */
  permissions: z.array(z.string()),
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
});

export const listUnitsQuery = z.object({
  /** Only this unit and the units below it. */
  under: z.uuid().optional(),
  category: z.enum(UNIT_CATEGORIES).optional(),
  q: searchTerm,
  includeInactive: z.coerce.boolean().optional(),
});

export const unitHistorySchema = z.array(
  z.object({
    parentId: z.uuid().nullable(),
    parentName: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);

export const unitReorganisationsSchema = z.array(reorganisationEventSchema);

export const unitKindSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  category: z.enum(UNIT_CATEGORIES),
});
