import { describe, expect, it } from 'vitest';
import { GradingInputError } from './errors.ts';
import { learningResult, learningResultByThresholds, learningResultDetailed } from './learning-result.ts';
import type { SubjectResult } from './types.ts';

/** Scored subjects named M1, M2, … with the given ĐTB, then comment subjects N1, N2, … with the given results. */
function student(
  averages: number[],
  comments: ('pass' | 'fail')[] = ['pass', 'pass', 'pass', 'pass'],
): SubjectResult[] {
  return [
    ...averages.map((average, i): SubjectResult => ({ subject: `M${i + 1}`, kind: 'score', average })),
    ...comments.map((result, i): SubjectResult => ({ subject: `N${i + 1}`, kind: 'comment', result })),
  ];
}

const times = (count: number, value: number): number[] => Array.from({ length: count }, () => value);

describe('mức Tốt (TT22 Điều 9 khoản 2 điểm a)', () => {
  it('Tốt khi mọi môn nhận xét Đạt, mọi môn ≥ 6,5 và 6 môn ≥ 8,0', () => {
    expect(learningResult(student([...times(6, 8.0), 6.5, 6.5]))).toBe('excellent');
  });

  it('chỉ 5 môn ≥ 8,0 (môn thứ sáu 7,9) thì không Tốt mà Khá', () => {
    expect(learningResult(student([...times(5, 8.0), 7.9, 6.5, 6.5]))).toBe('good');
  });

  it('một môn 6,4 (dưới 6,5) thì không Tốt mà Khá; hụt một mức nên không điều chỉnh', () => {
    expect(learningResult(student([...times(6, 8.0), 6.5, 6.4]))).toBe('good');
  });
});

describe('mức Khá (điểm b)', () => {
  it('Khá khi mọi môn nhận xét Đạt, mọi môn ≥ 5,0 và 6 môn ≥ 6,5', () => {
    expect(learningResult(student([...times(6, 6.5), 5.0, 5.0]))).toBe('good');
  });

  it('chỉ 5 môn ≥ 6,5 (môn thứ sáu 6,4) thì Đạt', () => {
    expect(learningResult(student([...times(5, 6.5), 6.4, 5.0, 5.0]))).toBe('pass');
  });

  it('một môn 4,9 (dưới 5,0) thì Đạt; có 5,0 thì Khá', () => {
    expect(learningResult(student([...times(6, 6.5), 5.0, 4.9]))).toBe('pass');
    expect(learningResult(student([...times(6, 6.5), 5.0, 5.0]))).toBe('good');
  });
});

describe('mức Đạt (điểm c)', () => {
  it('Đạt khi 6 môn ≥ 5,0 và không môn nào dưới 3,5', () => {
    expect(learningResult(student([...times(6, 5.0), 3.5, 3.5]))).toBe('pass');
  });

  it('chỉ 5 môn ≥ 5,0 (môn thứ sáu 4,9) thì Chưa đạt', () => {
    expect(learningResult(student([...times(5, 5.0), 4.9, 3.5, 3.5]))).toBe('fail');
  });

  it('một môn 3,4 (dưới 3,5) thì Chưa đạt; có 3,5 thì Đạt', () => {
    expect(learningResult(student([...times(7, 5.0), 3.4]))).toBe('fail');
    expect(learningResult(student([...times(7, 5.0), 3.5]))).toBe('pass');
  });

  it('nhiều nhất 01 môn nhận xét Chưa đạt: một môn thì Đạt, hai môn thì Chưa đạt', () => {
    expect(learningResult(student(times(8, 6.0), ['fail', 'pass', 'pass', 'pass']))).toBe('pass');
    expect(learningResult(student(times(8, 8.5), ['fail', 'fail', 'pass', 'pass']))).toBe('fail');
  });

  it('môn nhận xét Chưa đạt thì không thể Tốt hay Khá theo ngưỡng', () => {
    expect(learningResultByThresholds(student(times(8, 9.0), ['fail', 'pass', 'pass', 'pass']))).toBe('pass');
  });
});

describe('điều chỉnh lên mức liền kề khi chỉ do duy nhất 01 môn (Điều 9 khoản 3)', () => {
  it('bảy môn 8,5 và một môn 4,0 → theo ngưỡng Đạt, thấp hơn Tốt hai mức chỉ vì một môn → Khá', () => {
    const detail = learningResultDetailed(student([...times(7, 8.5), 4.0]));
    expect(detail.byThresholds).toBe('pass');
    expect(detail.level).toBe('good');
    expect(detail.adjustedFor).toEqual({ subject: 'M8', wouldBe: 'excellent' });
  });

  it('bảy môn 8,5 và một môn 3,0 → Chưa đạt, thấp hơn Tốt ba mức → lên mức liền kề là Đạt, không phải Khá', () => {
    const detail = learningResultDetailed(student([...times(7, 8.5), 3.0]));
    expect(detail.byThresholds).toBe('fail');
    expect(detail.level).toBe('pass');
  });

  it('Khá bị kéo xuống Chưa đạt chỉ vì một môn 3,0 → Đạt', () => {
    expect(learningResult(student([...times(6, 7.0), 6.0, 3.0]))).toBe('pass');
  });

  it('chỉ có đúng 6 môn tính điểm: năm môn 9,0 và một môn 3,0 → Chưa đạt theo ngưỡng → điều chỉnh lên Đạt', () => {
    // Removing the weak subject would leave 5 subjects, never "ít nhất 06 môn": the rule looks at its RESULT.
    const detail = learningResultDetailed(student([...times(5, 9.0), 3.0]));
    expect(detail.byThresholds).toBe('fail');
    expect(detail.level).toBe('pass');
  });

  it('chỉ một môn nhận xét Chưa đạt, các môn tính điểm đủ mức Tốt → theo ngưỡng Đạt → Khá', () => {
    const detail = learningResultDetailed(student(times(8, 8.5), ['pass', 'fail', 'pass', 'pass']));
    expect(detail.byThresholds).toBe('pass');
    expect(detail.level).toBe('good');
    expect(detail.adjustedFor?.subject).toBe('N2');
  });

  it('một môn nhận xét Chưa đạt, các môn tính điểm ở mức Khá → Đạt, chỉ thấp một mức nên giữ Đạt', () => {
    expect(learningResult(student(times(8, 7.0), ['fail', 'pass', 'pass', 'pass']))).toBe('pass');
  });

  it('kết quả của môn đó cũng được tính vào "ít nhất 06 môn": năm môn 8,5, một môn 7,0, một môn 4,0 → Đạt → Khá', () => {
    const detail = learningResultDetailed(student([...times(5, 8.5), 7.0, 4.0]));
    expect(detail.byThresholds).toBe('pass');
    expect(detail.adjustedFor).toEqual({ subject: 'M7', wouldBe: 'excellent' });
    expect(detail.level).toBe('good');
  });

  it('thấp hơn đúng một mức thì không điều chỉnh: bảy môn 8,5 và một môn 6,0 → Khá', () => {
    expect(learningResult(student([...times(7, 8.5), 6.0]))).toBe('good');
  });

  it('do hai môn thì không điều chỉnh: sáu môn 8,5 và hai môn 4,0 → Đạt', () => {
    expect(learningResult(student([...times(6, 8.5), 4.0, 4.0]))).toBe('pass');
  });

  it('do một môn tính điểm và một môn nhận xét thì không điều chỉnh → Đạt', () => {
    expect(learningResult(student([...times(7, 8.5), 4.0], ['fail', 'pass', 'pass', 'pass']))).toBe('pass');
  });

  it('hai môn nhận xét Chưa đạt thì không điều chỉnh → Chưa đạt', () => {
    expect(learningResult(student(times(8, 8.5), ['fail', 'fail', 'pass', 'pass']))).toBe('fail');
  });

  it('nâng một môn lên cũng chỉ tới Đạt thì không điều chỉnh: bảy môn 5,0 và một môn 3,4 → Chưa đạt', () => {
    expect(learningResult(student([...times(7, 5.0), 3.4]))).toBe('fail');
  });

  it('không điều chỉnh khi đã Tốt; kết quả không có lí do điều chỉnh', () => {
    const detail = learningResultDetailed(student(times(8, 9.0)));
    expect(detail).toEqual({ level: 'excellent', byThresholds: 'excellent' });
  });
});

describe('số môn tính điểm ít hơn 06', () => {
  it('năm môn đều 10,0 vẫn Chưa đạt: văn bản đếm "ít nhất 06 môn", không tính theo tỉ lệ', () => {
    expect(learningResult(student(times(5, 10)))).toBe('fail');
  });

  it('không có môn nào thì Chưa đạt', () => {
    expect(learningResult([])).toBe('fail');
  });
});

describe('kiểm tra dữ liệu vào', () => {
  it('điểm trung bình môn không hợp lệ bị từ chối, nêu tên môn', () => {
    expect(() => learningResult([{ subject: 'Toán', kind: 'score', average: 10.5 }])).toThrow(
      GradingInputError,
    );
    expect(() => learningResult([{ subject: 'Toán', kind: 'score', average: 7.25 }])).toThrow('Toán');
  });

  it('kết quả môn nhận xét phải là Đạt hoặc Chưa đạt', () => {
    const bad = [{ subject: 'Âm nhạc', kind: 'comment', result: 'maybe' }] as unknown as SubjectResult[];
    expect(() => learningResult(bad)).toThrow('Âm nhạc');
  });
});

describe('tính chất của khoản 3 trên nhiều học sinh ngẫu nhiên (sinh số cố định)', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function generator(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }
  const random = generator(20260101);
  const rank = { fail: 0, pass: 1, good: 2, excellent: 3 } as const;
  const students = Array.from({ length: 3000 }, () => {
    const scores = Array.from(
      { length: 5 + Math.floor(random() * 5) },
      () => Math.round(random() * 60 + 40) / 10,
    );
    const comments = Array.from({ length: 4 }, () => (random() < 0.15 ? 'fail' : 'pass') as 'pass' | 'fail');
    return student(scores, comments);
  });

  it('khi tụt từ 02 mức trở lên, nhiều nhất một môn có thể là nguyên nhân duy nhất', () => {
    for (const subjects of students) {
      const actual = rank[learningResultByThresholds(subjects)];
      const causes = subjects.filter((_, index) => {
        const raised = subjects.map((s, i): SubjectResult => {
          if (i !== index) return s;
          return s.kind === 'score' ? { ...s, average: 10 } : { ...s, result: 'pass' };
        });
        const wouldBe = rank[learningResultByThresholds(raised)];
        return wouldBe >= rank.good && wouldBe - actual >= 2;
      });
      expect(causes.length).toBeLessThanOrEqual(1);
    }
  });

  it('điều chỉnh chỉ nâng đúng một mức và không bao giờ tạo ra mức Tốt', () => {
    let adjusted = 0;
    for (const subjects of students) {
      const detail = learningResultDetailed(subjects);
      const raisedBy = rank[detail.level] - rank[detail.byThresholds];
      expect(raisedBy === 0 || raisedBy === 1).toBe(true);
      if (raisedBy === 1) {
        adjusted += 1;
        expect(detail.level).not.toBe('excellent');
      }
    }
    expect(adjusted).toBeGreaterThan(20); // the sample does exercise the adjustment
  });
});
