import { describe, expect, it } from 'vitest';
import { erasurePlan, PERSONAL_DATA_KINDS, STUDENT_COLUMNS, treatmentOf } from './erasure.ts';

describe('xoá dữ liệu cá nhân học sinh: xoá gì, giữ gì (Luật 91/2025/QH15 Điều 4, Điều 14)', () => {
  it('hồ sơ trường phải lưu theo luật khác được giữ và hạn chế xử lý (Điều 14 khoản 1; TT22/2021, TT27/2020, học bạ lưu vĩnh viễn theo TT27/2016)', () => {
    for (const key of [
      'identity',
      'evaluation_records',
      'approved_transcripts',
      'status_and_classes',
    ] as const) {
      expect(treatmentOf(key), key).toBe('restrict');
    }
    expect(PERSONAL_DATA_KINDS.find((k) => k.key === 'approved_transcripts')?.basis).toContain('TT27/2016');
  });

  it('dữ liệu liên lạc, cha mẹ, tài khoản, ghi chú tự do bị xoá theo yêu cầu (Điều 4 khoản 1)', () => {
    for (const key of [
      'national_id',
      'address',
      'guardians',
      'student_account',
      'guardian_account_links',
      'attendance_notes',
      'household_and_policy',
    ] as const) {
      expect(treatmentOf(key), key).toBe('erase');
    }
  });

  it('mỗi loại dữ liệu có nhãn tiếng Việt và căn cứ dẫn điều luật', () => {
    const { erased, restricted } = erasurePlan();
    expect(erased.length + restricted.length).toBe(PERSONAL_DATA_KINDS.length);
    for (const kind of PERSONAL_DATA_KINDS) {
      expect(kind.basis).toMatch(/Luật 91\/2025\/QH15|TT2[27]\//);
      expect(kind.label.length).toBeGreaterThan(3);
    }
  });

  it('họ tên, ngày sinh, mã học sinh được giữ (in trên học bạ); số định danh, nơi ở bị xoá; không cột nào ở cả hai', () => {
    expect(STUDENT_COLUMNS.restrict).toEqual(
      expect.arrayContaining(['full_name', 'birth_date', 'moet_student_code']),
    );
    expect(STUDENT_COLUMNS.erase).toEqual(expect.arrayContaining(['national_id', 'address', 'user_id']));
    const both = STUDENT_COLUMNS.erase.filter((c) => STUDENT_COLUMNS.restrict.includes(c));
    expect(both).toEqual([]);
  });
});
