import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBody } from '#contracts/questions.ts';
import type { TestApp, TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildDepartment, buildStaff, buildUnit, buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';

const moodleGift = readFileSync(new URL('./formats/__fixtures__/moodle/questions.gift.txt', import.meta.url));

const choice = (stem: string, options = ['1', '2', '3', '4'], correctIndex = 1): QuestionBody => ({
  type: 'single_choice',
  stem,
  options,
  correctIndex,
});

describe.each(STORAGES)('ngân hàng câu hỏi (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  let schoolA2: { id: string };
  const create = (
    client: TestClient,
    unitId: string,
    body: QuestionBody,
    extra: Record<string, unknown> = {},
  ) =>
    client.post('/api/v1/question-bank/questions', { unitId, subjectCode: 'math', grade: 6, body, ...extra });
  const list = (client: TestClient, unitId: string, query = '') =>
    client.get(`/api/v1/question-bank/questions?unitId=${unitId}${query}`);
  const stems = (response: { body: { items: { body: { stem: string } }[] } }) =>
    response.body.items.map((item) => item.body.stem).sort();

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    schoolA2 = await buildUnit(t.db, { parent: u.officeA, level: 'lower_secondary', name: 'Trường THCS A2' });
    const math = await buildDepartment(t.db, { unit: u.schoolA, name: 'Tổ Toán' });
    const literature = await buildDepartment(t.db, { unit: u.schoolA, name: 'Tổ Văn' });
    const staffUser = async (
      username: string,
      role: 'teacher' | 'department_head',
      department?: { id: string },
    ) => {
      const user = await buildUser(t.db, { unit: u.schoolA, username, roles: [{ role }] });
      return buildStaff(t.db, { unit: u.schoolA, user, ...(department ? { department } : {}) });
    };
    await staffUser('gv.toan1', 'teacher', math);
    await staffUser('gv.toan2', 'teacher', math);
    await staffUser('gv.van', 'teacher', literature);
    const mathHead = await staffUser('tt.toan', 'department_head', math);
    await t.db
      .updateTable('departments')
      .set({ head_staff_id: mathHead.id })
      .where('id', '=', math.id)
      .execute();
    await staffUser('tt.van', 'department_head', literature);
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'gv.b', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: schoolA2, username: 'gv.a2', roles: [{ role: 'teacher' }] });
  });
  afterAll(() => t.close());

  it('chia sẻ: riêng tôi / tổ / trường / phòng — mỗi người thấy đúng phần được chia sẻ', async () => {
    const author = await as('gv.toan1');
    for (const [stem, shareLevel] of [
      ['Riêng tư', 'private'],
      ['Cho tổ Toán', 'department'],
      ['Cho cả trường', 'school'],
      ['Cho cả phòng', 'office'],
    ] as const) {
      expect((await create(author, u.schoolA.id, choice(stem), { shareLevel })).status).toBe(201);
    }
    expect(stems(await list(author, u.schoolA.id))).toEqual([
      'Cho cả phòng',
      'Cho cả trường',
      'Cho tổ Toán',
      'Riêng tư',
    ]);
    expect(stems(await list(await as('gv.toan2'), u.schoolA.id))).toEqual([
      'Cho cả phòng',
      'Cho cả trường',
      'Cho tổ Toán',
    ]);
    expect(stems(await list(await as('gv.van'), u.schoolA.id))).toEqual(['Cho cả phòng', 'Cho cả trường']);
    expect(stems(await list(await as('gv.a2'), schoolA2.id))).toEqual(['Cho cả phòng']);
    // A teacher of another office's school can neither list school A's bank nor open its questions.
    const outsider = await as('gv.b');
    expect((await list(outsider, u.schoolA.id)).status).toBe(403);
    const shared = (await list(author, u.schoolA.id, '&q=ca truong')).body.items[0];
    expect((await outsider.get(`/api/v1/question-bank/questions/${shared.id}`)).status).toBe(403);
  });

  it('tìm không dấu, lọc theo mức độ; câu trùng (đảo phương án) được đếm', async () => {
    const author = await as('gv.toan2');
    const stem = 'Hàm số $y = 2x + 1$ có hệ số góc bằng';
    await create(author, u.schoolA.id, choice(stem, ['1', '2', '3', '4']), {
      level: 'know',
      topic: 'Hàm số bậc nhất',
    });
    const twin = await create(
      author,
      u.schoolA.id,
      choice('hàm số  y = 2x+1 có HỆ SỐ GÓC bằng', ['4', '3', '2', '1'], 2),
    );
    expect(twin.body.duplicateCount).toBe(1);
    const found = await list(author, u.schoolA.id, '&q=ham so bac nhat&level=know');
    expect(stems(found)).toEqual([stem]);
  });

  it('sửa theo phiên bản: bản cũ bị từ chối 409; chỉ tác giả được sửa; môn phải có ở khối lớp', async () => {
    const author = await as('gv.toan1');
    const created = await create(author, u.schoolA.id, choice('Sửa theo phiên bản'), {
      shareLevel: 'school',
    });
    const update = {
      subjectCode: 'math',
      grade: 6,
      topic: 'Số tự nhiên',
      body: choice('Đã sửa'),
      shareLevel: 'school',
    };
    const first = await author.put(`/api/v1/question-bank/questions/${created.body.id}`, {
      ...update,
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, topic: 'Số tự nhiên' });
    const stale = await author.put(`/api/v1/question-bank/questions/${created.body.id}`, {
      ...update,
      version: 1,
    });
    expect(stale.status).toBe(409);
    const colleague = await (await as('gv.toan2')).put(`/api/v1/question-bank/questions/${created.body.id}`, {
      ...update,
      version: 2,
    });
    expect(colleague.status).toBe(403);
    const wrongGrade = await create(author, u.schoolA.id, choice('Vật lí lớp 6?'), {
      subjectCode: 'physics',
    });
    expect(wrongGrade.status).toBe(400);
    expect(wrongGrade.body.error.fields.subjectCode).toContain('lớp 6');
  });

  it('duyệt: tác giả gửi, tổ trưởng tổ khác không duyệt được, tổ trưởng của tổ duyệt; trả lại phải có nhận xét', async () => {
    const author = await as('gv.toan1');
    const created = await create(author, u.schoolA.id, choice('Câu cần duyệt'), { shareLevel: 'department' });
    const id = created.body.id;
    const submitted = await author.post(`/api/v1/question-bank/questions/${id}/review`, {
      decision: 'submit',
      version: 1,
    });
    expect(submitted.body.reviewState).toBe('submitted');
    const otherHead = await as('tt.van');
    expect(
      (
        await otherHead.post(`/api/v1/question-bank/questions/${id}/review`, {
          decision: 'approve',
          version: 2,
        })
      ).status,
    ).toBe(404);
    const head = await as('tt.toan');
    const noNote = await head.post(`/api/v1/question-bank/questions/${id}/review`, {
      decision: 'reject',
      version: 2,
    });
    expect(noNote.status).toBe(400);
    const approved = await head.post(`/api/v1/question-bank/questions/${id}/review`, {
      decision: 'approve',
      version: 2,
    });
    expect(approved.body).toMatchObject({ reviewState: 'approved', canReview: false });
    // Changing an approved question's wording sends it back to draft: it must be approved again.
    const edited = await author.put(`/api/v1/question-bank/questions/${id}`, {
      subjectCode: 'math',
      grade: 6,
      body: choice('Câu cần duyệt (sửa)'),
      shareLevel: 'department',
      version: 3,
    });
    expect(edited.body.reviewState).toBe('draft');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'submit', 'approve', 'update']);
  });

  it('nhập tệp GIFT mẫu của Moodle: xem trước, lưu, mỗi câu được ghi nhật ký; xuất ra rồi nhập lại cho cùng câu hỏi', async () => {
    const teacher = await as('gv.van');
    const preview = await teacher.upload(
      `/api/v1/question-bank/imports/preview?unitId=${u.schoolA.id}`,
      'file',
      {
        name: 'moodle.gift.txt',
        content: moodleGift,
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.questions).toHaveLength(8);
    expect(preview.body.problems).toHaveLength(2);
    const committed = await teacher.post('/api/v1/question-bank/imports/commit', {
      unitId: u.schoolA.id,
      subjectCode: 'foreign-language-1',
      grade: 6,
      topic: 'Moodle',
      questions: preview.body.questions.map((question: { body: QuestionBody }) => ({ body: question.body })),
    });
    expect(committed.body).toEqual({ created: 8 });
    const audited = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity', '=', 'question')
      .where('action', '=', 'create')
      .where('after', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBeGreaterThanOrEqual(8);
    const exported = await teacher.get(
      `/api/v1/question-bank/export?unitId=${u.schoolA.id}&format=gift&subjectCode=foreign-language-1&mine=true`,
    );
    expect(exported.headers['content-disposition']).toContain('attachment');
    const again = await teacher.upload(
      `/api/v1/question-bank/imports/preview?unitId=${u.schoolA.id}`,
      'file',
      {
        name: 'xuat.gift.txt',
        content: exported.raw,
      },
    );
    const bodies = (response: { body: { questions: { body: { stem: string } }[] } }) =>
      response.body.questions.map((question) => question.body).sort((a, b) => a.stem.localeCompare(b.stem));
    expect(bodies(again)).toEqual(bodies(preview));
    expect(
      again.body.questions.every((question: { duplicateOf: string | null }) => question.duplicateOf),
    ).toBe(true);
  });

  it('tệp sai định dạng hoặc không phải UTF-8 được từ chối với lời nhắn tiếng Việt, không lưu gì', async () => {
    const teacher = await as('gv.van');
    const exe = await teacher.upload(`/api/v1/question-bank/imports/preview?unitId=${u.schoolA.id}`, 'file', {
      name: 'virus.exe',
      content: Buffer.from('MZ'),
    });
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toContain('.docx');
    const latin1 = await teacher.upload(
      `/api/v1/question-bank/imports/preview?unitId=${u.schoolA.id}`,
      'file',
      {
        name: 'cu.txt',
        content: Buffer.from([0x43, 0xe2, 0x75, 0x20, 0x31, 0x7b, 0x7d]),
      },
    );
    expect(latin1.status).toBe(400);
    expect(latin1.body.error.message).toContain('UTF-8');
  });
});
