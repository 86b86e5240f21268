/**
 * GIFT, Moodle's text format for questions (docs.moodle.org/en/GIFT_format), read and written.
 *
 * What maps to what:
 * - `{=right ~wrong …}` → single choice; `{T}`/`{FALSE}` → single choice with the options Đúng/Sai;
 * - `{=a =b}` → short text answer (the fully credited variants); `{#3:0.5}`, `{#1..5}` → short numeric answer;
 * - `{=left -> right …}` → matching; a matching of four statements onto Đúng/Sai → a đúng/sai group (that is also
 *   how a đúng/sai group is written, so Moodle imports it as a matching question);
 * - `{}` → essay; text without braces (a description) is reported, not imported.
 * Multiple-response choices (several `~%50%` answers), partially credited variants and feedback have no place in the
 * bank: the question is reported, or the part dropped with a message. Tags ride in comments as Moodle 4 writes them
 * (`// [tag:NB]`), categories as `$CATEGORY: path`.
 */
import type {
  FormatProblem,
  FormatReadResult,
  PortableQuestion,
  QuestionBody,
} from '#contracts/questions.ts';
import { excerpt, FALSE_WORD, htmlToText, matchingBody, STATEMENT_LABELS, TRUE_WORD, tidy } from './text.ts';

/** Escaped special characters are swapped for private-use code points while parsing, then swapped back. */
const ESCAPES: ReadonlyArray<readonly [string, string]> = [
  ['\\\\', '\ue000'],
  ['\\:', '\ue001'],
  ['\\~', '\ue002'],
  ['\\=', '\ue003'],
  ['\\#', '\ue004'],
  ['\\{', '\ue005'],
  ['\\}', '\ue006'],
  ['\\n', '\n'],
];
const UNESCAPED: Readonly<Record<string, string>> = {
  '\ue000': '\\',
  '\ue001': ':',
  '\ue002': '~',
  '\ue003': '=',
  '\ue004': '#',
  '\ue005': '{',
  '\ue006': '}',
};

function protect(text: string): string {
  return ESCAPES.reduce((acc, [from, to]) => acc.split(from).join(to), text);
}

function restore(text: string): string {
  return text.replace(/[\ue000-\ue006]/g, (c) => UNESCAPED[c] ?? c);
}

/** `[html]…` → text; `[plain]`, `[moodle]`, `[markdown]` and no prefix → the text itself. */
function readText(raw: string): string {
  const match = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(raw);
  const body = match ? raw.slice(match[0].length) : raw;
  const restored = restore(body);
  return match?.[1]?.toLowerCase() === 'html' ? htmlToText(restored) : tidy(restored);
}

interface Block {
  line: number;
  text: string;
  tags: string[];
}

/** Splits the file into blank-line-separated blocks; comment lines are dropped but their [tag:…] kept. */
function blocksOf(source: string): Block[] {
  const lines = source
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n');
  const blocks: Block[] = [];
  let current: Block | null = null;
  let pendingTags: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) {
      for (const match of trimmed.matchAll(/\[tag:([^\]]+)\]/g)) pendingTags.push((match[1] ?? '').trim());
      return;
    }
    if (trimmed === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, text: line, tags: pendingTags };
      pendingTags = [];
      blocks.push(current);
    } else {
      current.text += `\n${line}`;
    }
  });
  return blocks;
}

interface Answer {
  sign: '=' | '~';
  weight: number | null;
  text: string;
}

function answersOf(part: string): Answer[] {
  const answers: Answer[] = [];
  for (const match of part.matchAll(/([=~])(?:%(-?\d+(?:\.\d+)?)%)?([^=~]*)/g)) {
    const text = (match[3] ?? '').split('#')[0] ?? '';
    answers.push({ sign: match[1] as '=' | '~', weight: match[2] ? Number(match[2]) : null, text });
  }
  return answers;
}

type Parsed = { body: QuestionBody; note?: string } | { problem: string };

const fullCredit = (answer: Answer) => answer.weight === null || answer.weight === 100;

function readNumeric(part: string): Parsed {
  const spec = part.slice(1).trim();
  // "{#3:2~#Sai hoàn toàn}": what follows ~ is feedback for wrong answers.
  const candidates = spec.startsWith('=')
    ? answersOf(spec).filter(fullCredit)
    : [{ text: spec.split('~')[0] ?? '' }];
  const first = (candidates[0]?.text ?? '').split('#')[0]?.trim() ?? '';
  const range = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(first);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (Number.isFinite(low) && Number.isFinite(high) && low <= high) {
      return {
        body: {
          type: 'short_answer',
          stem: '',
          answer: { kind: 'numeric', value: (low + high) / 2, tolerance: (high - low) / 2 },
        },
      };
    }
  }
  const [valueText, toleranceText] = first.split(':');
  const value = Number(valueText);
  const tolerance = toleranceText === undefined ? 0 : Number(toleranceText);
  if (
    valueText === undefined ||
    valueText.trim() === '' ||
    !Number.isFinite(value) ||
    !Number.isFinite(tolerance)
  ) {
    return { problem: 'Không đọc được đáp án số (dạng {#giá trị:sai số} hoặc {#nhỏ..lớn}).' };
  }
  return {
    body: {
      type: 'short_answer',
      stem: '',
      answer: { kind: 'numeric', value, tolerance: Math.abs(tolerance) },
    },
  };
}

function readMatching(answers: Answer[]): Parsed {
  const pairs: { left: string; right: string }[] = [];
  const distractors: string[] = [];
  for (const answer of answers) {
    const [left = '', right = ''] = answer.text.split('->');
    const leftText = readText(left);
    const rightText = readText(right);
    if (!rightText) return { problem: 'Một cặp ghép nối thiếu vế phải (sau "->").' };
    if (leftText) pairs.push({ left: leftText, right: rightText });
    else distractors.push(rightText);
  }
  return { body: matchingBody('', pairs, distractors) };
}

function readChoice(answers: Answer[]): Parsed {
  const right = answers.filter(
    (answer) => answer.sign === '=' || (answer.weight !== null && answer.weight > 0),
  );
  if (right.length !== 1) {
    return { problem: 'Câu nhiều đáp án đúng (tính điểm từng phần) chưa được ngân hàng hỗ trợ.' };
  }
  const options = answers.map((answer) => readText(answer.text));
  return {
    body: { type: 'single_choice', stem: '', options, correctIndex: answers.indexOf(right[0] as Answer) },
  };
}

function readShortText(answers: Answer[]): Parsed {
  const accepted = answers
    .filter(fullCredit)
    .map((answer) => readText(answer.text))
    .filter((text) => text && text !== '*');
  if (accepted.length === 0) return { problem: 'Câu trả lời ngắn không có đáp án được tính đủ điểm.' };
  const dropped = answers.length - accepted.length;
  const note = dropped > 0 ? `Bỏ ${dropped} đáp án tính điểm một phần hoặc ký tự đại diện (*).` : undefined;
  return {
    body: { type: 'short_answer', stem: '', answer: { kind: 'text', accepted, ignoreDiacritics: false } },
    note,
  };
}

function readAnswerPart(part: string): Parsed {
  const trimmed = part.split('####')[0]?.trim() ?? '';
  if (trimmed === '') return { body: { type: 'essay', stem: '', rubric: [] } };
  const truth = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(trimmed);
  if (truth) {
    const isTrue = (truth[1] ?? '').toUpperCase().startsWith('T');
    return {
      body: {
        type: 'single_choice',
        stem: '',
        options: [TRUE_WORD, FALSE_WORD],
        correctIndex: isTrue ? 0 : 1,
      },
    };
  }
  if (trimmed.startsWith('#')) return readNumeric(trimmed);
  const answers = answersOf(trimmed);
  if (answers.length === 0) return { problem: 'Không đọc được phần đáp án trong {…}.' };
  if (
    answers.every((answer) => answer.sign === '=') &&
    answers.some((answer) => answer.text.includes('->'))
  ) {
    return readMatching(answers);
  }
  if (answers.some((answer) => answer.sign === '~')) return readChoice(answers);
  return readShortText(answers);
}

function categoryOf(line: string): string {
  return line
    .replace(/^\$CATEGORY:\s*/i, '')
    .trim()
    .replace(/^\$(course|module|system|cat\d*)\$\/?/, '')
    .replace(/^top\/?/, '');
}

/** Reads a GIFT file: every question it can, and a problem for each block it cannot (with the line). */
export function readGift(source: string): FormatReadResult {
  const questions: PortableQuestion[] = [];
  const problems: FormatProblem[] = [];
  let category: string | undefined;
  for (const block of blocksOf(source)) {
    let text = block.text.trim();
    if (/^\$CATEGORY:/i.test(text)) {
      const [first = '', ...rest] = text.split('\n');
      category = categoryOf(first) || undefined;
      text = rest.join('\n').trim();
      if (!text) continue;
    }
    const protectedText = protect(text);
    const title = /^::([\s\S]*?)::/.exec(protectedText);
    const afterTitle = title ? protectedText.slice(title[0].length) : protectedText;
    const open = afterTitle.indexOf('{');
    const close = afterTitle.lastIndexOf('}');
    const problemAt = (message: string) =>
      problems.push({ at: block.line, excerpt: excerpt(restore(text)), message });
    if (open < 0 || close < open) {
      problemAt('Không có phần đáp án {…}: đoạn mô tả, không phải câu hỏi.');
      continue;
    }
    const parsed = readAnswerPart(afterTitle.slice(open + 1, close));
    if ('problem' in parsed) {
      problemAt(parsed.problem);
      continue;
    }
    const head = afterTitle.slice(0, open);
    const tail = afterTitle.slice(close + 1);
    const stem = readText(tail.trim() ? `${head.trimEnd()} _____ ${tail.trimStart()}` : head);
    if (!stem) {
      problemAt('Câu hỏi không có nội dung.');
      continue;
    }
    if (parsed.note) problemAt(parsed.note);
    const name = title ? readText(title[1] ?? '') : undefined;
    questions.push({
      ...(name ? { name } : {}),
      ...(category ? { category } : {}),
      ...(block.tags.length ? { tags: block.tags } : {}),
      body: { ...parsed.body, stem },
    });
  }
  return { questions, problems };
}

/** Escapes GIFT's special characters and writes line breaks as \n, so one question stays one block. */
function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

function answerLines(body: QuestionBody): string[] {
  switch (body.type) {
    case 'single_choice':
      return body.options.map(
        (option, index) => `${index === body.correctIndex ? '=' : '~'}${escapeGift(option)}`,
      );
    case 'true_false_group':
      return body.statements.map(
        (statement, index) =>
          `=${STATEMENT_LABELS[index]}) ${escapeGift(statement.text)} -> ${statement.correct ? TRUE_WORD : FALSE_WORD}`,
      );
    case 'short_answer':
      return body.answer.kind === 'numeric'
        ? [`#${body.answer.value}:${body.answer.tolerance}`]
        : body.answer.accepted.map((variant) => `=${escapeGift(variant)}`);
    case 'matching':
      return [
        ...body.pairs.map((pair) => `=${escapeGift(pair.left)} -> ${escapeGift(pair.right)}`),
        ...body.distractors.map((right) => `= -> ${escapeGift(right)}`),
      ];
    case 'essay':
      return [];
  }
}

/** Writes questions as GIFT, grouped under `$CATEGORY:` lines; Moodle and `readGift` read it back. */
export function writeGift(questions: readonly PortableQuestion[]): string {
  const parts: string[] = [];
  let category: string | undefined;
  for (const question of questions) {
    if (question.category && question.category !== category) {
      category = question.category;
      parts.push(`$CATEGORY: $course$/top/${category}`);
    }
    const lines: string[] = [];
    if (question.tags?.length) lines.push(`// ${question.tags.map((tag) => `[tag:${tag}]`).join(' ')}`);
    const title = question.name ? `::${escapeGift(question.name)}::` : '';
    const answers = answerLines(question.body);
    const block = answers.length ? `{\n${answers.map((line) => `\t${line}`).join('\n')}\n}` : '{}';
    lines.push(`${title}${escapeGift(question.body.stem)} ${block}`);
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
