import { describe, expect, it } from 'vitest';
import { splitFormulas } from './formulas.ts';

describe('splitFormulas', () => {
  it('tách công thức $…$ và $$…$$, giữ chữ xung quanh', () => {
    expect(splitFormulas('Tính $x^2$ khi $$\\frac{1}{2}$$ xong')).toEqual([
      { kind: 'text', value: 'Tính ' },
      { kind: 'inline', value: 'x^2' },
      { kind: 'text', value: ' khi ' },
      { kind: 'display', value: '\\frac{1}{2}' },
      { kind: 'text', value: ' xong' },
    ]);
  });
  it('dấu $ lẻ hoặc \\$ là chữ', () => {
    expect(splitFormulas('Giá 5\\$ và $ lẻ')).toEqual([{ kind: 'text', value: 'Giá 5$ và $ lẻ' }]);
  });
});
