import type { ItemAnswer, SubItemAnswer } from '../../../domain/assessment-catalogue/index.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { findMetric, type MetricDefinition, type MetricValue } from '../../../platform/metrics/registry.ts';
import { readableAssessment, requireEditable, requireOnUnit } from '../access.ts';
import { findCampaign, itemRows, loadCatalogue } from '../queries.ts';
import { upsertItem } from '../workflow.ts';
import { getAssessment } from './assessment-detail.ts';
import { insertEvidence } from './evidence.ts';
import { markStarted, requireValidAnswer } from './self-assessment.ts';

/**
 * Fills in, from the platform's own data, every criterion (or sub-criterion) whose value the catalogue converts
 * by bands from a metric a feature measures: the office's index (QĐ 3806 nhóm II) takes the share of its schools
 * recognised at each level this way, a school its share of classes on the e-gradebook. The measured value at
 * that moment is attached as evidence; the unit can still change the claim afterwards, and every change is
 * audited. Only the unit's own leaders may do it, while the assessment is editable.
 */

interface BandOwner {
  metricId?: string | undefined;
  ratioBands?: unknown[] | undefined;
  countBands?: unknown[] | undefined;
}

/** The measure answer a metric gives for a criterion with bands of the metric's kind; else nothing. */
function measuredAnswer(owner: BandOwner, metric: MetricDefinition, value: MetricValue) {
  if (metric.kind === 'ratio' && owner.ratioBands?.length)
    return { ratio: Math.min(1, Math.max(0, value.value)) };
  if (metric.kind === 'count' && owner.countBands?.length) return { count: Math.round(value.value) };
  return undefined;
}

export async function pullMeasuredAnswers(ctx: ServiceContext, id: string) {
  const assessment = await readableAssessment(ctx, id);
  requireOnUnit(
    ctx.actor,
    'assessments.self',
    assessment.unit_id,
    'Chỉ lãnh đạo đơn vị được đánh giá mới lấy số liệu đo được vào hồ sơ.',
  );
  requireEditable(assessment);
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const rows = new Map((await itemRows(ctx.db, assessment)).map((r) => [r.item_id, r]));
  const measured = new Map<string, { metric: MetricDefinition; value: MetricValue }>();
  const measure = async (metricId: string | undefined) => {
    if (!metricId) return undefined;
    const metric = findMetric(metricId);
    if (!metric) return undefined;
    const known = measured.get(metricId);
    if (known) return known;
    const value = { metric, value: await metric.measure(ctx, assessment.unit_id, campaign.school_year) };
    measured.set(metricId, value);
    return value;
  };

  const changes: {
    itemId: string;
    before: unknown;
    answer: ItemAnswer;
    metricIds: string[];
    complete: boolean;
  }[] = [];
  for (const item of catalogue.groups.flatMap((g) => g.items)) {
    if (item.kind !== 'scored') continue;
    const before = (rows.get(item.id)?.answer as ItemAnswer | null) ?? null;
    if (!item.subItems?.length) {
      const m = await measure(item.metricId);
      const answer = m && measuredAnswer(item, m.metric, m.value);
      if (answer) changes.push({ itemId: item.id, before, answer, metricIds: [m.metric.id], complete: true });
      continue;
    }
    const subItems: Record<string, SubItemAnswer | undefined> = { ...(before?.subItems ?? {}) };
    const metricIds: string[] = [];
    for (const sub of item.subItems) {
      const m = await measure(sub.metricId);
      const answer = m && measuredAnswer(sub, m.metric, m.value);
      if (!answer) continue;
      subItems[sub.id] = answer;
      metricIds.push(m.metric.id);
    }
    if (metricIds.length === 0) continue;
    const complete = item.subItems.every((s) => subItems[s.id] !== undefined);
    changes.push({ itemId: item.id, before, answer: { ...(before ?? {}), subItems }, metricIds, complete });
  }
  if (changes.length === 0)
    throw new AppError('conflict', 'Bộ tiêu chí không có tiêu chí nào hệ thống đo được để điền tự động.');
  for (const c of changes) requireValidAnswer(catalogue, c.itemId, c.answer, 'answer');

  await inTransaction(ctx, async (trx) => {
    await markStarted(trx, assessment);
    // The versions as stored now, locked: each filled claim is a new version, so a page loaded before the pull sees
    // its save refused instead of silently reverting the measured value.
    const versions = new Map(
      (
        await trx.db
          .selectFrom('assessment_items')
          .select(['item_id', 'version'])
          .where('unit_id', '=', assessment.unit_id)
          .where('assessment_id', '=', assessment.id)
          .forUpdate()
          .execute()
      ).map((r) => [r.item_id, r.version]),
    );
    for (const c of changes) {
      await upsertItem(trx, assessment, c.itemId, {
        answer: JSON.stringify(c.answer),
        progress: c.complete ? 'done' : 'in_progress',
        version: (versions.get(c.itemId) ?? 0) + 1,
        updated_by: ctx.actor.userId,
        updated_at: new Date(),
      });
      for (const metricId of c.metricIds) {
        const m = measured.get(metricId);
        if (!m) continue;
        await insertEvidence(trx, assessment, c.itemId, {
          kind: 'metric',
          metric_id: metricId,
          metric_snapshot: { ...m.value, measuredAt: new Date().toISOString() },
          description: m.value.summary,
        });
      }
      await audit(trx, {
        unitId: assessment.unit_id,
        entity: 'assessment_item',
        entityId: assessment.id,
        action: 'claim_measured',
        before: { itemId: c.itemId, answer: c.before },
        after: { itemId: c.itemId, answer: c.answer, metricIds: c.metricIds },
      });
    }
  });
  return getAssessment(ctx, id);
}
