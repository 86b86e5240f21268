import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TestClient } from '../../test/app.ts';
import { STORAGES } from '../../test/databases.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, demoLogins, hasAnyUnit, type SeedSummary, seedDemo } from './index.ts';

describe.each(STORAGES)('dữ liệu mẫu (%s)', (storage) => {
  let t: TestApp;
  let summary: SeedSummary;
  let schoolId: string;

  beforeAll(async () => {
    t = await startTestApp(storage);
    expect(await hasAnyUnit(t.db)).toBe(false);
    expect(await demoLogins(t.db)).toEqual([]);
    summary = await seedDemo(t.db, { seed: 1 });
    const school = await t.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'PGDDT-BM-01')
      .executeTakeFirstOrThrow();
    schoolId = school.id;
  });
  afterAll(() => t.close());

  it('mọi tài khoản mẫu đăng nhập được bằng mật khẩu truongso-demo', async () => {
    for (const { username } of DEMO_LOGINS) {
      const res = await new TestClient(t.app).post('/api/v1/auth/login', {
        login: username,
        password: DEMO_PASSWORD,
      });
      expect(res.status, username).toBe(200);
      expect(res.body.assignments.length, username).toBeGreaterThan(0);
    }
    expect((await demoLogins(t.db)).map((l) => l.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
  });

  it('tài khoản mẫu giữ đúng vai trò ở đúng đơn vị', async () => {
    const roles = await t.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .innerJoin('units as n', 'n.id', 'r.unit_id')
      .select(['u.username', 'r.role', 'n.kind', 'n.code'])
      .execute();
    const of = (username: string) =>
      roles.filter((r) => r.username === username).map((r) => `${r.role}@${r.code}`);
    expect(of('admin')).toEqual(['system_admin@BGDDT']);
    expect(of('so.admin')).toEqual(['office_admin@SGDDT-HBX']);
    expect(of('phong.chuyenvien')).toEqual(['office_specialist@PGDDT-BM']);
    expect(of('totruong').sort()).toEqual(['department_head@PGDDT-BM-01', 'teacher@PGDDT-BM-01']);
    expect(of('phuhuynh')).toEqual(['guardian@PGDDT-BM-01']);
    expect(of('hieutruong.tieuhoc')).toEqual(['principal@PGDDT-BM-03']);
    expect(of('giaovien.tieuhoc')).toEqual(['teacher@PGDDT-BM-03']);
  });

  it('trường tiểu học mẫu: giáo viên tiểu học chủ nhiệm một lớp khối 1–5 năm 2025-2026 và dạy các môn của lớp', async () => {
    const led = await t.db
      .selectFrom('classes as c')
      .innerJoin('staff as s', 's.id', 'c.homeroom_teacher_id')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['c.name', 'c.grade', 'c.id'])
      .where('u.username', '=', 'giaovien.tieuhoc')
      .where('c.school_year', '=', '2025-2026')
      .execute();
    expect(led.length).toBe(1);
    expect(led[0]?.grade).toBeLessThanOrEqual(5);
    const taught = await t.db
      .selectFrom('teaching_assignments as a')
      .innerJoin('staff as s', 's.id', 'a.teacher_id')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('a.subject_code')
      .where('u.username', '=', 'giaovien.tieuhoc')
      .execute();
    expect(taught.length).toBeGreaterThan(0);
  });

  it('trường mẫu: 15 lớp năm 2025-2026 (4+4+4+3), 35–45 học sinh mỗi lớp, có lớp năm trước', async () => {
    const classes = await t.db
      .selectFrom('classes as c')
      .leftJoin('enrolments as e', (j) => j.onRef('e.class_id', '=', 'c.id').on('e.left_on', 'is', null))
      .select(['c.name', 'c.grade', 'c.school_year', (eb) => eb.fn.count<number>('e.id').as('students')])
      .where('c.unit_id', '=', schoolId)
      .groupBy(['c.name', 'c.grade', 'c.school_year'])
      .execute();
    const current = classes.filter((c) => c.school_year === '2025-2026');
    expect(current).toHaveLength(15);
    expect([6, 7, 8, 9].map((g) => current.filter((c) => c.grade === g).length)).toEqual([4, 4, 4, 3]);
    for (const c of current) expect(Number(c.students)).toBeGreaterThanOrEqual(33);
    for (const c of current) expect(Number(c.students)).toBeLessThanOrEqual(45);
    expect(classes.filter((c) => c.school_year === '2024-2025').length).toBeGreaterThanOrEqual(14);
  });

  it('trường mẫu: khoảng 30 cán bộ, ba tổ, bảng biên chế thiếu giáo viên Tin học và Âm nhạc', async () => {
    const staff = await t.db.selectFrom('staff').selectAll().where('unit_id', '=', schoolId).execute();
    expect(staff.length).toBeGreaterThanOrEqual(28);
    expect(staff.length).toBeLessThanOrEqual(32);
    expect(staff.filter((s) => s.position === 'principal')).toHaveLength(1);
    expect(staff.filter((s) => s.position === 'vice_principal')).toHaveLength(2);
    expect(new Set(staff.flatMap((s) => s.staff_role ?? []))).toEqual(
      new Set(['accountant', 'clerk', 'librarian', 'equipment', 'medical', 'security']),
    );
    const departments = await t.db
      .selectFrom('departments')
      .leftJoin('staff as head', 'head.id', 'departments.head_staff_id')
      .leftJoin('users', 'users.id', 'head.user_id')
      .select(['departments.name', 'users.username as head_username'])
      .where('departments.unit_id', '=', schoolId)
      .execute();
    expect(departments.map((d) => d.name).sort()).toEqual([
      'Tổ Khoa học tự nhiên',
      'Tổ Khoa học xã hội',
      'Tổ Văn phòng',
    ]);
    expect(departments.find((d) => d.name === 'Tổ Khoa học tự nhiên')?.head_username).toBe('totruong');
    const quotas = await t.db
      .selectFrom('staffing_quotas')
      .select(['staffing_group', 'quota'])
      .where('unit_id', '=', schoolId)
      .where('school_year', '=', '2025-2026')
      .execute();
    const current = (subject: string) =>
      staff.filter((s) => s.position === 'teacher' && s.main_subject === subject).length;
    const quota = (group: string) => quotas.find((q) => q.staffing_group === group)?.quota ?? 0;
    expect(quota('teacher:informatics')).toBeGreaterThan(current('informatics'));
    expect(quota('teacher:arts-music')).toBeGreaterThan(current('arts-music'));
  });

  it('giáo viên mẫu chủ nhiệm 6A1; phụ huynh mẫu có hai con ở trường; tài khoản gắn với hồ sơ', async () => {
    const homeroom = await t.db
      .selectFrom('classes as c')
      .innerJoin('staff as s', 's.id', 'c.homeroom_teacher_id')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('u.username')
      .where('c.unit_id', '=', schoolId)
      .where('c.school_year', '=', '2025-2026')
      .where('c.name', '=', '6A1')
      .executeTakeFirst();
    expect(homeroom?.username).toBe('giaovien');
    const children = await t.db
      .selectFrom('student_guardians as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('students as s', 's.id', 'g.student_id')
      .select(['s.full_name', 's.unit_id'])
      .where('u.username', '=', 'phuhuynh')
      .execute();
    expect(children.map((c) => c.full_name).sort()).toEqual(['Nguyễn Minh Anh', 'Nguyễn Đức Bảo']);
    expect(children.every((c) => c.unit_id === schoolId)).toBe(true);
    const linked = await t.db
      .selectFrom('staff')
      .innerJoin('users', 'users.id', 'staff.user_id')
      .select('users.username')
      .where('staff.unit_id', '=', schoolId)
      .execute();
    expect(linked.map((l) => l.username).sort()).toEqual(
      ['cntt', 'giaovien', 'hieutruong', 'nhanvien', 'phohieutruong', 'totruong'].sort(),
    );
  });

  it('lịch năm học do sở đặt; học sinh có dân tộc, hộ nghèo, khuyết tật, người giám hộ', async () => {
    const years = await t.db
      .selectFrom('school_years')
      .selectAll()
      .where('unit_id', '=', summary.provinceId)
      .execute();
    expect(years.find((y) => y.code === '2025-2026')).toMatchObject({
      starts_on: '2025-09-05',
      term1_ends_on: '2026-01-17',
      term2_starts_on: '2026-01-19',
      ends_on: '2026-05-31',
    });
    const stats = await sql<{ minorities: number; poor: number; disabled: number; without_guardian: number }>`
      select count(*) filter (where ethnicity <> 'kinh')::int as minorities,
        count(*) filter (where poor_household)::int as poor,
        count(*) filter (where disability is not null)::int as disabled,
        count(*) filter (where not exists (select 1 from student_guardians g where g.student_id = s.id))::int as without_guardian
      from students s where unit_id = ${schoolId}`.execute(t.db);
    const row = stats.rows[0];
    expect(row?.minorities).toBeGreaterThan(0);
    expect(row?.poor).toBeGreaterThan(0);
    expect(row?.disabled).toBeGreaterThanOrEqual(0);
    expect(row?.without_guardian).toBe(0);
  });

  it('trường mẫu "Đã công nhận" có quyết định công nhận, nên trang công khai hiện kết quả', async () => {
    const recognised = await t.db
      .selectFrom('assessments')
      .select(['unit_id', 'recognition_id'])
      .where('status', '=', 'recognised')
      .execute();
    expect(recognised.length).toBeGreaterThan(0);
    expect(recognised.filter((a) => a.recognition_id === null)).toEqual([]);
    const anonymous = new TestClient(t.app);
    for (const unitId of new Set(recognised.slice(0, 5).map((a) => a.unit_id))) {
      const page = await anonymous.get(`/api/v1/public/assessment-results/${unitId}`);
      expect(page.status).toBe(200);
      expect(page.body.own.length, unitId).toBeGreaterThan(0);
      expect(page.body.own[0].decisionNumber).toMatch(/\/QĐ-GDĐT$/);
    }
  });

  it('từ chối tạo dữ liệu mẫu chồng lên cơ sở dữ liệu đã có dữ liệu, trừ khi yêu cầu xoá và tạo lại', async () => {
    await expect(seedDemo(t.db, { seed: 1 })).rejects.toThrow(/đã có dữ liệu/);
    const again = await seedDemo(t.db, { seed: 1, reset: true });
    expect(again.totalRows).toBe(summary.totalRows);
    expect(await t.db.selectFrom('unit_kinds').select('code').execute()).toHaveLength(4);
  });
});
