import { assertLevel4, type Level4 } from './types.ts';

/**
 * Kết quả rèn luyện cả năm học from the two terms, TT22 Điều 8 khoản 2 điểm b:
 * - Tốt: học kì II Tốt, học kì I từ Khá trở lên.
 * - Khá: học kì II Khá, học kì I từ Đạt trở lên; học kì II Đạt, học kì I Tốt; học kì II Tốt, học kì I Đạt hoặc
 *   Chưa đạt.
 * - Đạt: học kì II Đạt, học kì I Khá, Đạt hoặc Chưa đạt; học kì II Khá, học kì I Chưa đạt.
 * - Chưa đạt: các trường hợp còn lại — that is, whenever term 2 is Chưa đạt.
 * Written as the full table (term 2 → term 1 → year) so each of the 16 cells can be read against the circular.
 */
const YEAR_CONDUCT: Readonly<Record<Level4, Readonly<Record<Level4, Level4>>>> = {
  excellent: { excellent: 'excellent', good: 'excellent', pass: 'good', fail: 'good' },
  good: { excellent: 'good', good: 'good', pass: 'good', fail: 'pass' },
  pass: { excellent: 'good', good: 'pass', pass: 'pass', fail: 'pass' },
  fail: { excellent: 'fail', good: 'fail', pass: 'fail', fail: 'fail' },
};

export function yearConduct(term1: Level4, term2: Level4): Level4 {
  assertLevel4(term1, 'term1', 'Kết quả rèn luyện học kì I');
  assertLevel4(term2, 'term2', 'Kết quả rèn luyện học kì II');
  return YEAR_CONDUCT[term2][term1];
}
