import { describe, expect, it } from 'vitest';
import {
  decisionAfterSummer,
  retestDue,
  summerSteps,
  transcriptDecision,
  transcriptDecisionLabels,
} from './summer.ts';

const none = { conductAfterSummer: null, learningAfterRetest: null };

describe('summerSteps — TT22 Điều 12 khoản 2, Điều 13 khoản 1, Điều 14', () => {
  it('học tập và rèn luyện từ Đạt trở lên → không phải làm gì trong hè', () => {
    expect(summerSteps({ learning: 'pass', conduct: 'pass', absentSessions: 45 })).toEqual([]);
  });
  it('rèn luyện Chưa đạt → rèn luyện trong hè (Điều 13 khoản 1)', () => {
    expect(summerSteps({ learning: 'good', conduct: 'fail', absentSessions: 0 })).toEqual([
      'conduct_training',
    ]);
  });
  it('học tập Chưa đạt, rèn luyện từ Đạt → kiểm tra lại (Điều 14)', () => {
    expect(summerSteps({ learning: 'fail', conduct: 'pass', absentSessions: 0 })).toEqual(['retest']);
  });
  it('cả hai Chưa đạt → rèn luyện hè rồi kiểm tra lại (Điều 12 k1 điểm a + Điều 14, trả lời của Bộ GD&ĐT)', () => {
    expect(summerSteps({ learning: 'fail', conduct: 'fail', absentSessions: 0 })).toEqual([
      'conduct_training',
      'retest',
    ]);
  });
  it('nghỉ quá 45 buổi → không có việc hè nào bù được (Điều 12 khoản 1 điểm c)', () => {
    expect(summerSteps({ learning: 'fail', conduct: 'fail', absentSessions: 46 })).toEqual([]);
  });
});

describe('retestDue — Điều 14 chỉ mở cho học sinh có rèn luyện cả năm từ Đạt (kể cả sau rèn luyện hè)', () => {
  const both = { learning: 'fail', conduct: 'fail', absentSessions: 3 } as const;
  it('cả hai Chưa đạt: chưa được kiểm tra lại khi chưa đánh giá lại rèn luyện', () => {
    expect(retestDue(both, null)).toBe(false);
  });
  it('cả hai Chưa đạt: rèn luyện hè được đánh giá lại Đạt → kiểm tra lại', () => {
    expect(retestDue(both, 'pass')).toBe(true);
  });
  it('cả hai Chưa đạt: rèn luyện hè vẫn Chưa đạt → không kiểm tra lại', () => {
    expect(retestDue(both, 'fail')).toBe(false);
  });
  it('chỉ học tập Chưa đạt → kiểm tra lại ngay', () => {
    expect(retestDue({ learning: 'fail', conduct: 'good', absentSessions: 0 }, null)).toBe(true);
  });
});

describe('decisionAfterSummer — Điều 12 khoản 1 và 3 với kết quả đánh giá lại (Điều 13 khoản 3, Điều 14)', () => {
  it('lên lớp ngay khi không phải làm gì trong hè', () => {
    expect(
      decisionAfterSummer({ learning: 'excellent', conduct: 'excellent', absentSessions: 0, ...none }),
    ).toBe('promoted');
  });
  it('nghỉ 46 buổi → ở lại lớp ngay', () => {
    expect(decisionAfterSummer({ learning: 'good', conduct: 'good', absentSessions: 46, ...none })).toBe(
      'retained',
    );
  });
  it('chờ kết quả rèn luyện hè → chưa quyết định', () => {
    expect(decisionAfterSummer({ learning: 'pass', conduct: 'fail', absentSessions: 0, ...none })).toBeNull();
  });
  it('rèn luyện hè đánh giá lại Đạt (học tập Đạt) → lên lớp', () => {
    const s = {
      learning: 'pass',
      conduct: 'fail',
      absentSessions: 0,
      ...none,
      conductAfterSummer: 'pass',
    } as const;
    expect(decisionAfterSummer(s)).toBe('promoted');
  });
  it('rèn luyện hè vẫn Chưa đạt → ở lại lớp', () => {
    const s = {
      learning: 'good',
      conduct: 'fail',
      absentSessions: 0,
      ...none,
      conductAfterSummer: 'fail',
    } as const;
    expect(decisionAfterSummer(s)).toBe('retained');
  });
  it('kiểm tra lại: học tập sau kiểm tra lại Đạt → lên lớp; Chưa đạt → ở lại lớp', () => {
    const base = { learning: 'fail', conduct: 'pass', absentSessions: 0, conductAfterSummer: null } as const;
    expect(decisionAfterSummer({ ...base, learningAfterRetest: null })).toBeNull();
    expect(decisionAfterSummer({ ...base, learningAfterRetest: 'pass' })).toBe('promoted');
    expect(decisionAfterSummer({ ...base, learningAfterRetest: 'fail' })).toBe('retained');
  });
  it('cả hai Chưa đạt: rèn luyện hè Đạt, chờ kiểm tra lại → chưa quyết định', () => {
    const s = { learning: 'fail', conduct: 'fail', absentSessions: 0, conductAfterSummer: 'pass' } as const;
    expect(decisionAfterSummer({ ...s, learningAfterRetest: null })).toBeNull();
  });
  it('cả hai Chưa đạt: rèn luyện hè Đạt và học tập sau kiểm tra lại Đạt → lên lớp', () => {
    const s = { learning: 'fail', conduct: 'fail', absentSessions: 0, conductAfterSummer: 'good' } as const;
    expect(decisionAfterSummer({ ...s, learningAfterRetest: 'pass' })).toBe('promoted');
    expect(decisionAfterSummer({ ...s, learningAfterRetest: 'fail' })).toBe('retained');
  });
  it('cả hai Chưa đạt: rèn luyện hè vẫn Chưa đạt → ở lại lớp, không chờ kiểm tra lại', () => {
    const s = { learning: 'fail', conduct: 'fail', absentSessions: 0, conductAfterSummer: 'fail' } as const;
    expect(decisionAfterSummer({ ...s, learningAfterRetest: null })).toBe('retained');
  });
});

describe('transcriptDecision — dòng quyết định của học bạ từ kết quả đã lưu', () => {
  it('lên lớp thẳng (kỳ đóng năm ghi finalPromotion = promoted cho mọi học sinh) → "Được lên lớp", không phải "sau hè"', () => {
    expect(transcriptDecision({ promotion: 'promoted', finalPromotion: 'promoted' })).toBe('promoted');
  });
  it('kiểm tra lại hoặc rèn luyện hè rồi lên lớp → "sau kiểm tra, đánh giá lại hoặc rèn luyện hè"', () => {
    expect(transcriptDecision({ promotion: 'retest', finalPromotion: 'promoted' })).toBe(
      'promoted_after_summer',
    );
    expect(transcriptDecision({ promotion: 'summer_conduct', finalPromotion: 'promoted' })).toBe(
      'promoted_after_summer',
    );
  });
  it('ở lại lớp ngay hoặc sau hè → "Không được lên lớp"', () => {
    expect(transcriptDecision({ promotion: 'retained', finalPromotion: 'retained' })).toBe('retained');
    expect(transcriptDecision({ promotion: 'retest', finalPromotion: 'retained' })).toBe('retained');
  });
  it('hè chưa xong hoặc chưa xếp loại → chưa đánh dấu dòng nào', () => {
    expect(transcriptDecision({ promotion: 'summer_conduct', finalPromotion: null })).toBeNull();
    expect(transcriptDecision({ promotion: null, finalPromotion: null })).toBeNull();
  });
  it('lớp 9 và 12: hoàn thành chương trình THCS / THPT (Điều 12 khoản 1, 3)', () => {
    expect(transcriptDecisionLabels(9).promoted).toBe(
      'Được công nhận hoàn thành chương trình trung học cơ sở',
    );
    expect(transcriptDecisionLabels(12).retained).toBe(
      'Không được công nhận hoàn thành chương trình trung học phổ thông',
    );
    expect(transcriptDecisionLabels(11).promoted_after_summer).toBe(
      'Được lên lớp sau kiểm tra, đánh giá lại hoặc rèn luyện hè',
    );
  });
});
