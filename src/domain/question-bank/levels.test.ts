import { describe, expect, it } from 'vitest';
import { COMPETENCE_LEVEL_LABELS, competenceLevelFromTag } from './levels.ts';

describe('competence levels — CV 7991/BGDĐT-GDTrH: Biết / Hiểu / Vận dụng', () => {
  it.each([
    ['NB', 'Biết'],
    ['Nhận biết', 'Biết'],
    ['TH', 'Hiểu'],
    ['thông hiểu', 'Hiểu'],
    ['VD', 'Vận dụng'],
    ['VDC', 'Vận dụng'],
    ['Vận dụng cao', 'Vận dụng'],
    ['Vận dụng'.normalize('NFD'), 'Vận dụng'],
    ['[NB]', 'Biết'],
  ])('maps the tag %s to %s', (tag, label) => {
    const level = competenceLevelFromTag(tag);
    expect(level && COMPETENCE_LEVEL_LABELS[level]).toBe(label);
  });

  it('does not guess at an unknown tag', () => {
    expect(competenceLevelFromTag('khó')).toBeNull();
    expect(competenceLevelFromTag('')).toBeNull();
  });
});
