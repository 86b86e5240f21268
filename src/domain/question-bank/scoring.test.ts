import { describe, expect, it } from 'vitest';
import { fromPointUnits, scaleUnits, toPointUnits } from './points.ts';
import {
  countCorrectStatements,
  parseNumericAnswer,
  scoreMatching,
  scoreNumericAnswer,
  scoreSingleChoice,
  scoreTextAnswer,
  scoreTrueFalseGroup,
} from './scoring.ts';

const ONE_POINT = toPointUnits(1);
const KEY = [true, false, true, false];

describe('đúng/sai group — exam format from 2025: 1 → 0,1; 2 → 0,25; 3 → 0,5; 4 → 1 of the item', () => {
  it.each([
    [[false, true, false, true], 0, 0],
    [[true, true, false, true], 1, 0.1],
    [[true, false, false, true], 2, 0.25],
    [[true, false, true, true], 3, 0.5],
    [[true, false, true, false], 4, 1],
  ])('answer %j judges %i statements right and earns %d point', (answer, correct, points) => {
    expect(countCorrectStatements(KEY, answer)).toBe(correct);
    expect(fromPointUnits(scoreTrueFalseGroup(ONE_POINT, KEY, answer))).toBe(points);
  });

  it('an unanswered statement counts as not correct', () => {
    expect(fromPointUnits(scoreTrueFalseGroup(ONE_POINT, KEY, [true, null, null, false]))).toBe(0.25);
  });

  it('scales exactly for an item worth 0,25: 0,025 / 0,0625 / 0,125 / 0,25', () => {
    const quarter = toPointUnits(0.25);
    const answers = [[true, true, false, true], [true, false, false, true], [true, false, true, true], KEY];
    expect(answers.map((answer) => fromPointUnits(scoreTrueFalseGroup(quarter, KEY, answer)))).toEqual([
      0.025, 0.0625, 0.125, 0.25,
    ]);
  });

  it('refuses a key without exactly four statements', () => {
    expect(() => countCorrectStatements([true, false, true], [true, false, true])).toThrow(RangeError);
  });
});

describe('single choice, numeric and text short answers — all or nothing', () => {
  it('single choice earns the item only for the key', () => {
    expect(scoreSingleChoice(2_500, 'B', 'B')).toBe(2_500);
    expect(scoreSingleChoice(2_500, 'B', 'C')).toBe(0);
    expect(scoreSingleChoice(2_500, 'B', null)).toBe(0);
  });

  it('reads a comma or a point as the decimal mark, refuses thousands separators and words', () => {
    expect(parseNumericAnswer(' -1,5 ')).toBe(-1.5);
    expect(parseNumericAnswer('0.75')).toBe(0.75);
    expect(parseNumericAnswer('1.234,5')).toBeNull();
    expect(parseNumericAnswer('hai')).toBeNull();
  });

  it('accepts a numeric answer within the tolerance and not beyond it', () => {
    const key = { value: 2.45, tolerance: 0.05 };
    expect(scoreNumericAnswer(5_000, key, '2,5')).toBe(5_000);
    expect(scoreNumericAnswer(5_000, key, '2,4')).toBe(5_000);
    expect(scoreNumericAnswer(5_000, key, '2,51')).toBe(0);
    expect(scoreNumericAnswer(5_000, { value: 12, tolerance: 0 }, '12')).toBe(5_000);
    expect(scoreNumericAnswer(5_000, key, null)).toBe(0);
  });

  it('matches text ignoring case and spacing; tone marks matter unless the key says otherwise', () => {
    const key = { accepted: ['Hà Nội', 'Thủ đô Hà Nội'] };
    expect(scoreTextAnswer(2_500, key, '  hà   nội ')).toBe(2_500);
    expect(scoreTextAnswer(2_500, key, 'ha noi')).toBe(0);
    expect(scoreTextAnswer(2_500, { ...key, ignoreDiacritics: true }, 'ha noi')).toBe(2_500);
    // NFD input (macOS, some converters) is the same text.
    expect(scoreTextAnswer(2_500, key, 'Hà Nội'.normalize('NFD'))).toBe(2_500);
    expect(scoreTextAnswer(2_500, key, '   ')).toBe(0);
  });
});

describe('matching — an equal share of the item per correct pair', () => {
  const key = { a: '1', b: '2', c: '3' };

  it('gives 2/3 of the item for two of three pairs, rounded half up to a ten-thousandth', () => {
    expect(scoreMatching(ONE_POINT, key, { a: '1', b: '2', c: '1' })).toBe(6_667);
    expect(scoreMatching(ONE_POINT, key, { a: '1', b: '2', c: '3' })).toBe(ONE_POINT);
    expect(scoreMatching(ONE_POINT, key, { a: null, b: '3', c: '2' })).toBe(0);
  });
});

describe('point units', () => {
  it('holds two-decimal item values exactly and refuses five decimals or negatives', () => {
    expect(toPointUnits(0.25)).toBe(2_500);
    expect(toPointUnits(0.1)).toBe(1_000);
    expect(() => toPointUnits(0.00001)).toThrow(RangeError);
    expect(() => toPointUnits(-1)).toThrow(RangeError);
    expect(scaleUnits(10_000, 1, 3)).toBe(3_333);
  });
});
