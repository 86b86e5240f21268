import { ASSESSMENT_STATUS_LABEL_VI } from '#contracts/dx-assessments/campaigns.ts';
import type { Dashboard, DashboardQuery } from '#contracts/dx-assessments/dashboard.ts';
import { vietnameseDate } from '../../../domain/calendar/index.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { nfc, PdfBuilder } from '../../../platform/pdf/document.ts';
import { formatPoints, type PdfFile, placeAndDate, unitHeader } from '../pdfs.ts';
import { getDashboard } from './dashboard.ts';

/**
 * The office dashboard as a printed report (A4 landscape): the same figures as the page, the charts drawn as
 * vector rectangles (sharp at any zoom, no image library), tables that break across pages.
 */

// Series colours, not level colours: grey (self), blue (external), green (recognised), then others.
const COLORS = ['#868e96', '#1c7ed6', '#2f9e44', '#f59f00', '#7048e8'];

interface Bar {
  label: string;
  values: number[];
}

/** Grouped horizontal bars: one row per label, one bar per series, the count written at the end of each. */
function barChart(pdf: PdfBuilder, title: string, series: string[], bars: Bar[]) {
  const doc = pdf.doc;
  const barHeight = 9;
  const rowHeight = series.length * (barHeight + 1) + 6;
  pdf.ensureSpace(30 + bars.length * rowHeight + 14);
  pdf.font('bold', 10.5);
  doc.text(nfc(title), doc.page.margins.left, doc.y, { width: pdf.width });
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const plotWidth = pdf.width - labelWidth - 40;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  let y = doc.y + 4;
  pdf.font('regular', 9);
  for (const bar of bars) {
    doc.fillColor('#000').text(nfc(bar.label), left, y + 1, { width: labelWidth - 6 });
    bar.values.forEach((value, i) => {
      const by = y + i * (barHeight + 1);
      const width = (value / max) * plotWidth;
      doc
        .rect(left + labelWidth, by, Math.max(width, 0.5), barHeight)
        .fill(COLORS[i % COLORS.length] ?? '#333');
      doc.fillColor('#000').text(String(value), left + labelWidth + width + 4, by + 1, { width: 36 });
    });
    y += rowHeight;
  }
  // Legend
  let x = left + labelWidth;
  series.forEach((name, i) => {
    doc.rect(x, y + 2, 8, 8).fill(COLORS[i % COLORS.length] ?? '#333');
    doc.fillColor('#000').text(nfc(name), x + 11, y + 1, { width: 160, lineBreak: false });
    x += 12 + doc.widthOfString(nfc(name)) + 18;
  });
  doc.x = left;
  doc.y = y + 18;
  pdf.font('regular', 11);
}

const levelName = (d: Dashboard, level: number) =>
  d.levelLabels.find((l) => l.level === level)?.label ?? `Mức ${level}`;
const levels = (d: Dashboard) => (d.levelLabels.length ? d.levelLabels.map((l) => l.level) : [1, 2, 3]);
const percent = (x: number) => `${formatPoints(x * 100)}%`;

export async function dashboardPdf(ctx: ServiceContext, query: DashboardQuery): Promise<PdfFile> {
  const d = await getDashboard(ctx, query);
  const header = await unitHeader(ctx, d.office.id);
  const pdf = new PdfBuilder({
    title: `Tổng hợp mức độ chuyển đổi số ${d.schoolYear ?? ''}`,
    layout: 'landscape',
  });
  pdf.officialHeader({
    governingBody: header.parentName,
    unitName: header.name,
    placeAndDate: placeAndDate(header.place, d.today),
  });
  writeOverview(pdf, d);
  writeDistribution(pdf, d);
  if (d.areas.length > 1 || d.areas[0]?.areaId) writeAreaTable(pdf, d);
  writeWeakestItems(pdf, d);
  writeUnitTable(pdf, d);
  return {
    fileName: `tong-hop-chuyen-doi-so-${d.schoolYear ?? ''}.pdf`,
    content: await pdf.toBuffer(),
  };
}

/** Title, the progress figures and one line per campaign (deadlines, catalogue version). */
function writeOverview(pdf: PdfBuilder, d: Dashboard) {
  const what = d.subjectKind === 'school' ? 'cơ sở giáo dục' : 'cơ quan quản lý giáo dục';
  pdf.title(
    `Báo cáo tổng hợp kết quả đánh giá mức độ chuyển đổi số của các ${what}`,
    `Năm học ${d.schoolYear ?? '—'}`,
  );
  const p = d.progress;
  pdf.fields([
    ['Số đơn vị được đánh giá', d.units.length],
    [
      'Đã nộp hồ sơ',
      d.units.filter((u) => !['not_started', 'in_progress', 'approved', 'returned'].includes(u.status))
        .length,
    ],
    ['Đã đánh giá ngoài', (p.byStatus.assessed ?? 0) + (p.byStatus.recognised ?? 0)],
    ['Đã công nhận', p.byStatus.recognised ?? 0],
    ['Chậm nộp so với hạn', p.late],
    ['Quá hạn đánh giá ngoài', p.reviewOverdue],
  ]);
  for (const c of d.campaigns)
    pdf.paragraph(
      `${c.title} (${c.officeName}): hạn nộp ${vietnameseDate(c.submissionDeadline)}, đánh giá ngoài đến ${vietnameseDate(c.externalEndsOn)}; bộ tiêu chí ${c.catalogueTitle}, phiên bản ${c.catalogueVersion}.`,
      { size: 9.5 },
    );
}

/** Section 1: the level charts (by kind of assessment, by criteria group, against last year). */
function writeDistribution(pdf: PdfBuilder, d: Dashboard) {
  pdf.heading('1. Phân bố mức đạt');
  barChart(
    pdf,
    'Số đơn vị theo mức: tự đánh giá, đánh giá ngoài, công nhận',
    ['Tự đánh giá', 'Đánh giá ngoài', 'Công nhận'],
    levels(d).map((level) => ({
      label: levelName(d, level),
      values: [d.distribution.self, d.distribution.external, d.distribution.recognised].map(
        (counts) => counts[String(level)] ?? 0,
      ),
    })),
  );
  barChart(
    pdf,
    'Số đơn vị theo mức của từng nhóm tiêu chí',
    d.groups.map((g) => `Nhóm ${g.id}`),
    levels(d).map((level) => ({
      label: levelName(d, level),
      values: d.distribution.byGroup.map((g) => g.levels[String(level)] ?? 0),
    })),
  );
  barChart(
    pdf,
    `So sánh với năm học ${d.comparison.previousYear}`,
    [`Năm học ${d.comparison.previousYear}`, `Năm học ${d.schoolYear ?? ''}`],
    levels(d).map((level) => ({
      label: levelName(d, level),
      values: [d.comparison.previous[String(level)] ?? 0, d.comparison.current[String(level)] ?? 0],
    })),
  );
  pdf.paragraph(
    `Trong ${d.comparison.comparable} đơn vị có kết quả cả hai năm: ${d.comparison.improved} tăng mức, ${d.comparison.same} giữ mức, ${d.comparison.declined} giảm mức.`,
  );
}

/** Section 2, printed only when the units fall in areas (a province over its local offices). */
function writeAreaTable(pdf: PdfBuilder, d: Dashboard) {
  pdf.heading('2. Tổng hợp theo đơn vị quản lý');
  pdf.table(
    [
      { header: 'Đơn vị', width: 4 },
      { header: 'Số đơn vị', width: 1.2, align: 'right' },
      { header: 'Đã nộp', width: 1.2, align: 'right' },
      { header: 'Đã đánh giá ngoài', width: 1.4, align: 'right' },
      { header: 'Chậm nộp', width: 1.2, align: 'right' },
      ...levels(d).map((l) => ({ header: `Mức ${l}`, width: 1, align: 'right' as const })),
      { header: 'Điểm TB', width: 1.2, align: 'right' },
    ],
    d.areas.map((a) => [
      a.name,
      a.units,
      a.submitted,
      a.assessed,
      a.late,
      ...levels(d).map((l) => a.levels[String(l)] ?? 0),
      formatPoints(a.averageTotal),
    ]),
  );
}

/** Section 3 (numbered 3 even when section 2 is left out). */
function writeWeakestItems(pdf: PdfBuilder, d: Dashboard) {
  pdf.heading('3. Các tiêu chí đạt thấp nhất');
  pdf.table(
    [
      { header: 'Tiêu chí', width: 1 },
      { header: 'Nội dung', width: 5.5 },
      { header: 'Số đơn vị', width: 1.2, align: 'right' },
      { header: 'Tỷ lệ điểm đạt TB', width: 1.6, align: 'right' },
      { header: 'Điểm thống nhất / tự chấm', width: 1.8, align: 'right' },
      { header: 'Đơn vị thấp nhất', width: 2.6 },
    ],
    d.weakestItems.map((i) => [
      i.itemId,
      i.title,
      i.units,
      percent(i.averageRatio),
      i.agreedVsClaimed === null ? '' : percent(i.agreedVsClaimed),
      i.lowestUnitName,
    ]),
  );
}

/** Section 4: one row per unit, a column per criteria group (points and level). */
function writeUnitTable(pdf: PdfBuilder, d: Dashboard) {
  pdf.heading('4. Kết quả từng đơn vị');
  pdf.table(
    [
      { header: 'Đơn vị', width: 4.5 },
      { header: 'Trạng thái', width: 2.2 },
      ...d.groups.map((g) => ({ header: `Nhóm ${g.id}`, width: 1.3, align: 'center' as const })),
      { header: 'Tổng điểm', width: 1.2, align: 'right' },
      { header: 'Mức', width: 1, align: 'center' },
      { header: `Mức ${d.comparison.previousYear}`, width: 1.4, align: 'center' },
    ],
    d.units.map((u) => [
      u.name,
      `${ASSESSMENT_STATUS_LABEL_VI[u.status]}${u.lateness === 'late' ? ' (chậm)' : ''}`,
      ...d.groups.map((g) => {
        const group = u.groups.find((x) => x.id === g.id);
        return group ? `${formatPoints(group.total)}${group.level ? ` (M${group.level})` : ''}` : '';
      }),
      formatPoints(u.total),
      u.currentLevel ?? '',
      u.previousLevel ?? '',
    ]),
    { fontSize: 8.5 },
  );
}
