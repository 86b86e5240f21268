import type { CatalogueSummary } from '#contracts/dx-assessments/campaigns.ts';
import { type Catalogue, catalogueSchema } from '../../../domain/assessment-catalogue/index.ts';
import {
  NATIONAL_OFFICE_CATALOGUE_3806,
  NATIONAL_SCHOOL_CATALOGUE_4725,
} from '../../../domain/dx-index/index.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { requireUnitAccess, type ScopedUnit } from '../../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { isUniqueViolation } from '../../../platform/db/constraint-errors.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { UploadedFile } from '../../../platform/http/multipart.ts';
import {
  catalogueWorkbook,
  type ParsedCatalogue,
  parseCatalogueJson,
  parseCatalogueWorkbook,
} from './catalogue-files.ts';

/** The national defaults shipped with the platform (QĐ 4725 for schools, QĐ 3806 for offices). */
export const NATIONAL_CATALOGUES: readonly Catalogue[] = [
  NATIONAL_SCHOOL_CATALOGUE_4725,
  NATIONAL_OFFICE_CATALOGUE_3806,
];

const pathIds = (path: string) => path.split('/').filter(Boolean);

interface StoredCatalogue {
  id: string;
  unit_id: string;
  source: 'national' | 'imported';
  created_at: Date;
  unit_name: string;
  content: unknown;
}

export interface ResolvedCatalogue {
  catalogue: Catalogue;
  stored: StoredCatalogue | undefined;
  source: 'national' | 'imported';
}

function countRows(catalogue: Catalogue) {
  let rows = 0;
  let rowsToVerify = 0;
  for (const group of catalogue.groups)
    for (const item of group.items) {
      const parts = [item, ...(item.kind === 'scored' ? (item.subItems ?? []) : [])];
      rows += parts.length;
      rowsToVerify += parts.filter((p) => p.status === 'to_verify').length;
    }
  return { rows, rowsToVerify };
}

function summary(resolved: ResolvedCatalogue): CatalogueSummary {
  const { catalogue, stored, source } = resolved;
  return {
    id: stored?.id ?? null,
    code: catalogue.code,
    version: catalogue.version,
    title: catalogue.title,
    subjectKind: catalogue.subjectKind,
    source,
    legalBasis: catalogue.source ?? null,
    publishedByUnitName: source === 'national' ? 'Bộ Giáo dục và Đào tạo' : (stored?.unit_name ?? null),
    createdAt: stored?.created_at.toISOString() ?? null,
    ...countRows(catalogue),
  };
}

/** Catalogues stored at this unit or above it: imported revisions, and national ones already in use. */
async function storedOnChain(ctx: ServiceContext, unit: ScopedUnit) {
  const rows = await ctx.db
    .selectFrom('assessment_catalogues as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'c.code', 'c.version', 'c.source', 'c.created_at', 'c.content'])
    .select('u.name as unit_name')
    .where('c.unit_id', 'in', pathIds(unit.path))
    .orderBy('c.created_at')
    .execute();
  return rows;
}

/** Every catalogue an office may run a campaign with: the national defaults and the revisions above it. */
async function visibleCatalogues(ctx: ServiceContext, unit: ScopedUnit): Promise<ResolvedCatalogue[]> {
  const stored = await storedOnChain(ctx, unit);
  const key = (code: string, version: string) => `${code}@${version}`;
  const byKey = new Map(stored.map((row) => [key(row.code, row.version), row]));
  const national = NATIONAL_CATALOGUES.map((catalogue) => ({
    catalogue,
    stored: byKey.get(key(catalogue.code, catalogue.version)),
    source: 'national' as const,
  }));
  const imported = stored
    .filter((row) => row.source === 'imported')
    .map((row) => ({
      catalogue: catalogueSchema.parse(row.content),
      stored: row,
      source: 'imported' as const,
    }));
  return [...national, ...imported];
}

export async function listCatalogues(ctx: ServiceContext, unitId: string): Promise<CatalogueSummary[]> {
  const unit = await requireUnitAccess(ctx, 'assessments.review', unitId);
  return (await visibleCatalogues(ctx, unit)).map(summary);
}

export async function findVisibleCatalogue(
  ctx: ServiceContext,
  unit: ScopedUnit,
  code: string,
  version: string,
): Promise<ResolvedCatalogue> {
  const found = (await visibleCatalogues(ctx, unit)).find(
    (c) => c.catalogue.code === code && c.catalogue.version === version,
  );
  if (!found) throw notFound(`bộ tiêu chí ${code} (phiên bản ${version})`);
  return found;
}

export async function getCatalogue(ctx: ServiceContext, unitId: string, code: string, version: string) {
  const unit = await requireUnitAccess(ctx, 'assessments.review', unitId);
  const found = await findVisibleCatalogue(ctx, unit, code, version);
  return { ...summary(found), content: found.catalogue };
}

/**
 * The stored id of a catalogue a campaign pins. A national catalogue is stored on first use, under the top
 * unit of the office's tree (the ministry), once for everyone below it.
 */
export async function pinCatalogue(trx: ServiceContext, unit: ScopedUnit, resolved: ResolvedCatalogue) {
  if (resolved.stored) return resolved.stored.id;
  const rootId = pathIds(unit.path)[0] as string;
  const { catalogue } = resolved;
  await trx.db
    .insertInto('assessment_catalogues')
    .values({
      unit_id: rootId,
      code: catalogue.code,
      version: catalogue.version,
      title: catalogue.title,
      subject_kind: catalogue.subjectKind,
      content: JSON.stringify(catalogue),
      source: 'national',
    })
    .onConflict((oc) => oc.columns(['unit_id', 'code', 'version']).doNothing())
    .execute();
  const row = await trx.db
    .selectFrom('assessment_catalogues')
    .select('id')
    .where('unit_id', '=', rootId)
    .where('code', '=', catalogue.code)
    .where('version', '=', catalogue.version)
    .executeTakeFirstOrThrow();
  return row.id;
}

function isJsonFile(file: UploadedFile): boolean {
  return /\.json$/i.test(file.fileName) || file.mimeType.includes('json');
}

/**
 * Imports a revised catalogue version published by an office (JSON or the .xlsx template). The whole file is
 * validated first; a bad file changes nothing and every error names its row and column.
 */
export async function importCatalogue(ctx: ServiceContext, unitId: string, file: UploadedFile) {
  const unit = await requireUnitAccess(ctx, 'assessments.manage', unitId);
  const parsed: ParsedCatalogue = isJsonFile(file)
    ? parseCatalogueJson(file.content)
    : await parseCatalogueWorkbook(file);
  const { catalogue } = parsed;
  const taken = (await visibleCatalogues(ctx, unit)).some(
    (c) => c.catalogue.code === catalogue.code && c.catalogue.version === catalogue.version,
  );
  const duplicate = () =>
    new AppError(
      'conflict',
      `Bộ tiêu chí ${catalogue.code} đã có phiên bản ${catalogue.version}; hãy đặt phiên bản mới.`,
      { version: 'Phiên bản đã tồn tại.' },
    );
  if (taken) throw duplicate();
  return inTransaction(ctx, async (trx) => {
    try {
      const row = await trx.db
        .insertInto('assessment_catalogues')
        .values({
          unit_id: unit.id,
          code: catalogue.code,
          version: catalogue.version,
          title: catalogue.title,
          subject_kind: catalogue.subjectKind,
          content: JSON.stringify(catalogue),
          source: 'imported',
          created_by: ctx.actor.userId,
        })
        .returning(['id', 'unit_id', 'source', 'created_at', 'content'])
        .executeTakeFirstOrThrow();
      await audit(trx, {
        unitId: unit.id,
        entity: 'assessment_catalogue',
        entityId: row.id,
        action: 'import',
        after: {
          code: catalogue.code,
          version: catalogue.version,
          title: catalogue.title,
          file: file.fileName,
        },
      });
      const stored = { ...row, unit_name: unit.name };
      return { catalogue: summary({ catalogue, stored, source: 'imported' }), warnings: parsed.warnings };
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  });
}

/** The .xlsx template: a visible catalogue (the national school one by default) in the import layout. */
export async function catalogueTemplate(
  ctx: ServiceContext,
  query: { unitId: string; code?: string; version?: string },
) {
  const unit = await requireUnitAccess(ctx, 'assessments.review', query.unitId);
  const base = NATIONAL_SCHOOL_CATALOGUE_4725;
  const found = await findVisibleCatalogue(ctx, unit, query.code ?? base.code, query.version ?? base.version);
  return {
    fileName: `Bộ tiêu chí ${found.catalogue.code} ${found.catalogue.version}.xlsx`,
    content: await catalogueWorkbook(found.catalogue),
  };
}
