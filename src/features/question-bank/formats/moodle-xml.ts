/**
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format), read and written.
 *
 * Read: category, multichoice (one fully credited answer), truefalse, shortanswer, numerical, matching (four
 * statements onto Đúng/Sai come back as a đúng/sai group) and essay (the rubric rides in `graderinfo`, one
 * "criterion (N điểm)" per line). Other types (cloze, calculated, drag and drop, description) are reported by
 * number. HTML becomes plain text; embedded images are not carried yet and are reported.
 * Parsing uses fast-xml-parser; a DOCTYPE is refused, so no entity beyond the XML built-ins expands and a file cannot
 * grow in memory beyond its own size (the upload limit is checked before).
 */
import { XMLParser } from 'fast-xml-parser';
import type {
  FormatProblem,
  FormatReadResult,
  PortableQuestion,
  QuestionBody,
} from '#contracts/questions.ts';
import {
  excerpt,
  FALSE_WORD,
  hasImage,
  htmlToText,
  matchingBody,
  STATEMENT_LABELS,
  TRUE_WORD,
  tidy,
} from './text.ts';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ['question', 'answer', 'subquestion', 'tag', 'file'].includes(name),
});

const asNode = (value: unknown): XmlNode => (value && typeof value === 'object' ? (value as XmlNode) : {});
const asList = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.map(asNode) : []);

/** The `<text>` of an element, as plain text (HTML reduced when the element says format="html" or holds tags). */
function textOf(element: unknown): string {
  const node = asNode(element);
  const raw = node.text;
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  const format = String(node['@_format'] ?? '');
  return format === 'html' || /<[a-z][\s\S]*>/i.test(value) ? htmlToText(value) : tidy(value);
}

function rawTextOf(element: unknown): string {
  const raw = asNode(element).text;
  return typeof raw === 'string' ? raw : '';
}

const fraction = (answer: XmlNode) => Number(answer['@_fraction'] ?? 0);

type Parsed = { body: QuestionBody } | { problem: string };

function readMultichoice(question: XmlNode, stem: string): Parsed {
  const answers = asList(question.answer);
  const right = answers.filter((answer) => fraction(answer) > 0);
  if (right.length !== 1 || fraction(right[0] as XmlNode) !== 100) {
    return { problem: 'Câu nhiều đáp án đúng (tính điểm từng phần) chưa được ngân hàng hỗ trợ.' };
  }
  const options = answers.map((answer) => textOf(answer));
  return {
    body: { type: 'single_choice', stem, options, correctIndex: answers.indexOf(right[0] as XmlNode) },
  };
}

function readTrueFalse(question: XmlNode, stem: string): Parsed {
  const right = asList(question.answer).find((answer) => fraction(answer) === 100);
  const value = textOf(right).toLowerCase();
  if (value !== 'true' && value !== 'false') return { problem: 'Câu đúng/sai không có đáp án true/false.' };
  return {
    body: {
      type: 'single_choice',
      stem,
      options: [TRUE_WORD, FALSE_WORD],
      correctIndex: value === 'true' ? 0 : 1,
    },
  };
}

function readShortAnswer(question: XmlNode, stem: string): Parsed {
  const accepted = asList(question.answer)
    .filter((answer) => fraction(answer) === 100)
    .map((answer) => textOf(answer))
    .filter((text) => text && text !== '*');
  if (accepted.length === 0) return { problem: 'Câu trả lời ngắn không có đáp án được tính đủ điểm.' };
  return {
    body: { type: 'short_answer', stem, answer: { kind: 'text', accepted, ignoreDiacritics: false } },
  };
}

function readNumerical(question: XmlNode, stem: string): Parsed {
  const right = asList(question.answer).find((answer) => fraction(answer) === 100);
  const value = Number(textOf(right));
  const tolerance = Number(String(asNode(right).tolerance ?? '0') || '0');
  if (!right || !Number.isFinite(value) || !Number.isFinite(tolerance)) {
    return { problem: 'Câu trả lời số không có đáp án đọc được.' };
  }
  return {
    body: { type: 'short_answer', stem, answer: { kind: 'numeric', value, tolerance: Math.abs(tolerance) } },
  };
}

function readMatching(question: XmlNode, stem: string): Parsed {
  const pairs: { left: string; right: string }[] = [];
  const distractors: string[] = [];
  for (const sub of asList(question.subquestion)) {
    const left = textOf(sub);
    const right = textOf(asList(sub.answer)[0]);
    if (!right) return { problem: 'Một cặp ghép nối thiếu vế phải.' };
    if (left) pairs.push({ left, right });
    else distractors.push(right);
  }
  if (pairs.length < 2) return { problem: 'Câu ghép nối cần ít nhất 2 cặp.' };
  return { body: matchingBody(stem, pairs, distractors) };
}

const RUBRIC_LINE = /^(.+?)\s*\((\d+(?:[.,]\d+)?)\s*điểm\)$/;

function readEssay(question: XmlNode, stem: string): Parsed {
  const rubric = textOf(question.graderinfo)
    .split('\n')
    .map((line) => RUBRIC_LINE.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ criterion: match[1] ?? '', points: Number((match[2] ?? '0').replace(',', '.')) }));
  return { body: { type: 'essay', stem, rubric } };
}

const READERS: Readonly<Record<string, (question: XmlNode, stem: string) => Parsed>> = {
  multichoice: readMultichoice,
  truefalse: readTrueFalse,
  shortanswer: readShortAnswer,
  numerical: readNumerical,
  matching: readMatching,
  essay: readEssay,
};

function categoryPath(question: XmlNode): string {
  return textOf(question.category)
    .replace(/^\$(course|module|system|cat\d*)\$\/?/, '')
    .replace(/^top\/?/, '');
}

/** Reads a Moodle XML export. Problems are numbered by the question's position in the file (categories excluded). */
export function readMoodleXml(source: string): FormatReadResult {
  const questions: PortableQuestion[] = [];
  const problems: FormatProblem[] = [];
  let document: XmlNode;
  // Moodle never writes a DOCTYPE; refusing one rules out entity-expansion bombs whatever the parser does with it.
  if (/<!DOCTYPE/i.test(source)) {
    return {
      questions,
      problems: [
        { at: 1, excerpt: '', message: 'Tệp có khai báo DOCTYPE: Moodle XML không dùng, không nhận.' },
      ],
    };
  }
  try {
    document = asNode(parser.parse(source.replace(/^\ufeff/, ''), true));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      questions,
      problems: [{ at: 1, excerpt: '', message: `Tệp không phải XML hợp lệ: ${message}` }],
    };
  }
  const items = asList(asNode(document.quiz).question);
  if (!document.quiz)
    problems.push({ at: 1, excerpt: '', message: 'Tệp không có thẻ <quiz> của Moodle XML.' });
  let category: string | undefined;
  let number = 0;
  for (const item of items) {
    const type = String(item['@_type'] ?? '');
    if (type === 'category') {
      category = categoryPath(item) || undefined;
      continue;
    }
    number += 1;
    const name = textOf(item.name);
    const problemAt = (message: string) =>
      problems.push({ at: number, excerpt: excerpt(name || type), message });
    const reader = READERS[type];
    if (!reader) {
      problemAt(`Loại câu hỏi "${type}" chưa được hỗ trợ.`);
      continue;
    }
    const stem = textOf(item.questiontext);
    if (!stem) {
      problemAt('Câu hỏi không có nội dung.');
      continue;
    }
    const parsed = reader(item, stem);
    if ('problem' in parsed) {
      problemAt(parsed.problem);
      continue;
    }
    if (hasImage(rawTextOf(item.questiontext)))
      problemAt('Câu hỏi có hình ảnh: hình chưa được nhập, chỉ giữ chỗ [Hình].');
    const tags = asList(asNode(item.tags).tag)
      .map((tag) => textOf(tag))
      .filter(Boolean);
    questions.push({
      ...(name ? { name } : {}),
      ...(category ? { category } : {}),
      ...(tags.length ? { tags } : {}),
      body: parsed.body,
    });
  }
  return { questions, problems };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text → the HTML Moodle's editor expects; line breaks kept. */
const html = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** CDATA that survives a "]]>" inside the text. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const htmlText = (text: string) => `<text>${cdata(html(text))}</text>`;

function answerXml(fractionValue: number, content: string, extra = ''): string {
  return `    <answer fraction="${fractionValue}" format="html">\n      ${htmlText(content)}${extra}\n    </answer>`;
}

function bodyXml(body: QuestionBody): { type: string; parts: string[] } {
  switch (body.type) {
    case 'single_choice':
      return {
        type: 'multichoice',
        parts: [
          ...body.options.map((option, index) => answerXml(index === body.correctIndex ? 100 : 0, option)),
          '    <single>true</single>',
          '    <shuffleanswers>1</shuffleanswers>',
          '    <answernumbering>ABCD</answernumbering>',
        ],
      };
    case 'true_false_group':
      return bodyXml({
        type: 'matching',
        stem: body.stem,
        pairs: body.statements.map((statement, index) => ({
          left: `${STATEMENT_LABELS[index]}) ${statement.text}`,
          right: statement.correct ? TRUE_WORD : FALSE_WORD,
        })),
        distractors: [],
      });
    case 'short_answer':
      if (body.answer.kind === 'numeric') {
        return {
          type: 'numerical',
          parts: [
            answerXml(
              100,
              String(body.answer.value),
              `\n      <tolerance>${body.answer.tolerance}</tolerance>`,
            ),
          ],
        };
      }
      return {
        type: 'shortanswer',
        parts: [
          ...body.answer.accepted.map((variant) => answerXml(100, variant)),
          '    <usecase>0</usecase>',
        ],
      };
    case 'matching':
      return {
        type: 'matching',
        parts: [
          ...body.pairs.map(
            (pair) =>
              `    <subquestion format="html">\n      ${htmlText(pair.left)}\n      <answer><text>${cdata(pair.right)}</text></answer>\n    </subquestion>`,
          ),
          ...body.distractors.map(
            (right) =>
              `    <subquestion format="html">\n      <text></text>\n      <answer><text>${cdata(right)}</text></answer>\n    </subquestion>`,
          ),
          '    <shuffleanswers>true</shuffleanswers>',
        ],
      };
    case 'essay': {
      const rubric = body.rubric.map((row) => `${row.criterion} (${row.points} điểm)`).join('\n');
      return {
        type: 'essay',
        parts: [
          '    <responseformat>editor</responseformat>',
          `    <graderinfo format="html">\n      ${htmlText(rubric)}\n    </graderinfo>`,
        ],
      };
    }
  }
}

/** Writes a Moodle XML file that Moodle's importer and `readMoodleXml` read back. */
export function writeMoodleXml(questions: readonly PortableQuestion[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let category: string | undefined;
  for (const question of questions) {
    if (question.category && question.category !== category) {
      category = question.category;
      out.push(
        `  <question type="category">\n    <category><text>${cdata(`$course$/top/${category}`)}</text></category>\n  </question>`,
      );
    }
    const { type, parts } = bodyXml(question.body);
    const tags = question.tags?.length
      ? `\n    <tags>${question.tags.map((tag) => `<tag><text>${cdata(tag)}</text></tag>`).join('')}</tags>`
      : '';
    out.push(
      `  <question type="${type}">\n    <name><text>${cdata(question.name ?? '')}</text></name>\n` +
        `    <questiontext format="html">\n      ${htmlText(question.body.stem)}\n    </questiontext>\n${parts.join('\n')}${tags}\n  </question>`,
    );
  }
  out.push('</quiz>', '');
  return out.join('\n');
}
