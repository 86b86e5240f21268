import ExcelJS from 'exceljs';
import { type Kysely, sql } from 'kysely';
import { SCHOOL_LEVEL_LABEL_VI } from '#contracts/units.ts';
import { type AssessmentResult, levelLabel } from '../../../domain/assessment-catalogue/index.ts';
import { unitsUnderPaths } from '../../../platform/authz/access.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import { campaignWith } from '../access.ts';
import { groupLevels, loadCatalogue } from '../queries.ts';

/**
 * Publication of recognised results: the public page of an office or a school (no login; recognised results
 * only) and the .xlsx export for the sector database (layout in docs/assessments.md).
 */

function recognisedResults(db: Kysely<DB>) {
  return (
    db
      // scope: public data (recognised results only); every caller adds a condition on a.unit_id
      .selectFrom('assessments as a')
      .innerJoin('assessment_campaigns as c', 'c.id', 'a.campaign_id')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .innerJoin('units as o', 'o.id', 'c.unit_id')
      .innerJoin('recognition_decisions as d', 'd.id', 'a.recognition_id')
      .select([
        'a.unit_id',
        'u.name as unit_name',
        'o.name as office_name',
        'c.title as campaign_title',
        'c.school_year',
        'c.catalogue_id',
        'a.recognised_level',
        'a.external_result',
        'd.decision_number',
        'd.decided_on',
      ])
      .where('a.status', '=', 'recognised')
      .orderBy('c.school_year', 'desc')
      .orderBy('u.name')
  );
}

type ResultRow = Awaited<ReturnType<ReturnType<typeof recognisedResults>['execute']>>[number];

async function toPublic(db: Kysely<DB>, row: ResultRow) {
  const catalogue = await loadCatalogue(db, row.catalogue_id);
  return {
    unitId: row.unit_id,
    unitName: row.unit_name,
    officeName: row.office_name,
    campaignTitle: row.campaign_title,
    schoolYear: row.school_year,
    catalogueTitle: catalogue.title,
    legalBasis: catalogue.source ?? null,
    level: row.recognised_level,
    levelLabel: row.recognised_level === null ? null : levelLabel(catalogue, row.recognised_level),
    groups: groupLevels((row.external_result as AssessmentResult | null)?.groups),
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
  };
}

/**
 * What anyone may see about a unit without logging in: its own recognised results and, for an office, those
 * of the units below it. Nothing that is not recognised by a decision is ever returned.
 */
export async function publicResults(db: Kysely<DB>, unitId: string) {
  const unit = await db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .select(['u.id', 'u.name', 'u.path', 'k.category'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound('đơn vị');
  const own = await recognisedResults(db).where('a.unit_id', '=', unit.id).execute();
  const managed =
    unit.category === 'school'
      ? []
      : await recognisedResults(db)
          .where('a.unit_id', '!=', unit.id)
          .where('a.unit_id', 'in', (eb) =>
            eb.selectFrom('units').select('id').where('path', 'like', `${unit.path}%`),
          )
          .execute();
  return {
    unit: { id: unit.id, name: unit.name, category: unit.category },
    own: await Promise.all(own.map((r) => toPublic(db, r))),
    managed: await Promise.all(managed.map((r) => toPublic(db, r))),
  };
}

/** Fixed columns of the sector-database export; three columns per criteria group follow `ten_muc`. */
export const EXPORT_COLUMNS = [
  'ma_don_vi',
  'ten_don_vi',
  'loai_don_vi',
  'cap_hoc',
  'don_vi_quan_ly',
  'nam_hoc',
  'ma_bo_tieu_chi',
  'phien_ban_bo_tieu_chi',
  'muc_cong_nhan',
  'ten_muc_cong_nhan',
  'so_quyet_dinh',
  'ngay_quyet_dinh',
  'ngay_nop_tu_danh_gia',
] as const;

export function groupColumns(groupId: string): string[] {
  const id = groupId.replace(/[^A-Za-z0-9]+/g, '_');
  return [`nhom_${id}_diem_tu_danh_gia`, `nhom_${id}_diem_danh_gia_ngoai`, `nhom_${id}_muc`];
}

export async function exportCampaign(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', campaignId);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const rows = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .innerJoin('recognition_decisions as d', 'd.id', 'a.recognition_id')
    .select([
      'u.code',
      'u.name',
      'u.level',
      'k.name_vi',
      'a.self_result',
      'a.external_result',
      'a.recognised_level',
    ])
    .select([
      'd.decision_number',
      'd.decided_on',
      sql<string | null>`to_char(a.submitted_at, 'YYYY-MM-DD')`.as('submitted_on'),
    ])
    .where('a.campaign_id', '=', campaign.id)
    .where('a.unit_id', 'in', unitsUnderPaths(ctx, [campaign.unit_path]))
    .where('a.status', '=', 'recognised')
    .orderBy('u.code')
    .execute();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const sheet = workbook.addWorksheet('ket_qua');
  const headers = [...EXPORT_COLUMNS, ...catalogue.groups.flatMap((g) => groupColumns(g.id))];
  sheet.columns = headers.map((header) => ({
    header,
    key: header,
    width: header.startsWith('ten_') ? 40 : 18,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const self = row.self_result as AssessmentResult | null;
    const external = row.external_result as AssessmentResult | null;
    const record: Record<string, string | number | null> = {
      ma_don_vi: row.code,
      ten_don_vi: row.name,
      loai_don_vi: row.name_vi,
      cap_hoc: row.level ? SCHOOL_LEVEL_LABEL_VI[row.level] : null,
      don_vi_quan_ly: campaign.unit_name,
      nam_hoc: campaign.school_year,
      ma_bo_tieu_chi: catalogue.code,
      phien_ban_bo_tieu_chi: catalogue.version,
      muc_cong_nhan: row.recognised_level,
      ten_muc_cong_nhan: row.recognised_level === null ? null : levelLabel(catalogue, row.recognised_level),
      so_quyet_dinh: row.decision_number,
      ngay_quyet_dinh: row.decided_on,
      ngay_nop_tu_danh_gia: row.submitted_on,
    };
    for (const group of catalogue.groups) {
      const [selfColumn, externalColumn, levelColumn] = groupColumns(group.id) as [string, string, string];
      record[selfColumn] = self?.groups.find((g) => g.id === group.id)?.total ?? null;
      const agreed = external?.groups.find((g) => g.id === group.id);
      record[externalColumn] = agreed?.total ?? null;
      record[levelColumn] = agreed?.level ?? null;
    }
    sheet.addRow(record);
  }
  return {
    fileName: `Kết quả ${catalogue.code} ${campaign.school_year} - ${campaign.unit_name}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
