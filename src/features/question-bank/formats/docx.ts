/**
 * Word (.docx) questions in the layout Vietnamese teachers type:
 *
 *   PHẦN I. Câu trắc nghiệm nhiều phương án lựa chọn          ← section lines are read as hints, not questions
 *   Câu 1. Thủ đô của Việt Nam là (NB)                       ← "(NB)"/"[TH]"… become the level tag
 *   A. Huế    B. Hà Nội    C. Đà Nẵng    D. Sài Gòn           ← options on one line, or one per line, or in a table
 *   Câu 2. Cho hàm số … Xét tính đúng sai:
 *   a) …   b) …   c) …   d) …                                 ← a đúng/sai group
 *   Câu 3. … Đáp án: 2,5                                      ← a short answer ("Đáp án:" line)
 *   Câu 4. Phân tích …                                        ← no options and no key: an essay
 *   BẢNG ĐÁP ÁN  | Câu | 1 | 2 | … / | Đáp án | B | ĐSĐS | …  ← key table at the end (either orientation)
 *
 * The right option is the underlined or bold one, or the "Đáp án:" line, or the key table. Everything the reader
 * cannot place is reported with its question number, never silently dropped.
 */
import mammoth from 'mammoth';
import type {
  FormatProblem,
  FormatReadResult,
  PortableQuestion,
  QuestionBody,
} from '#contracts/questions.ts';
import { parseNumericAnswer } from '#domain/question-bank/scoring.ts';
import { checkZip } from '../../../platform/files/upload-limits.ts';
import { type DocumentPart, documentParts, isMarked, type MarkedLine } from './docx-lines.ts';
import { excerpt, tidy } from './text.ts';

export const DOCX_EXPECTED = 'tệp Word .docx';

type SectionHint = 'choice' | 'true_false' | 'short' | 'essay' | null;

interface Draft {
  number: number;
  /** The section's numeral ("I", "II"…): exams number questions from 1 again in each section. */
  section: string;
  stem: string[];
  options: { letter: string; text: string; marked: boolean }[];
  statements: { text: string; marked: boolean }[];
  answer?: string;
  hint: SectionHint;
  inExplanation: boolean;
  unread: string[];
  hasImage: boolean;
}

const QUESTION_START = /^Câu\s+(\d+)\s*[.:)]?\s*/i;
const SECTION = /^PHẦN\s+([IVX]+|\d+)\b/i;
const ANSWER_LINE = /^(Đáp án|Đáp số|ĐA)\s*[:.]\s*(.+)$/i;
const EXPLANATION = /^(Lời giải|Hướng dẫn giải|Hướng dẫn|Giải)\s*(:|\.|$)/i;
const OPTION_START = /^[A-D]\s*[.)]/;
const OPTION_MARK = /(^|\s)([A-D])\s*[.)]\s*/g;
const STATEMENT_START = /^([a-d])\s*\)\s*/;
const LEVEL_TAG = /\s*[([]\s*(NB|TH|VDC|VD|Nhận biết|Thông hiểu|Vận dụng cao|Vận dụng|Biết|Hiểu)\s*[)\]]\s*/i;

function sectionHint(text: string): SectionHint {
  const folded = text.toLowerCase();
  if (/đúng\s*[/-]?\s*sai/.test(folded)) return 'true_false';
  if (folded.includes('trả lời ngắn')) return 'short';
  if (folded.includes('tự luận')) return 'essay';
  if (folded.includes('trắc nghiệm') || folded.includes('lựa chọn')) return 'choice';
  return null;
}

/** "A. Huế  B. Hà Nội  C. …" → one option per letter, in order, each knowing whether it was marked. */
function splitOptions(line: MarkedLine): Draft['options'] {
  const starts = Array.from(line.text.matchAll(OPTION_MARK)).filter(
    (match, index, all) => index === 0 || (match[2] ?? '') > (all[index - 1]?.[2] ?? ''),
  );
  return starts.map((match, index) => {
    const from = (match.index ?? 0) + (match[1]?.length ?? 0);
    const to = starts[index + 1]?.index ?? line.text.length;
    const textStart = (match.index ?? 0) + match[0].length;
    return {
      letter: match[2] ?? '',
      text: tidy(line.text.slice(textStart, to)),
      marked: isMarked(line, from, to),
    };
  });
}

/** "ĐSĐS", "Đ-S-Đ-S", "a) Đ b) S c) Đ d) S", "Đúng, Sai, Đúng, Sai" → [true, false, true, false]. */
export function readTrueFalseKey(text: string): boolean[] | null {
  const words = text
    .replace(/\b[a-d]\s*[).:]/gi, ' ')
    .match(/Đúng|Sai|Đ|S|D|T|F/gi)
    ?.map((word) => /^(đúng|đ|d|t)$/i.test(word));
  return words && words.length === 4 ? words : null;
}

/** Key tables: "Câu | 1 | 2 …" over "Đáp án | B | C …" (rows may repeat), or columns "Câu | Đáp án". */
function readKeyTable(rows: MarkedLine[][][]): Map<number, string> | null {
  const cells = rows.map((row) => row.map((cell) => tidy(cell.map((line) => line.text).join(' '))));
  const isNumberHeader = (text: string | undefined) => /^câu( hỏi)?$/i.test(text ?? '');
  const isKeyHeader = (text: string | undefined) => /^(đáp án|đa)$/i.test(text ?? '');
  const keys = new Map<number, string>();
  cells.forEach((row, r) => {
    const next = cells[r + 1];
    if (isNumberHeader(row[0]) && next && isKeyHeader(next[0])) {
      row.slice(1).forEach((number, c) => {
        const key = next[c + 1];
        if (/^\d+$/.test(number) && key) keys.set(Number(number), key);
      });
    }
  });
  const header = cells[0] ?? [];
  const numberColumn = header.findIndex(isNumberHeader);
  const keyColumn = header.findIndex(isKeyHeader);
  if (keys.size === 0 && numberColumn >= 0 && keyColumn >= 0) {
    for (const row of cells.slice(1)) {
      const number = row[numberColumn] ?? '';
      const key = row[keyColumn];
      if (/^\d+$/.test(number) && key) keys.set(Number(number), key);
    }
  }
  return keys.size ? keys : null;
}

const newDraft = (number: number, section: string, hint: SectionHint): Draft => ({
  number,
  section,
  stem: [],
  options: [],
  statements: [],
  hint,
  inExplanation: false,
  unread: [],
  hasImage: false,
});

/** Places one line in the question being read. */
function addLine(draft: Draft, line: MarkedLine) {
  const text = line.text.trim();
  draft.hasImage ||= line.hasImage;
  const answer = ANSWER_LINE.exec(text);
  if (answer) {
    draft.answer = tidy(answer[2] ?? '');
    return;
  }
  if (EXPLANATION.test(text)) draft.inExplanation = true;
  if (draft.inExplanation || text === '') return;
  if (OPTION_START.test(text) && draft.statements.length === 0) {
    draft.options.push(
      ...splitOptions({
        ...line,
        text: line.text.trimStart(),
        marked: line.marked.slice(line.text.length - line.text.trimStart().length),
      }),
    );
    return;
  }
  const statement = STATEMENT_START.exec(text);
  if (statement && draft.options.length === 0) {
    draft.statements.push({
      text: tidy(text.slice(statement[0].length)),
      marked: isMarked(line, 0, line.text.length),
    });
    return;
  }
  if (draft.options.length === 0 && draft.statements.length === 0) draft.stem.push(text);
  else draft.unread.push(text);
}

type Built = { body: QuestionBody } | { problem: string };

function buildChoice(draft: Draft, stem: string, key: string | undefined): Built {
  const marked = draft.options.filter((option) => option.marked);
  const letter =
    key?.trim().toUpperCase().replace(/[.)]$/, '') ?? (marked.length === 1 ? marked[0]?.letter : undefined);
  if (!key && marked.length > 1)
    return { problem: `có ${marked.length} phương án được gạch chân/in đậm; chỉ được một.` };
  const correctIndex = draft.options.findIndex((option) => option.letter === letter);
  if (correctIndex < 0) {
    return {
      problem:
        'không tìm thấy đáp án (gạch chân hoặc in đậm phương án đúng, dòng "Đáp án: B" hoặc bảng đáp án).',
    };
  }
  return {
    body: { type: 'single_choice', stem, options: draft.options.map((option) => option.text), correctIndex },
  };
}

function buildTrueFalse(draft: Draft, stem: string, key: string | undefined): Built {
  if (draft.statements.length !== 4)
    return { problem: `câu đúng/sai cần đúng 4 ý a)–d), tìm thấy ${draft.statements.length}.` };
  const fromMarks = draft.statements.some((statement) => statement.marked)
    ? draft.statements.map((statement) => statement.marked)
    : null;
  const truth = (key ? readTrueFalseKey(key) : null) ?? fromMarks;
  if (!truth)
    return { problem: 'không tìm thấy đáp án Đúng/Sai của 4 ý (dòng "Đáp án: ĐSĐS" hoặc bảng đáp án).' };
  const statements = draft.statements.map((statement, index) => ({
    text: statement.text,
    correct: truth[index] ?? false,
  }));
  return { body: { type: 'true_false_group', stem, statements } };
}

function buildQuestion(draft: Draft, tableKey: string | undefined): Built {
  const stem = tidy(draft.stem.join('\n').replace(LEVEL_TAG, ' '));
  if (!stem) return { problem: 'không có nội dung câu hỏi.' };
  const key = draft.answer ?? tableKey;
  if (draft.options.length > 0) {
    if (draft.options.length < 2) return { problem: 'chỉ đọc được 1 phương án.' };
    return buildChoice(draft, stem, key);
  }
  if (draft.statements.length > 0) return buildTrueFalse(draft, stem, key);
  if (draft.hint === 'choice') return { problem: 'phần trắc nghiệm nhưng không đọc được phương án A–D.' };
  // A tự luận section's "Đáp án:" is a model answer for the marker, not a key.
  if (draft.hint === 'essay') return { body: { type: 'essay', stem, rubric: [] } };
  if (key) {
    const value = parseNumericAnswer(key);
    return {
      body: {
        type: 'short_answer',
        stem,
        answer:
          value === null
            ? {
                kind: 'text',
                accepted: key
                  .split(';')
                  .map((variant) => variant.trim())
                  .filter(Boolean),
                ignoreDiacritics: false,
              }
            : { kind: 'numeric', value, tolerance: 0 },
      },
    };
  }
  return { body: { type: 'essay', stem, rubric: [] } };
}

interface TableKey {
  section: string;
  number: number;
  key: string;
}

/**
 * The key of a question: from a key table under the same section numeral ("Phần I" in the answer part), else from
 * the only entry with its number among key tables that sit under no section of questions (a key without headings).
 */
function tableKeyFor(
  draft: Draft,
  keys: readonly TableKey[],
  questionSections: ReadonlySet<string>,
): string | undefined {
  const same = keys.find((entry) => entry.section === draft.section && entry.number === draft.number);
  if (same) return same.key;
  const byNumber = keys.filter(
    (entry) => entry.number === draft.number && !questionSections.has(entry.section),
  );
  return byNumber.length === 1 ? byNumber[0]?.key : undefined;
}

/** Reads the document's parts (pure; `readDocx` adds the file checks and mammoth). `at` is the question number. */
export function readQuestionParts(parts: readonly DocumentPart[]): FormatReadResult {
  const drafts: Draft[] = [];
  const keys: TableKey[] = [];
  let hint: SectionHint = null;
  let section = '';
  let current: Draft | null = null;
  const place = (line: MarkedLine) => {
    const text = line.text.trim();
    const heading = SECTION.exec(text);
    if (heading) {
      hint = sectionHint(text);
      section = (heading[1] ?? '').toUpperCase();
      current = null;
      return;
    }
    const start = QUESTION_START.exec(text);
    if (start) {
      current = newDraft(Number(start[1]), section, hint);
      drafts.push(current);
      const offset = line.text.indexOf(start[0]) + start[0].length;
      const rest = {
        text: line.text.slice(offset),
        marked: line.marked.slice(offset),
        hasImage: line.hasImage,
      };
      if (rest.text.trim()) addLine(current, rest);
      return;
    }
    if (current) addLine(current, line);
  };
  for (const part of parts) {
    if (part.kind === 'line') place(part.line);
    else {
      const table = readKeyTable(part.rows);
      if (table) for (const [number, key] of table) keys.push({ section, number, key });
      else for (const row of part.rows) for (const cell of row) for (const line of cell) place(line);
    }
  }
  const questions: PortableQuestion[] = [];
  const problems: FormatProblem[] = [];
  const questionSections = new Set(drafts.map((draft) => draft.section));
  for (const draft of drafts) {
    const label = draft.section ? `Phần ${draft.section}, câu ${draft.number}` : `Câu ${draft.number}`;
    const problem = (message: string, text = draft.stem[0] ?? '') =>
      problems.push({ at: draft.number, excerpt: excerpt(text), message: `${label}: ${message}` });
    const built = buildQuestion(draft, tableKeyFor(draft, keys, questionSections));
    if ('problem' in built) {
      problem(built.problem);
      continue;
    }
    for (const line of draft.unread)
      problem('dòng này không đọc được (không phải phương án, ý a)–d) hay đáp án).', line);
    if (draft.hasImage) problem('có hình ảnh: hình chưa được nhập, chỉ giữ chỗ [Hình].');
    const level = LEVEL_TAG.exec(draft.stem.join(' '));
    questions.push({ ...(level?.[1] ? { tags: [level[1]] } : {}), body: built.body });
  }
  return { questions, problems };
}

/** Reads a .docx upload: the zip is checked before anything is inflated, then mammoth gives the HTML. */
export async function readDocx(fileName: string, content: Buffer): Promise<FormatReadResult> {
  checkZip(fileName, content, DOCX_EXPECTED);
  const { value } = await mammoth.convertToHtml({ buffer: content }, { styleMap: ['u => u'] });
  return readQuestionParts(documentParts(value));
}
