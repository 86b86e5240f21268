import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanInput, line, multiline, safeParseInput, textProblem, XLSX_MIME } from '#contracts/common.ts';
import { createUserFromCli } from '../cli/commands/user.ts';
import { startTestApp, type TestApp, type TestClient } from '../test/app.ts';
import { STORAGES } from '../test/databases.ts';
import { buildClass, buildSchoolAccounts, buildUser } from '../test/factories.ts';
import { buildWorkbook } from '../test/factories-imports.ts';
import { buildClassWithStudents, buildTeacherAccount } from '../test/factories-transcripts.ts';
import { studentsImportKind } from './features/students/import-kind.ts';

// The text hygiene rule of contracts/common.ts: every text is NFC; control characters and lone surrogates are
// refused with 400 validation_failed naming the field, before anything is written.

const NUL = '\u0000';
const NFD_DEPARTMENT = 'Tổ Tiếng Việt'.normalize('NFD');

describe('quy tắc văn bản nhập vào (contracts/common.ts)', () => {
  it('ký tự điều khiển C0 (trừ tab, xuống dòng), DEL, C1 và nửa cặp UTF-16 bị từ chối', () => {
    for (const bad of ['a\u0000b', 'a\u0007', '\u001b[31m', 'a\u007f', 'a\u0085', 'a\u009f']) {
      expect(textProblem(bad, { multiline: true })).toBe('control_character');
    }
    expect(textProblem('a\ud800b')).toBe('lone_surrogate');
    expect(textProblem('a\udc00')).toBe('lone_surrogate');
    expect(textProblem('Học sinh 😀 giỏi')).toBeNull(); // a well-formed pair
    expect(textProblem('dòng 1\r\n\tdòng 2', { multiline: true })).toBeNull();
    expect(textProblem('dòng 1\ndòng 2')).toBe('control_character');
  });

  it('line() cắt khoảng trắng, chuẩn hoá NFC, từ chối xuống dòng; multiline() giữ xuống dòng', () => {
    expect(line('Tên').parse(`  ${NFD_DEPARTMENT} `)).toBe('Tổ Tiếng Việt');
    expect(line('Tên').safeParse('a\nb').error?.issues[0]?.message).toBe(
      'Tên chứa ký tự điều khiển không hợp lệ.',
    );
    expect(multiline('Nội dung').parse('a\nb\n')).toBe('a\nb');
  });

  it('cleanInput chuẩn hoá mọi chuỗi lồng nhau, nêu đường dẫn trường; mật khẩu giữ nguyên như gõ', () => {
    const nfd = 'Hoà'.normalize('NFD');
    const { value, issues } = cleanInput({ a: [{ b: nfd }], password: nfd, n: 1, c: `x${NUL}` });
    expect(value).toEqual({ a: [{ b: 'Hoà' }], password: nfd, n: 1, c: `x${NUL}` });
    expect(issues).toEqual([
      {
        path: ['c'],
        problem: 'control_character',
        message: 'Trường "c" chứa ký tự điều khiển không hợp lệ.',
      },
    ]);
  });

  it('safeParseInput: lỗi của schema (có nhãn) đứng trước lỗi chung của cùng trường', () => {
    const schema = line('Họ và tên');
    const result = safeParseInput(schema, `An${NUL}`);
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((i) => i.message)).toEqual([
      'Họ và tên chứa ký tự điều khiển không hợp lệ.',
    ]);
  });
});

describe.each(STORAGES)('văn bản nhập vào qua API (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let officeAdmin: TestClient;
  let homeroom: TestClient;
  let classId: string;

  const count = async (table: 'students' | 'staff' | 'departments' | 'users') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.officeA, username: 'qt.a', roles: [{ role: 'office_admin' }] });
    await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.7a',
      fullName: 'Ngô Thị Thuỷ',
    });
    classId = (
      await buildClassWithStudents(t.db, {
        unit: u.schoolA,
        name: '7A',
        grade: 7,
        homeroomTeacher: teacher.staff,
        students: ['Phan Minh An'],
      })
    ).cls.id;
    principal = await t.as('ht.a');
    officeAdmin = await t.as('qt.a');
    homeroom = await t.as('gvcn.7a');
  });
  afterAll(() => t.close());

  it('ký tự NUL trong họ tên, địa chỉ, tên tổ: 400 validation_failed nêu trường, không ghi gì', async () => {
    const before = {
      students: await count('students'),
      staff: await count('staff'),
      departments: await count('departments'),
    };
    const student = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: `Nguyễn Văn${NUL} An`,
      gender: 'male',
    });
    expect(student.status).toBe(400);
    expect(student.body.error.code).toBe('validation_failed');
    expect(student.body.error.fields.fullName).toBe('Họ và tên chứa ký tự điều khiển không hợp lệ.');

    const address = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Văn An',
      address: `12 Hàng Bạc${NUL}`,
    });
    expect(address.status).toBe(400);
    expect(address.body.error.fields.address).toBe('Địa chỉ chứa ký tự điều khiển không hợp lệ.');

    const guardian = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Văn An',
      guardians: [{ fullName: `Trần Thị${NUL} Hoa`, relationship: 'mother' }],
    });
    expect(guardian.status).toBe(400);
    expect(guardian.body.error.fields['guardians.0.fullName']).toContain('ký tự điều khiển');

    const staff = await principal.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: `Lê Thị${NUL} Lan`,
      position: 'teacher',
    });
    expect(staff.status).toBe(400);
    expect(staff.body.error.fields.fullName).toBe('Họ và tên chứa ký tự điều khiển không hợp lệ.');

    // The national ID has its own digits-only rule, which refuses the NUL byte first, naming the field.
    const nationalId = await principal.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: 'Lê Thị Lan',
      position: 'teacher',
      nationalId: `0012${NUL}`,
    });
    expect(nationalId.status).toBe(400);
    expect(nationalId.body.error.fields.nationalId).toMatch(/^Số định danh cá nhân chỉ gồm chữ số/);

    const department = await principal.post('/api/v1/departments', {
      unitId: u.schoolA.id,
      name: `Tổ Toán${NUL}`,
    });
    expect(department.status).toBe(400);
    expect(department.body.error.fields.name).toBe('Tên tổ chuyên môn chứa ký tự điều khiển không hợp lệ.');

    expect({
      students: await count('students'),
      staff: await count('staff'),
      departments: await count('departments'),
    }).toEqual(before);
  });

  it('ký tự NUL trong địa chỉ đơn vị: 400 nêu trường address, địa chỉ cũ giữ nguyên', async () => {
    const before = await t.db
      .selectFrom('units')
      .select('address')
      .where('id', '=', u.schoolA.id)
      .executeTakeFirstOrThrow();
    const res = await officeAdmin.patch(`/api/v1/units/${u.schoolA.id}`, { address: `Số 1${NUL} Lê Lợi` });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.address).toBe('Địa chỉ chứa ký tự điều khiển không hợp lệ.');
    const after = await t.db
      .selectFrom('units')
      .select('address')
      .where('id', '=', u.schoolA.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('ký tự NUL trong ô tìm kiếm q (người dùng, học sinh, cán bộ, đơn vị) và người thực hiện (nhật ký): 400 nêu trường', async () => {
    const searches = [
      [`/api/v1/users?unitId=${u.schoolA.id}&q=an%00`, 'q'],
      [`/api/v1/students?unitId=${u.schoolA.id}&q=an%00`, 'q'],
      [`/api/v1/staff?unitId=${u.schoolA.id}&q=an%00`, 'q'],
      [`/api/v1/units?q=an%00`, 'q'],
      [`/api/v1/audit?unitId=${u.schoolA.id}&actor=an%00`, 'actor'],
    ] as const;
    for (const [url, field] of searches) {
      const res = await principal.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.fields[field], url).toContain('chứa ký tự điều khiển không hợp lệ');
    }
    // The same searches without the NUL still answer.
    expect((await principal.get(`/api/v1/students?unitId=${u.schoolA.id}&q=an`)).status).toBe(200);
  });

  it('DEL, ký tự C1 và xuống dòng trong tên tổ bị từ chối', async () => {
    for (const name of ['Tổ Toán\u007f', 'Tổ Toán\u0085', 'Tổ\nToán']) {
      const res = await principal.post('/api/v1/departments', { unitId: u.schoolA.id, name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error.fields.name).toBe('Tên tổ chuyên môn chứa ký tự điều khiển không hợp lệ.');
    }
  });

  it('nửa cặp UTF-16 (lone surrogate) bị từ chối, không lưu thành U+FFFD', async () => {
    const before = await count('students');
    const res = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Văn \ud800',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.fullName).toContain('lỗi mã Unicode');
    expect(await count('students')).toBe(before);
  });

  it('tên tổ dạng NFD trùng tên tổ dạng NFC đã có: bị từ chối là trùng', async () => {
    const first = await principal.post('/api/v1/departments', {
      unitId: u.schoolA.id,
      name: 'Tổ Tiếng Việt',
    });
    expect(first.status).toBe(201);
    const decomposed = await principal.post('/api/v1/departments', {
      unitId: u.schoolA.id,
      name: NFD_DEPARTMENT,
    });
    expect(decomposed.status).toBe(409);
    const names = await t.db
      .selectFrom('departments')
      .select('name')
      .where('unit_id', '=', u.schoolA.id)
      .execute();
    expect(names.filter((d) => d.name.normalize('NFC') === 'Tổ Tiếng Việt')).toHaveLength(1);
  });

  it('họ tên học sinh gõ dạng NFD được lưu dạng NFC', async () => {
    const res = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Thị Hoà'.normalize('NFD'),
      address: 'Phố Huế, Hà Nội'.normalize('NFD'),
    });
    expect(res.status).toBe(201);
    const row = await t.db
      .selectFrom('students')
      .select(['full_name', 'address'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: 'Nguyễn Thị Hoà', address: 'Phố Huế, Hà Nội' });
    // An NFD search term finds the NFC name.
    const found = await principal.get(
      `/api/v1/students?unitId=${u.schoolA.id}&q=${encodeURIComponent('Hoà'.normalize('NFD'))}`,
    );
    expect(found.body.items.map((s: { fullName: string }) => s.fullName)).toContain('Nguyễn Thị Hoà');
  });

  it('lời nhắn sổ liên lạc: nội dung nhiều dòng được nhận; tiêu đề xuống dòng hoặc nội dung có NUL bị từ chối', async () => {
    const body = 'Kính gửi quý phụ huynh,\r\n\r\n\tHọp lúc 8 giờ sáng Chủ nhật.\nTrân trọng.';
    const posted = await homeroom.post(`/api/v1/classes/${classId}/notes`, { title: 'Họp phụ huynh', body });
    expect(posted.status).toBe(201);
    const stored = await t.db
      .selectFrom('class_notes')
      .select('body')
      .where('id', '=', posted.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe(body.trim());
    const title = await homeroom.post(`/api/v1/classes/${classId}/notes`, { title: 'Họp\nphụ huynh', body });
    expect(title.status).toBe(400);
    expect(title.body.error.fields.title).toBe('Tiêu đề chứa ký tự điều khiển không hợp lệ.');
    const nul = await homeroom.post(`/api/v1/classes/${classId}/notes`, { title: 'Họp', body: `a${NUL}` });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields.body).toBe('Nội dung chứa ký tự điều khiển không hợp lệ.');
  });

  it('nhập Excel: ô có ký tự điều khiển là lỗi của dòng và cột; tên tệp có ký tự điều khiển bị từ chối', async () => {
    // C1 characters (legacy-encoding conversions) survive an .xlsx; exceljs drops C0 and DEL when writing one.
    const cells = (values: Record<string, string>) =>
      studentsImportKind.columns.map((c) => values[c.key] ?? null);
    const file = await buildWorkbook(
      'Học sinh',
      studentsImportKind.columns.map((c) => c.header),
      [
        cells({ fullName: 'Lê Thị Hoa', className: '6A1' }),
        cells({ fullName: 'Phạm Văn\u009f Đức', className: '6A1' }),
        cells({ fullName: 'Hồ Thị Mai', className: '6A1', address: 'Xóm\u0085 Đông' }),
      ],
    );
    const upload = (name: string) =>
      principal.upload(`/api/v1/imports/preview?unitId=${u.schoolA.id}&kind=students`, 'file', {
        name,
        content: file,
        type: XLSX_MIME,
      });
    const res = await upload('danh-sach.xlsx');
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors).toEqual([
      { row: 3, column: 'Họ và tên', message: 'Họ và tên chứa ký tự điều khiển không hợp lệ.' },
      { row: 4, column: 'Địa chỉ', message: 'Địa chỉ chứa ký tự điều khiển không hợp lệ.' },
    ]);
    const badName = await upload('danh\u0001sach.xlsx');
    expect(badName.status).toBe(400);
    expect(badName.body.error.fields.file).toBe('Tên tệp chứa ký tự điều khiển không hợp lệ.');
  });

  it('lệnh truongso user create dùng cùng quy tắc: NUL trong họ tên bị từ chối, tên NFD lưu dạng NFC', async () => {
    const before = await count('users');
    await expect(
      createUserFromCli(t.db, { username: 'ht.moi', fullName: `Người${NUL} Mới`, unit: u.schoolA.code }),
    ).rejects.toThrow('--full-name: Họ và tên chứa ký tự điều khiển không hợp lệ.');
    expect(await count('users')).toBe(before);
    await createUserFromCli(t.db, {
      username: 'ht.moi',
      fullName: 'Đỗ Thị Thuỷ'.normalize('NFD'),
      unit: u.schoolA.code,
    });
    const user = await t.db
      .selectFrom('users')
      .select('full_name')
      .where('username', '=', 'ht.moi')
      .executeTakeFirstOrThrow();
    expect(user.full_name).toBe('Đỗ Thị Thuỷ');
  });
});
