import type { CreateRecognitionInput, Recognition } from '#contracts/dx-assessments/campaigns.ts';
import { type AssessmentResult, levelLabel } from '../../../domain/assessment-catalogue/index.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { requireUnitAccess, unitsUnderPaths } from '../../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { isUniqueViolation } from '../../../platform/db/constraint-errors.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { notify, usersWithRole } from '../../../platform/notifications/notify.ts';
import { PdfBuilder } from '../../../platform/pdf/document.ts';
import { campaignWith } from '../access.ts';
import { UNIT_HEAD_ROLES } from '../campaigns/reminders.ts';
import { formatPoints, type PdfFile, pageNoteOf, placeAndDate, unitHeader } from '../pdfs.ts';
import {
  type AssessmentRow,
  type CampaignRow,
  findCampaign,
  groupLevels,
  loadCatalogue,
} from '../queries.ts';
import { transition } from '../workflow.ts';

/** Quyết định công nhận: the office recognises the levels of a batch of assessed units, numbered and printable. */

async function campaignAssessments(ctx: ServiceContext, campaign: CampaignRow): Promise<AssessmentRow[]> {
  return ctx.db
    .selectFrom('assessments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('a.campaign_id', '=', campaign.id)
    .where('a.unit_id', 'in', unitsUnderPaths(ctx, [campaign.unit_path]))
    .orderBy('u.name')
    .execute();
}

async function decisionsOf(
  ctx: ServiceContext,
  campaign: CampaignRow,
  decisionId?: string,
): Promise<Recognition[]> {
  let query = ctx.db
    .selectFrom('recognition_decisions')
    .selectAll()
    .where('unit_id', '=', campaign.unit_id)
    .where('campaign_id', '=', campaign.id);
  if (decisionId) query = query.where('id', '=', decisionId);
  const decisions = await query.orderBy('decided_on').orderBy('created_at').execute();
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const assessments = await campaignAssessments(ctx, campaign);
  return decisions.map((d) => ({
    id: d.id,
    campaignId: campaign.id,
    decisionNumber: d.decision_number,
    decidedOn: d.decided_on,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    createdAt: d.created_at.toISOString(),
    units: assessments
      .filter((a) => a.recognition_id === d.id)
      .map((a) => ({
        assessmentId: a.id,
        unitName: a.unit_name,
        level: a.recognised_level,
        levelLabel: a.recognised_level === null ? null : levelLabel(catalogue, a.recognised_level),
        groups: groupLevels((a.external_result as AssessmentResult | null)?.groups),
      })),
  }));
}

export async function listRecognitions(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', campaignId);
  return decisionsOf(ctx, campaign);
}

/**
 * Issues a recognition decision for units whose external assessment is closed: each gets the level of its
 * external result, moves to "recognised" (public from now on) and its head is notified.
 */
export async function createRecognition(
  ctx: ServiceContext,
  campaignId: string,
  input: CreateRecognitionInput,
) {
  const campaign = await campaignWith(ctx, 'assessments.manage', campaignId);
  const wanted = new Set(input.assessmentIds);
  const chosen = (await campaignAssessments(ctx, campaign)).filter((a) => wanted.has(a.id));
  if (chosen.length !== wanted.size) throw notFound('hồ sơ đánh giá trong đợt này');
  const pending = chosen.filter((a) => a.status !== 'assessed');
  if (pending.length > 0)
    throw new AppError(
      'validation_failed',
      `Chỉ công nhận đơn vị đã kết thúc đánh giá ngoài: ${pending.map((a) => a.unit_name).join(', ')}.`,
      { assessmentIds: 'Có đơn vị chưa kết thúc đánh giá ngoài.' },
    );
  const id = await inTransaction(ctx, async (trx) => {
    let decision: { id: string };
    try {
      decision = await trx.db
        .insertInto('recognition_decisions')
        .values({
          unit_id: campaign.unit_id,
          campaign_id: campaign.id,
          decision_number: input.decisionNumber,
          decided_on: input.decidedOn,
          signer_name: input.signerName,
          signer_title: input.signerTitle,
          created_by: ctx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError('conflict', `Số quyết định ${input.decisionNumber} đã được dùng.`, {
        decisionNumber: 'Số quyết định đã tồn tại.',
      });
    }
    for (const assessment of chosen) {
      const level = (assessment.external_result as AssessmentResult).unitLevel;
      await transition(trx, assessment, {
        action: 'recognised',
        to: 'recognised',
        comment: `Quyết định số ${input.decisionNumber} ngày ${input.decidedOn}`,
        set: { recognised_level: level, recognition_id: decision.id },
      });
      await notify(trx, {
        unitId: assessment.unit_id,
        userIds: await usersWithRole(trx, assessment.unit_id, UNIT_HEAD_ROLES),
        kind: 'assessment_recognised',
        title: `Đơn vị được công nhận kết quả: ${campaign.title}`,
        body: `Quyết định số ${input.decisionNumber}`,
        link: `/assessments/${assessment.id}`,
      });
    }
    // The first decision publishes the campaign: recognised results appear on the public page.
    await trx.db
      .updateTable('assessment_campaigns')
      .set({ status: 'published' })
      .where('unit_id', '=', campaign.unit_id)
      .where('id', '=', campaign.id)
      .execute();
    await audit(trx, {
      unitId: campaign.unit_id,
      entity: 'recognition_decision',
      entityId: decision.id,
      action: 'create',
      after: {
        ...input,
        levels: chosen.map((a) => [a.unit_id, (a.external_result as AssessmentResult).unitLevel]),
      },
    });
    return decision.id;
  });
  const [created] = await decisionsOf(ctx, await findCampaign(ctx.db, campaign.id), id);
  return created as Recognition;
}

/** The decision as a PDF: official header, articles, and the table of units with their levels per group. */
export async function recognitionPdf(ctx: ServiceContext, decisionId: string): Promise<PdfFile> {
  const row = await ctx.db
    // scope: loaded by id; access is checked on its office (unit_id) right after
    .selectFrom('recognition_decisions')
    .select(['campaign_id', 'unit_id'])
    .where('id', '=', decisionId)
    .executeTakeFirst();
  if (!row) throw notFound('quyết định công nhận');
  await requireUnitAccess(ctx, 'assessments.read', row.unit_id);
  const campaign = await findCampaign(ctx.db, row.campaign_id);
  const [decision] = await decisionsOf(ctx, campaign, decisionId);
  if (!decision) throw notFound('quyết định công nhận');
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const office = await unitHeader(ctx, campaign.unit_id);
  const pdf = new PdfBuilder({
    title: `Quyết định ${decision.decisionNumber}`,
    author: office.name,
    ...pageNoteOf(catalogue),
    layout: 'landscape',
  })
    .officialHeader({
      governingBody: office.parentName,
      unitName: office.name,
      number: `Số: ${decision.decisionNumber}`,
      placeAndDate: placeAndDate(office.place, decision.decidedOn),
    })
    .title(
      'Quyết định',
      `Về việc công nhận kết quả đánh giá theo ${catalogue.title}, năm học ${campaign.school_year}`,
    )
    .paragraph(decision.signerTitle.toUpperCase(), { font: 'bold', align: 'center' });
  if (catalogue.source) pdf.paragraph(`Căn cứ ${catalogue.source};`);
  pdf.paragraph(`Căn cứ ${campaign.title};`);
  pdf.paragraph('Căn cứ kết quả tự đánh giá và kết quả đánh giá ngoài của các đơn vị,');
  pdf.paragraph('QUYẾT ĐỊNH:', { font: 'bold', align: 'center' });
  pdf.paragraph(
    `Điều 1. Công nhận kết quả đánh giá năm học ${campaign.school_year} đối với ${decision.units.length} đơn vị có tên sau:`,
  );
  pdf.table(
    [
      { header: 'STT', width: 0.6, align: 'center' },
      { header: 'Đơn vị', width: 4 },
      ...catalogue.groups.map((g) => ({
        header: `Nhóm ${g.id}: điểm - mức`,
        width: 2.6,
        align: 'center' as const,
      })),
      { header: 'Mức công nhận', width: 2.6, align: 'center' },
    ],
    decision.units.map((u, index) => [
      String(index + 1),
      u.unitName,
      ...catalogue.groups.map((g) => {
        const group = u.groups.find((x) => x.id === g.id);
        return group ? `${formatPoints(group.total)} - ${group.label ?? ''}` : '';
      }),
      u.levelLabel ?? '',
    ]),
  );
  pdf.paragraph(
    'Điều 2. Quyết định có hiệu lực kể từ ngày ký. Kết quả được công khai trên cổng thông tin của cơ quan và của các đơn vị.',
  );
  pdf.paragraph(
    'Điều 3. Thủ trưởng các đơn vị có tên tại Điều 1 và các bộ phận liên quan chịu trách nhiệm thi hành Quyết định này.',
  );
  pdf.signatures([
    { title: decision.signerTitle, note: '(Ký, ghi rõ họ tên, đóng dấu)', name: decision.signerName },
  ]);
  const safeNumber = decision.decisionNumber.replace(/[\\/:*?"<>|]+/g, '-');
  return {
    fileName: `Quyết định ${safeNumber} công nhận kết quả đánh giá.pdf`,
    content: await pdf.toBuffer(),
  };
}
