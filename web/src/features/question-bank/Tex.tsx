import 'katex/dist/katex.min.css';
import katex from 'katex';
import { Fragment, useLayoutEffect, useRef } from 'react';
import { splitFormulas } from './formulas.ts';

function Formula({ tex, display }: { tex: string; display: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current)
      katex.render(tex, ref.current, { throwOnError: false, displayMode: display, output: 'htmlAndMathml' });
  }, [tex, display]);
  return <span ref={ref} data-formula={display ? 'display' : 'inline'} />;
}

/** Text of a question with its LaTeX formulas drawn by KaTeX; line breaks kept. */
export function Tex({ text }: { text: string }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {splitFormulas(text).map((piece, i) =>
        piece.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order, never reordered
          <Fragment key={i}>{piece.value}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Formula key={i} tex={piece.value} display={piece.kind === 'display'} />
        ),
      )}
    </span>
  );
}
