import { describe, expect, it } from 'vitest';
import { findDuplicateNationalIds } from './national-id-duplicates.ts';

describe('duplicate personal ID numbers inside a province', () => {
  it('finds nothing when every number is different', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'hs-1', nationalId: '001211012345' },
        { id: 'hs-2', nationalId: '001211012346' },
      ]),
    ).toEqual([]);
  });

  it('groups two students who were given the same number', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'hs-1', nationalId: '001211012345' },
        { id: 'hs-2', nationalId: '001311099999' },
        { id: 'hs-3', nationalId: '001211012345' },
      ]),
    ).toEqual([{ nationalId: '001211012345', personIds: ['hs-1', 'hs-3'] }]);
  });

  it('treats numbers that differ only by surrounding whitespace as the same', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'a', nationalId: ' 001211012345' },
        { id: 'b', nationalId: '001211012345\t' },
      ]),
    ).toEqual([{ nationalId: '001211012345', personIds: ['a', 'b'] }]);
  });

  it('skips people without a number, and blank numbers', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'a', nationalId: null },
        { id: 'b', nationalId: null },
        { id: 'c', nationalId: '' },
        { id: 'd', nationalId: '   ' },
      ]),
    ).toEqual([]);
  });

  it('does not flag the same person listed twice (e.g. enrolled in two classes)', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'a', nationalId: '001211012345' },
        { id: 'a', nationalId: '001211012345' },
      ]),
    ).toEqual([]);
  });

  it('flags malformed numbers too, so a mistyped shared value is caught', () => {
    expect(
      findDuplicateNationalIds([
        { id: 'a', nationalId: '12345' },
        { id: 'b', nationalId: '12345' },
      ]),
    ).toEqual([{ nationalId: '12345', personIds: ['a', 'b'] }]);
  });

  it('returns several groups, in order of first appearance', () => {
    const groups = findDuplicateNationalIds([
      { id: 'a', nationalId: '2' },
      { id: 'b', nationalId: '1' },
      { id: 'c', nationalId: '2' },
      { id: 'd', nationalId: '1' },
      { id: 'e', nationalId: '1' },
    ]);
    expect(groups).toEqual([
      { nationalId: '2', personIds: ['a', 'c'] },
      { nationalId: '1', personIds: ['b', 'd', 'e'] },
    ]);
  });
});
