import {
  type AssessmentResult,
  type Catalogue,
  printedCatalogueNotice,
} from '../../domain/assessment-catalogue/index.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { PdfBuilder } from '../../platform/pdf/document.ts';
import { readableAssessment } from './access.ts';
import { findCampaign, itemRows, loadCatalogue, userNames } from './queries.ts';
import { evidenceOf } from './self-assessment/evidence.ts';

/**
 * The documents of a self-assessment, with the official header (Nghị định 30/2020/NĐ-CP layout): the minutes
 * (biên bản tự đánh giá) and the head's decision recognising its result. Both are drawn from the result frozen
 * at approval, so they can be printed again at any time and always say the same thing.
 */

export interface PdfFile {
  fileName: string;
  content: Buffer;
}

export interface UnitHeader {
  name: string;
  kind: string;
  parentName: string | null;
  place: string | null;
}

export async function unitHeader(ctx: ServiceContext, unitId: string): Promise<UnitHeader> {
  const unit = await ctx.db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.name', 'u.kind', 'u.commune', 'u.district', 'u.province', 'p.name as parent_name'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  return {
    name: unit.name,
    kind: unit.kind,
    parentName: unit.parent_name,
    place: unit.commune ?? unit.district ?? unit.province ?? null,
  };
}

export function placeAndDate(place: string | null, isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${place ? `${place}, ` : ''}ngày ${Number(day)} tháng ${Number(month)} năm ${year}`;
}

/** The head's title as printed above a signature: a school's principal, an office's head. */
export function headTitle(kind: string): string {
  return kind === 'school' ? 'Hiệu trưởng' : 'Thủ trưởng đơn vị';
}

export const formatPoints = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(Math.round(value * 100) / 100).replace('.', ',');

const dateOf = (value: Date | null) => (value ?? new Date()).toISOString().slice(0, 10);

async function documentData(ctx: ServiceContext, id: string) {
  const assessment = await readableAssessment(ctx, id);
  const result = assessment.self_result as AssessmentResult | null;
  if (!result)
    throw new AppError(
      'conflict',
      'Biên bản và quyết định có sau khi thủ trưởng đơn vị phê duyệt kết quả tự đánh giá.',
    );
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const header = await unitHeader(ctx, assessment.unit_id);
  const approver = assessment.approved_by
    ? ((await userNames(ctx.db, [assessment.approved_by])).get(assessment.approved_by) ?? null)
    : null;
  const approvedOn = dateOf(assessment.approved_at);
  return { assessment, result, campaign, catalogue, header, approver, approvedOn };
}

/** The catalogue's draft or incomplete notice, printed on every page of its documents. */
export function pageNoteOf(catalogue: Catalogue): { pageNote?: string } {
  const note = printedCatalogueNotice(catalogue);
  return note ? { pageNote: note } : {};
}

function claimCells(result: AssessmentResult, itemId: string) {
  const item = result.items.find((i) => i.id === itemId);
  if (!item) return ['', ''];
  if (item.kind === 'mandatory') return ['Bắt buộc', item.met ? 'Đạt' : 'Chưa đạt'];
  return [formatPoints(item.maxPoints), formatPoints(item.points)];
}

function groupTable(
  pdf: PdfBuilder,
  catalogue: Catalogue,
  result: AssessmentResult,
  groupId: string,
  notes: Map<string, { note: string | null; evidence: number }>,
) {
  const group = catalogue.groups.find((g) => g.id === groupId);
  if (!group) return;
  const rows: string[][] = [];
  for (const item of group.items) {
    const extra = notes.get(item.id);
    rows.push([
      item.id,
      item.title,
      ...claimCells(result, item.id),
      String(extra?.evidence ?? 0),
      extra?.note ?? '',
    ]);
    if (item.kind !== 'scored') continue;
    const scored = result.items.find((i) => i.id === item.id);
    for (const sub of item.subItems ?? []) {
      const points = scored?.subItems.find((s) => s.id === sub.id)?.points;
      rows.push([sub.id, `   ${sub.title}`, formatPoints(sub.maxPoints), formatPoints(points), '', '']);
    }
  }
  pdf.table(
    [
      { header: 'Mã', width: 1 },
      { header: 'Tiêu chí', width: 6 },
      { header: 'Tối đa', width: 1.3, align: 'center' },
      { header: 'Tự đánh giá', width: 1.5, align: 'center' },
      { header: 'Số minh chứng', width: 1.4, align: 'center' },
      { header: 'Ghi chú', width: 3 },
    ],
    rows,
    { fontSize: 8.5 },
  );
  const groupResult = result.groups.find((g) => g.id === groupId);
  if (groupResult)
    pdf.fields(
      [
        ['Tổng điểm nhóm', `${formatPoints(groupResult.total)}/${formatPoints(groupResult.maxPoints)}`],
        ['Mức đạt', groupResult.label ?? 'Không xếp mức riêng'],
      ],
      2,
    );
}

export async function selfAssessmentMinutesPdf(ctx: ServiceContext, id: string): Promise<PdfFile> {
  const { assessment, result, campaign, catalogue, header, approver, approvedOn } = await documentData(
    ctx,
    id,
  );
  const rows = await itemRows(ctx.db, assessment);
  const evidence = await evidenceOf(ctx, assessment);
  const notes = new Map(
    rows.map((r) => [
      r.item_id,
      { note: r.note, evidence: evidence.filter((e) => e.itemId === r.item_id).length },
    ]),
  );
  const pdf = new PdfBuilder({
    title: `Biên bản tự đánh giá - ${header.name}`,
    author: header.name,
    ...pageNoteOf(catalogue),
  })
    .officialHeader({
      governingBody: header.parentName,
      unitName: header.name,
      placeAndDate: placeAndDate(header.place, approvedOn),
    })
    .title('Biên bản tự đánh giá', `${catalogue.title} - năm học ${campaign.school_year}`);
  if (catalogue.source) pdf.paragraph(`Căn cứ ${catalogue.source};`);
  pdf.paragraph(
    // The catalogue by its display name: its code and version are our identifiers and never appear on an official
    // document (the decision it comes from is named by `source` above).
    `Thực hiện ${campaign.title} của ${campaign.unit_name}, ${header.name} đã tổ chức tự đánh giá theo ${catalogue.title}. Kết quả tự đánh giá như sau:`,
  );
  for (const group of catalogue.groups) {
    pdf.heading(`Nhóm ${group.id}. ${group.title}`);
    groupTable(pdf, catalogue, result, group.id, notes);
  }
  pdf.heading('Kết luận');
  pdf.fields(
    [
      ['Tổng điểm', `${formatPoints(result.totalPoints)}/${formatPoints(result.maxTotalPoints)}`],
      ['Mức của đơn vị', result.unitLabel ?? ''],
    ],
    2,
  );
  for (const reason of result.unitReasons) pdf.paragraph(`- ${reason.message}.`, { size: 10 });
  pdf.paragraph(
    `Biên bản được lập ngày ${vietnameseDate(approvedOn)}, làm căn cứ để ${header.name} ra quyết định công nhận kết quả tự đánh giá.`,
  );
  pdf.signatures([
    { title: 'Thư ký', note: '(Ký, ghi rõ họ tên)' },
    { title: headTitle(header.kind), note: '(Ký, ghi rõ họ tên, đóng dấu)', name: approver },
  ]);
  return { fileName: `Biên bản tự đánh giá - ${header.name}.pdf`, content: await pdf.toBuffer() };
}

export async function selfAssessmentDecisionPdf(ctx: ServiceContext, id: string): Promise<PdfFile> {
  const { result, campaign, catalogue, header, approver, approvedOn } = await documentData(ctx, id);
  const head = headTitle(header.kind);
  const pdf = new PdfBuilder({
    title: `Quyết định công nhận kết quả tự đánh giá - ${header.name}`,
    author: header.name,
    ...pageNoteOf(catalogue),
  })
    .officialHeader({
      governingBody: header.parentName,
      unitName: header.name,
      number: 'Số:        /QĐ-',
      placeAndDate: placeAndDate(header.place, approvedOn),
    })
    .title(
      'Quyết định',
      `Về việc công nhận kết quả tự đánh giá theo ${catalogue.title}, năm học ${campaign.school_year}`,
    )
    .paragraph(`${head} ${header.name}`.toUpperCase(), { font: 'bold', align: 'center' });
  if (catalogue.source) pdf.paragraph(`Căn cứ ${catalogue.source};`);
  pdf.paragraph(`Căn cứ ${campaign.title} của ${campaign.unit_name};`);
  pdf.paragraph(`Căn cứ biên bản tự đánh giá ngày ${vietnameseDate(approvedOn)} của ${header.name},`);
  pdf.paragraph('QUYẾT ĐỊNH:', { font: 'bold', align: 'center' });
  pdf.paragraph(
    `Điều 1. Công nhận kết quả tự đánh giá năm học ${campaign.school_year} của ${header.name} như sau:`,
  );
  pdf.table(
    [
      { header: 'Nhóm tiêu chí', width: 6 },
      { header: 'Điểm', width: 1.5, align: 'center' },
      { header: 'Mức', width: 3, align: 'center' },
    ],
    [
      ...result.groups.map((g) => [
        `${g.id}. ${g.title}`,
        `${formatPoints(g.total)}/${formatPoints(g.maxPoints)}`,
        g.label ?? '',
      ]),
      // The sum of the groups means something only when the catalogue grades the unit by it.
      [
        'Mức của đơn vị',
        catalogue.settings.combineRule === 'total_score' ? formatPoints(result.totalPoints) : '',
        result.unitLabel ?? '',
      ],
    ],
  );
  pdf.paragraph('Điều 2. Quyết định có hiệu lực kể từ ngày ký.');
  pdf.paragraph(
    `Điều 3. Các bộ phận, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này; kết quả tự đánh giá được gửi ${campaign.unit_name} trước ngày ${vietnameseDate(campaign.submission_deadline)}.`,
  );
  pdf.signatures([{ title: head, note: '(Ký, ghi rõ họ tên, đóng dấu)', name: approver }]);
  return {
    fileName: `Quyết định công nhận kết quả tự đánh giá - ${header.name}.pdf`,
    content: await pdf.toBuffer(),
  };
}
