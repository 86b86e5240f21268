import { describe, expect, it } from 'vitest';
import { parsePrimaryTestScore, primaryGridBody } from './results.ts';

const row = (testScore: unknown) => ({
  checkpoint: 'end2',
  rows: [
    {
      studentId: '00000000-0000-4000-8000-000000000001',
      aspect: 'subject:math',
      level: 'completed_well',
      testScore,
    },
  ],
});

describe('điểm kiểm tra định kì tiểu học: số nguyên 1–10, một lược đồ cho máy chủ và trang web', () => {
  it.each([
    ['8', 8],
    [' 10 ', 10],
    ['1', 1],
    ['', null],
  ])('"%s" đọc được là %s', (typed, score) => {
    expect(parsePrimaryTestScore(typed)).toEqual({ ok: true, score });
  });

  it.each([
    ['0', 'phải từ 1 đến 10 (đang là 0)'],
    ['11', 'phải từ 1 đến 10 (đang là 11)'],
    ['7,5', 'không cho điểm thập phân: 7,5'],
    ['7.5', 'không cho điểm thập phân: 7,5'],
    ['-1', 'phải từ 1 đến 10'],
    ['bảy', 'không phải là điểm'],
  ])('"%s" bị từ chối, không làm tròn hay cắt: %s', (typed, reason) => {
    const parsed = parsePrimaryTestScore(typed);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('máy chủ từ chối 0, 11 và 7,5 với cùng lời nhắn, nhận 1 và 10', () => {
    for (const bad of [0, 11, 7.5]) expect(primaryGridBody.safeParse(row(bad)).success).toBe(false);
    expect(primaryGridBody.safeParse(row(11)).error?.issues[0]?.message).toBe(
      'Điểm kiểm tra định kì phải từ 1 đến 10 (đang là 11).',
    );
    for (const good of [1, 10, null]) expect(primaryGridBody.safeParse(row(good)).success).toBe(true);
  });
});
