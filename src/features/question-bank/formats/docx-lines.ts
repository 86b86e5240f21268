/**
 * A Word document as lines of text that remember which characters were underlined or bold — the two ways a
 * Vietnamese teacher marks the right option — and the document's tables as rows of cells.
 *
 * mammoth turns the .docx into simple, well-formed HTML (p, strong, u, em, table, img…; underline is mapped to <u>
 * by the style map), so a small walk over that HTML is enough; no general HTML parser is needed.
 */
import { decodeEntities } from './text.ts';

export interface MarkedLine {
  text: string;
  /** marked[i]: character i was underlined or bold in Word. */
  marked: boolean[];
  hasImage: boolean;
}

export type DocumentPart = { kind: 'line'; line: MarkedLine } | { kind: 'table'; rows: MarkedLine[][][] };

const MARK_TAGS = new Set(['u', 'strong', 'b']);

/** One paragraph's inner HTML → its text and, per character, whether it sat inside <u> or <strong>. */
export function markedLineOf(html: string): MarkedLine {
  let text = '';
  const marked: boolean[] = [];
  let depth = 0;
  let hasImage = false;
  for (const token of html.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (token.startsWith('<')) {
      const tag = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(token);
      const name = tag?.[2]?.toLowerCase() ?? '';
      if (name === 'img') {
        hasImage = true;
        text += '[Hình]';
        marked.push(...Array.from('[Hình]', () => false));
      } else if (name === 'br') {
        text += '\n';
        marked.push(false);
      } else if (MARK_TAGS.has(name)) {
        depth = Math.max(0, depth + (tag?.[1] ? -1 : 1));
      }
      continue;
    }
    const chunk = decodeEntities(token).normalize('NFC');
    for (const char of chunk) {
      text += char;
      // A surrogate pair is one character for the eye but two code units; keep marks aligned with code units.
      for (let i = 0; i < char.length; i += 1) marked.push(depth > 0);
    }
  }
  return { text, marked, hasImage };
}

const PARAGRAPH = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;

function linesOf(html: string): MarkedLine[] {
  return Array.from(html.matchAll(PARAGRAPH), (match) => markedLineOf(match[2] ?? ''));
}

function tableOf(html: string): MarkedLine[][][] {
  return Array.from(html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi), (row) =>
    Array.from((row[1] ?? '').matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi), (cell) => {
      const inner = cell[1] ?? '';
      const lines = linesOf(inner);
      return lines.length ? lines : [markedLineOf(inner)];
    }),
  );
}

/** The document in reading order: paragraphs as lines, tables (not nested) as rows of cells of lines. */
export function documentParts(html: string): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let rest = html;
  while (rest.length) {
    const start = rest.search(/<table\b/i);
    const before = start < 0 ? rest : rest.slice(0, start);
    for (const line of linesOf(before)) parts.push({ kind: 'line', line });
    if (start < 0) break;
    const end = rest.indexOf('</table>', start);
    const tableHtml = end < 0 ? rest.slice(start) : rest.slice(start, end + '</table>'.length);
    parts.push({ kind: 'table', rows: tableOf(tableHtml) });
    rest = end < 0 ? '' : rest.slice(end + '</table>'.length);
  }
  return parts;
}

/** True when any non-space character in [start, end) was marked. */
export function isMarked(line: MarkedLine, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    if (line.marked[i] && (line.text[i] ?? ' ').trim() !== '') return true;
  }
  return false;
}
