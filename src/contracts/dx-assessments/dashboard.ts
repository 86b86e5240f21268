import { z } from 'zod';
import { ASSESSMENT_STATUSES, LATENESS } from '#contracts/dx-assessments/campaigns.ts';
import { CATALOGUE_SUBJECT_KINDS } from '../../domain/assessment-catalogue/index.ts';

export const dashboardQuery = z.object({
  unitId: z.uuid('Chọn cơ quan quản lý.'),
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.')
    .optional(),
  /** 'school': the schools' index (QĐ 4725); 'office': the offices' own index (QĐ 3806) below a province. */
  subjectKind: z.enum(CATALOGUE_SUBJECT_KINDS).default('school'),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

const levelCounts = z.record(z.string(), z.number().int());

export const dashboardUnitSchema = z.object({
  assessmentId: z.string(),
  unitId: z.string(),
  name: z.string(),
  code: z.string(),
  schoolLevel: z.string().nullable(),
  /** The office directly below the dashboard's office that manages the unit (null: managed directly). */
  areaId: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  lateness: z.enum(LATENESS),
  selfLevel: z.number().nullable(),
  externalLevel: z.number().nullable(),
  recognisedLevel: z.number().nullable(),
  /** Recognised, else external, else self-assessed level. */
  currentLevel: z.number().nullable(),
  total: z.number().nullable(),
  groups: z.array(z.object({ id: z.string(), total: z.number(), level: z.number().nullable() })),
  previousLevel: z.number().nullable(),
});

export const dashboardAreaSchema = z.object({
  areaId: z.string().nullable(),
  name: z.string(),
  units: z.number().int(),
  submitted: z.number().int(),
  assessed: z.number().int(),
  recognised: z.number().int(),
  late: z.number().int(),
  levels: levelCounts,
  averageTotal: z.number().nullable(),
});

export const dashboardSchema = z.object({
  office: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  subjectKind: z.enum(CATALOGUE_SUBJECT_KINDS),
  schoolYear: z.string().nullable(),
  years: z.array(z.string()),
  today: z.string(),
  campaigns: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      officeName: z.string(),
      selfAssessmentStartsOn: z.string(),
      submissionDeadline: z.string(),
      externalEndsOn: z.string(),
      publicationOn: z.string(),
      catalogueTitle: z.string(),
      catalogueVersion: z.string(),
    }),
  ),
  levelLabels: z.array(z.object({ level: z.number(), label: z.string() })),
  groups: z.array(z.object({ id: z.string(), title: z.string(), maxPoints: z.number() })),
  units: z.array(dashboardUnitSchema),
  areas: z.array(dashboardAreaSchema),
  distribution: z.object({
    self: levelCounts,
    external: levelCounts,
    recognised: levelCounts,
    byGroup: z.array(z.object({ groupId: z.string(), levels: levelCounts })),
  }),
  weakestItems: z.array(
    z.object({
      itemId: z.string(),
      groupId: z.string(),
      title: z.string(),
      units: z.number().int(),
      averageRatio: z.number(),
      agreedVsClaimed: z.number().nullable(),
      lowestAssessmentId: z.string(),
      lowestUnitName: z.string(),
    }),
  ),
  progress: z.object({
    byStatus: z.record(z.string(), z.number().int()),
    late: z.number().int(),
    reviewOverdue: z.number().int(),
  }),
  comparison: z.object({
    previousYear: z.string(),
    previous: levelCounts,
    current: levelCounts,
    improved: z.number().int(),
    same: z.number().int(),
    declined: z.number().int(),
    comparable: z.number().int(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardUnit = z.infer<typeof dashboardUnitSchema>;
