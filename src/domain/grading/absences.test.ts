import { describe, expect, it } from 'vitest';
import { absentSessions, fullDaysAbsent } from './absences.ts';
import { MAX_ABSENT_SESSIONS, promotion } from './promotion.ts';

const day = (date: string) => [
  { date, session: 'morning' as const },
  { date, session: 'afternoon' as const },
];

describe('số buổi nghỉ học (TT22 Điều 12 khoản 1 điểm c)', () => {
  it('a buổi is a session: a full day at a school teaching two sessions a day is two buổi', () => {
    expect(absentSessions(day('2025-10-06'))).toBe(2);
    expect(fullDaysAbsent(day('2025-10-06'))).toBe(1);
  });

  it('one session only is one buổi; "nghỉ liên tục hoặc nghỉ nhiều lần cộng lại" — stretches add up', () => {
    expect(absentSessions([{ date: '2025-10-07', session: 'afternoon' }])).toBe(1);
    expect(absentSessions([...day('2025-10-06'), ...day('2025-10-07'), ...day('2025-11-20')])).toBe(6);
  });

  it('the same session recorded twice counts once', () => {
    const twice = [...day('2025-10-06'), { date: '2025-10-06', session: 'morning' as const }];
    expect(absentSessions(twice)).toBe(2);
  });

  it('23 full days at a two-session school are 46 buổi: over the 45 of điểm c, retained', () => {
    const marks = Array.from({ length: 23 }, (_, i) =>
      day(`2025-11-${String(i + 1).padStart(2, '0')}`),
    ).flat();
    const sessions = absentSessions(marks);
    expect(sessions).toBe(46);
    expect(sessions > MAX_ABSENT_SESSIONS).toBe(true);
    expect(promotion({ learning: 'good', conduct: 'good', absentSessions: sessions })).toBe('retained');
    expect(
      promotion({ learning: 'good', conduct: 'good', absentSessions: absentSessions(marks.slice(1)) }),
    ).toBe('promoted');
  });
});
