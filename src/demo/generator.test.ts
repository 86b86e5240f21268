import { describe, expect, it } from 'vitest';
import { checkNationalId } from '../domain/identity/index.ts';
import { RowBatcher } from './batcher.ts';
import { generateDemo } from './seed.ts';
import type { SeedRow, SeedTable } from './tables.ts';

/** Runs the generator without a database, keeping every row. */
async function generate(seed: number, students?: number) {
  const rows: { [T in SeedTable]?: SeedRow<T>[] } = {};
  const all = rows as Record<string, unknown[]>;
  const out = new RowBatcher({
    write: async (table, batch) => {
      all[table] ??= [];
      for (const row of batch) all[table].push(row);
    },
  });
  const summary = await generateDemo(out, 'hash', { seed, students });
  return { rows, summary };
}

describe('bộ sinh dữ liệu mẫu', () => {
  it('cùng hạt giống cho cùng dữ liệu, cùng mã định danh và cùng thứ tự', async () => {
    const [a, b] = await Promise.all([generate(7), generate(7)]);
    expect(b.rows).toEqual(a.rows);
    const c = await generate(8);
    const names = (r: typeof a) => r.rows.students?.map((s) => s.full_name);
    expect(names(c)).not.toEqual(names(a));
    expect(c.rows.students?.[0]?.id).not.toBe(a.rows.students?.[0]?.id);
  });

  it('mọi mã định danh đều khác nhau, kể cả khi mở rộng ra nhiều trường', async () => {
    const { rows } = await generate(1, 20_000);
    // Gradebook rows take their ids from the database (gen_random_uuid), so only rows with an id are compared.
    const ids = Object.values(rows).flatMap((list) =>
      (list ?? []).flatMap((r) => (r as { id?: string }).id ?? []),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const nationalIds = [...(rows.students ?? []), ...(rows.staff ?? [])].flatMap((p) => p.national_id ?? []);
    expect(new Set(nationalIds).size).toBe(nationalIds.length);
    const moetCodes = (rows.students ?? []).flatMap((s) => s.moet_student_code ?? []);
    expect(new Set(moetCodes).size).toBe(moetCodes.length);
  });

  it('số định danh của học sinh và cán bộ hợp lệ, khớp ngày sinh và giới tính', async () => {
    const { rows } = await generate(1);
    const people = [...(rows.students ?? []), ...(rows.staff ?? [])];
    const problems = people.flatMap((p) => {
      if (!p.national_id) return [];
      const check = checkNationalId(p.national_id, {
        birthDate: p.birth_date ?? undefined,
        gender: p.gender ?? undefined,
      });
      return check.ok && check.warnings.length === 0 ? [] : [{ name: p.full_name, check }];
    });
    expect(problems).toEqual([]);
    expect(people.filter((p) => p.national_id).length).toBeGreaterThan(people.length * 0.9);
  });

  it('họ người Kinh theo tần suất thực tế: Nguyễn khoảng 38 %, rồi Trần, Lê, Phạm', async () => {
    const { rows } = await generate(1, 10_000);
    const kinh = (rows.students ?? []).filter((s) => s.ethnicity === 'kinh');
    const share = (family: string) =>
      kinh.filter((s) => s.full_name.startsWith(`${family} `)).length / kinh.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.33);
    expect(share('Nguyễn')).toBeLessThan(0.43);
    expect(share('Trần')).toBeGreaterThan(share('Lê'));
    expect(share('Lê')).toBeGreaterThan(share('Phạm'));
    // Given names carry diacritics and match the child's sex.
    expect(kinh.some((s) => /[ạảãàáâậầấẩẫăặằắẳẵđêệềếểễôộồốổỗơợờớởỡưựừứửữ]/i.test(s.full_name))).toBe(true);
    const girls = kinh.filter((s) => s.gender === 'female');
    expect(girls.filter((s) => / Văn /.test(s.full_name))).toEqual([]);
  });

  it('mở rộng thành tỉnh: khoảng 500 học sinh một trường, lớp khoảng 40, một cán bộ trên 18 học sinh', async () => {
    const { rows, summary } = await generate(1, 30_000);
    expect(summary.attending).toBeGreaterThanOrEqual(30_000);
    expect(summary.attending).toBeLessThan(31_000);
    const schools = (rows.units ?? []).filter((u) => u.kind === 'school' && u.status === 'active');
    expect(summary.attending / schools.length).toBeGreaterThan(350);
    expect(summary.attending / schools.length).toBeLessThan(650);
    const classes = (rows.classes ?? []).filter((c) => c.school_year === '2025-2026' && c.grade > 0);
    const current = (rows.enrolments ?? []).filter(
      (e) => e.school_year === '2025-2026' && e.left_on === null,
    );
    expect(current.length / classes.length).toBeGreaterThan(30);
    expect(current.length / classes.length).toBeLessThan(45);
    const schoolStaff = (rows.staff ?? []).filter((s) => schools.some((u) => u.id === s.unit_id));
    expect(summary.attending / schoolStaff.length).toBeGreaterThan(14);
    expect(summary.attending / schoolStaff.length).toBeLessThan(22);
  });
});
