// Message texts. Vietnamese with diacritics everywhere except SMS: brand-name SMS is sent as non-Unicode text
// (eSMS IsUnicode 0: 160 characters a segment instead of 70, and several carriers refuse Unicode on brand names),
// so its text is folded to ASCII letters, đ → d.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Lớp 7A: Họp phụ huynh" → "Lop 7A: Hop phu huynh"; case and punctuation kept, other non-ASCII dropped. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e\n]/g, '');
}

/** One SMS text, at most `limit` characters (three non-Unicode segments by default). */
export function smsText(schoolName: string, title: string, body: string | null, limit = 459): string {
  const text = withoutDiacritics(`${schoolName}: ${title}${body ? `. ${body}` : ''}`).replace(/\s+/g, ' ');
  return text.length <= limit ? text : `${text.slice(0, limit - 3)}...`;
}

/** The e-mail's plain text: the message, the link to open it, and how to stop these e-mails. */
export function emailText(m: {
  title: string;
  body: string | null;
  url: string | null;
  unsubscribeUrl: string | null;
}) {
  const lines = [m.title, ''];
  if (m.body) lines.push(m.body, '');
  if (m.url) lines.push(`Xem trên Trường Số: ${m.url}`, '');
  if (m.unsubscribeUrl) lines.push('—', `Không muốn nhận thư này nữa: ${m.unsubscribeUrl}`);
  return lines.join('\n');
}
