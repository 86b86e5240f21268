import { PdfBuilder } from '../../platform/pdf/document.ts';
import { renderTt22 } from './hocba-tt22.ts';
import { renderTt27 } from './hocba-tt27.ts';
import type { HocbaContext } from './print-context.ts';
import type { TranscriptSnapshot } from './snapshot.ts';

/** What the PDF prints about the version besides its data: status, signers and the correction. */
export interface TranscriptPrint {
  snapshot: TranscriptSnapshot;
  status: string;
  version: number;
  correctionReason: string | null;
  homeroomSignedBy: string | null;
  homeroomSignedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** Enrolment history, subject teachers and audited corrections (the TT22 form); absent → printed blank. */
  context?: HocbaContext;
}

/** One transcript as a PDF file. */
export async function transcriptPdf(print: TranscriptPrint): Promise<Buffer> {
  const pdf = new PdfBuilder({ title: `Học bạ - ${print.snapshot.student.fullName}` });
  renderTranscript(pdf, print);
  return pdf.toBuffer();
}

/** A class's transcripts in one file, each starting on a new page. */
export async function classTranscriptsPdf(
  title: string,
  prints: TranscriptPrint[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<Buffer> {
  const pdf = new PdfBuilder({ title });
  for (const [i, print] of prints.entries()) {
    if (i > 0) pdf.newPage();
    renderTranscript(pdf, print);
    await onProgress?.(i + 1, prints.length);
  }
  if (prints.length === 0) pdf.paragraph('Lớp chưa có học sinh.');
  return pdf.toBuffer();
}

function renderTranscript(pdf: PdfBuilder, print: TranscriptPrint): void {
  // TT22's form for grades 6–12, TT27's for primary (grades 1–5).
  if (print.snapshot.layout === 'tt22') renderTt22(pdf, print);
  else renderTt27(pdf, print);
}
