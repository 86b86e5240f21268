export type Piece = { kind: 'text' | 'inline' | 'display'; value: string };

/** Splits text at `$$…$$` (display) and `$…$` (inline) formulas; `\$` is a dollar sign, an unclosed `$` is text. */
export function splitFormulas(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', value: text.slice(last, at) });
    if (match[1] !== undefined) pieces.push({ kind: 'display', value: match[1] });
    else pieces.push({ kind: 'inline', value: match[2] ?? '' });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', value: text.slice(last) });
  return pieces.map((piece) =>
    piece.kind === 'text' ? { ...piece, value: piece.value.replaceAll('\\$', '$') } : piece,
  );
}
