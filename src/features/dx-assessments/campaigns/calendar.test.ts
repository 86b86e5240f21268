import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../domain/calendar/index.ts';
import { deadlineIsNear, latenessOf } from './calendar.ts';

const calendar = {
  selfAssessmentStartsOn: '2026-04-01',
  submissionDeadline: '2026-04-30',
  externalEndsOn: '2026-06-20',
};

describe('lịch đợt đánh giá', () => {
  it('trường chưa nộp: chưa mở trước ngày bắt đầu, sắp hạn trong 3 ngày cuối (kể cả ngày hạn), quá hạn sau hạn nộp', () => {
    expect(latenessOf('not_started', calendar, '2026-03-31')).toBe('not_open');
    expect(latenessOf('in_progress', calendar, '2026-04-26')).toBe('on_track');
    expect(latenessOf('in_progress', calendar, '2026-04-27')).toBe('due_soon');
    expect(latenessOf('approved', calendar, '2026-04-30')).toBe('due_soon');
    expect(latenessOf('returned', calendar, '2026-05-01')).toBe('late');
  });

  it('trường đã nộp chờ phòng; phòng quá hạn sau ngày kết thúc đánh giá ngoài; đã đánh giá là xong', () => {
    expect(latenessOf('submitted', calendar, '2026-05-10')).toBe('on_track');
    expect(latenessOf('under_review', calendar, '2026-06-21')).toBe('review_overdue');
    expect(latenessOf('assessed', calendar, '2026-07-01')).toBe('done');
    expect(latenessOf('recognised', calendar, '2026-07-01')).toBe('done');
  });

  it('nhắc hạn tự động chỉ trong 3 ngày trước hạn nộp', () => {
    expect(deadlineIsNear(calendar, '2026-04-26')).toBe(false);
    expect(deadlineIsNear(calendar, '2026-04-27')).toBe(true);
    expect(deadlineIsNear(calendar, '2026-05-01')).toBe(false);
  });

  it('ngày hôm nay tính theo giờ Việt Nam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-04-29T17:30:00Z'))).toBe('2026-04-30');
    expect(todayInVietnam(new Date('2026-04-29T16:30:00Z'))).toBe('2026-04-29');
  });
});
