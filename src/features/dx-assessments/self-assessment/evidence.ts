import type { AddEvidenceInput, Evidence, Measure } from '#contracts/dx-assessments/assessment.ts';
import type { Catalogue } from '../../../domain/assessment-catalogue/index.ts';
import { DX_METRICS, isDxMetricId } from '../../../domain/dx-index/index.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { requireAllowedType, servedType } from '../../../platform/files/file-types.ts';
import { readStoredFile, storeFile } from '../../../platform/files/store.ts';
import type { UploadedFile } from '../../../platform/http/multipart.ts';
import { findMetric } from '../../../platform/metrics/registry.ts';
import { readableAssessment, requireEditable, requireItemEditor } from '../access.ts';
import { type AssessmentRow, findCampaign, loadCatalogue, userNames } from '../queries.ts';

/** Evidence (minh chứng) of a criterion: uploaded files, links, text, or a value the platform measures itself. */

export const NOT_MEASURED = 'chưa đo được';

/** Metric ids a catalogue refers to, on criteria, sub-criteria and evidence specs. */
export function metricIdsOf(catalogue: Catalogue): string[] {
  const ids = new Set<string>();
  for (const group of catalogue.groups)
    for (const item of group.items) {
      const parts = [item, ...(item.kind === 'scored' ? (item.subItems ?? []) : [])];
      for (const part of parts) {
        if (part.metricId) ids.add(part.metricId);
        for (const spec of part.evidence) if (spec.kind === 'metric') ids.add(spec.metricId);
      }
    }
  return [...ids];
}

function metricLabel(id: string): string {
  return findMetric(id)?.labelVi ?? (isDxMetricId(id) ? DX_METRICS[id] : id);
}

/** The live value of every metric the catalogue uses, or "chưa đo được" when no feature measures it yet. */
export async function measuresFor(
  ctx: ServiceContext,
  catalogue: Catalogue,
  unitId: string,
  schoolYear: string,
): Promise<Measure[]> {
  const measures: Measure[] = [];
  for (const metricId of metricIdsOf(catalogue)) {
    const metric = findMetric(metricId);
    const base = { metricId, label: metricLabel(metricId) };
    const missing = { ...base, available: false, kind: null, value: null, summary: NOT_MEASURED };
    if (!metric) {
      measures.push(missing);
      continue;
    }
    try {
      const measured = await metric.measure(ctx, unitId, schoolYear);
      measures.push({
        ...base,
        available: true,
        kind: metric.kind,
        value: measured.value,
        summary: measured.summary,
      });
    } catch (error) {
      ctx.log.warn({ err: error, metricId, unitId }, 'metric measurement failed');
      measures.push(missing);
    }
  }
  return measures;
}

export async function evidenceOf(ctx: ServiceContext, assessment: { id: string; unit_id: string }) {
  const rows = await ctx.db
    .selectFrom('assessment_evidence as e')
    .leftJoin('stored_files as f', 'f.id', 'e.file_id')
    .select([
      'e.id',
      'e.item_id',
      'e.kind',
      'e.file_id',
      'e.url',
      'e.metric_id',
      'e.metric_snapshot',
      'e.description',
      'e.created_by',
      'e.created_at',
      'f.file_name',
      'f.size_bytes',
    ])
    .where('e.unit_id', '=', assessment.unit_id)
    .where('e.assessment_id', '=', assessment.id)
    .orderBy('e.created_at')
    .execute();
  const names = await userNames(
    ctx.db,
    rows.map((r) => r.created_by),
  );
  return rows.map(
    (r): Evidence => ({
      id: r.id,
      itemId: r.item_id,
      kind: r.kind,
      fileId: r.file_id,
      fileName: r.file_name,
      sizeBytes: r.size_bytes,
      url: r.url,
      metricId: r.metric_id,
      metricSummary: (r.metric_snapshot as { summary?: string } | null)?.summary ?? null,
      description: r.description,
      createdByName: r.created_by ? (names.get(r.created_by) ?? null) : null,
      createdAt: r.created_at.toISOString(),
    }),
  );
}

/** The assessment and criterion an editor may attach evidence to (same rule as editing the claim). */
async function editableTarget(ctx: ServiceContext, id: string, itemId: string) {
  const assessment = await readableAssessment(ctx, id);
  requireEditable(assessment);
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  if (!catalogue.groups.some((g) => g.items.some((i) => i.id === itemId)))
    throw notFound(`tiêu chí ${itemId}`);
  const item = await ctx.db
    .selectFrom('assessment_items')
    .selectAll()
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  requireItemEditor(ctx, assessment, item);
  return { assessment, campaign, catalogue };
}

export async function insertEvidence(
  trx: ServiceContext,
  assessment: AssessmentRow,
  itemId: string,
  values: {
    kind: Evidence['kind'];
    file_id?: string;
    url?: string;
    metric_id?: string;
    metric_snapshot?: unknown;
    description?: string | null;
  },
) {
  const row = await trx.db
    .insertInto('assessment_evidence')
    .values({
      unit_id: assessment.unit_id,
      assessment_id: assessment.id,
      item_id: itemId,
      kind: values.kind,
      file_id: values.file_id ?? null,
      url: values.url ?? null,
      metric_id: values.metric_id ?? null,
      metric_snapshot: values.metric_snapshot === undefined ? null : JSON.stringify(values.metric_snapshot),
      description: values.description ?? null,
      created_by: trx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, {
    unitId: assessment.unit_id,
    entity: 'assessment_evidence',
    entityId: row.id,
    action: 'create',
    after: { assessmentId: assessment.id, itemId, ...values, metric_snapshot: undefined },
  });
  return row.id;
}

export async function addFileEvidence(ctx: ServiceContext, id: string, itemId: string, file: UploadedFile) {
  const { assessment } = await editableTarget(ctx, id, itemId);
  // Stored under the type its bytes show, not the one the browser declared.
  const type = requireAllowedType(file.fileName, file.content);
  return inTransaction(ctx, async (trx) => {
    const stored = await storeFile(trx, {
      unitId: assessment.unit_id,
      fileName: file.fileName,
      mimeType: type.mimeType,
      content: file.content,
      purpose: 'assessment_evidence',
    });
    const description = file.fields.description?.trim() || null;
    await insertEvidence(trx, assessment, itemId, { kind: 'file', file_id: stored.id, description });
    return evidenceOf(trx, assessment);
  });
}

export async function addEvidence(ctx: ServiceContext, id: string, itemId: string, input: AddEvidenceInput) {
  const { assessment, campaign, catalogue } = await editableTarget(ctx, id, itemId);
  let values: Parameters<typeof insertEvidence>[3];
  if (input.kind === 'metric') {
    if (!metricIdsOf(catalogue).includes(input.metricId)) throw notFound(`chỉ số ${input.metricId}`);
    const metric = findMetric(input.metricId);
    if (!metric)
      throw new AppError(
        'validation_failed',
        `Chỉ số «${metricLabel(input.metricId)}» ${NOT_MEASURED} trên hệ thống.`,
        {
          metricId: NOT_MEASURED,
        },
      );
    const measured = await metric.measure(ctx, assessment.unit_id, campaign.school_year);
    values = {
      kind: 'metric',
      metric_id: input.metricId,
      metric_snapshot: { ...measured, measuredAt: new Date().toISOString() },
      description: input.description ?? measured.summary,
    };
  } else if (input.kind === 'link') {
    values = { kind: 'link', url: input.url, description: input.description ?? null };
  } else {
    values = { kind: 'text', description: input.description };
  }
  return inTransaction(ctx, async (trx) => {
    await insertEvidence(trx, assessment, itemId, values);
    return evidenceOf(trx, assessment);
  });
}

async function findEvidence(ctx: ServiceContext, assessment: AssessmentRow, evidenceId: string) {
  const row = await ctx.db
    .selectFrom('assessment_evidence')
    .selectAll()
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw notFound('minh chứng');
  return row;
}

export async function deleteEvidence(ctx: ServiceContext, id: string, evidenceId: string) {
  const assessment = await readableAssessment(ctx, id);
  const evidence = await findEvidence(ctx, assessment, evidenceId);
  await editableTarget(ctx, id, evidence.item_id);
  return inTransaction(ctx, async (trx) => {
    await trx.db
      .deleteFrom('assessment_evidence')
      .where('unit_id', '=', assessment.unit_id)
      .where('id', '=', evidenceId)
      .execute();
    await audit(trx, {
      unitId: assessment.unit_id,
      entity: 'assessment_evidence',
      entityId: evidenceId,
      action: 'delete',
      before: { ...evidence, metric_snapshot: undefined },
    });
    return evidenceOf(trx, assessment);
  });
}

/** An uploaded evidence file, for anyone who may read the assessment (the school, its office). */
export async function evidenceFile(ctx: ServiceContext, id: string, evidenceId: string) {
  const assessment = await readableAssessment(ctx, id);
  const evidence = await findEvidence(ctx, assessment, evidenceId);
  if (!evidence.file_id) throw notFound('tệp minh chứng');
  const file = await readStoredFile(ctx, assessment.unit_id, evidence.file_id);
  // Files stored before the type was sniffed carry the browser's type: serve what the bytes are, or plain bytes.
  return { ...file, mimeType: servedType(file.fileName, file.content) };
}

/** The rows behind a measured value (e.g. the teachers without an account). */
export async function metricDrillDown(ctx: ServiceContext, id: string, metricId: string) {
  const assessment = await readableAssessment(ctx, id);
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const metric = findMetric(metricId);
  if (!metric || !metricIdsOf(catalogue).includes(metricId))
    throw notFound(`chỉ số ${metricId} (${NOT_MEASURED})`);
  const rows = await metric.drillDown(ctx, assessment.unit_id, campaign.school_year);
  return {
    metricId,
    label: metric.labelVi,
    rows: rows.map((r) => ({ label: r.label, detail: r.detail ?? null, ok: r.ok })),
  };
}
