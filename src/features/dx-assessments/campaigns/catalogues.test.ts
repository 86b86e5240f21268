import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import { buildAssessmentPeople, buildUser } from '../../../../test/factories.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../../domain/dx-index/index.ts';
import { CRITERIA_SHEET, META_SHEET } from './catalogue-files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function loadWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** Sets the value (column B) of a key of the "Thông tin" sheet. */
function setMeta(workbook: ExcelJS.Workbook, key: string, value: string) {
  workbook.getWorksheet(META_SHEET)?.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
}

/** The sheet row (1-based) declaring a criterion or sub-criterion. */
function rowOf(sheet: ExcelJS.Worksheet, itemId: string, subItemId = ''): ExcelJS.Row {
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const itemColumn = header.indexOf('item_id');
  const subColumn = header.indexOf('sub_item_id');
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(itemColumn).value === itemId && String(row.getCell(subColumn).value ?? '') === subItemId)
      return row;
  }
  throw new Error(`row ${itemId} ${subItemId} not found`);
}

function cell(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, column: string) {
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  return row.getCell(header.indexOf(column));
}

describe.each(STORAGES)('bộ tiêu chí: mặc định quốc gia và phiên bản của sở (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let template: Buffer;
  const catalogueCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('assessment_catalogues')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(storage);
    w = await buildAssessmentPeople(t.db);
    await buildUser(t.db, { unit: w.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
  });
  afterAll(() => t.close());

  it('phòng thấy hai bộ mặc định quốc gia (QĐ 4725, QĐ 3806) với số dòng cần kiểm tra; trường không xem được', async () => {
    const res = await (await t.as('phong.a')).get(`/api/v1/assessment-catalogues?unitId=${w.officeA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((c: { code: string; source: string }) => [c.code, c.source])).toEqual([
      ['dx-school-national-4725', 'national'],
      ['dx-office-national-3806', 'national'],
    ]);
    expect(res.body[0].rowsToVerify).toBeGreaterThan(0);
    expect(res.body[0].rowsToVerify).toBeLessThan(res.body[0].rows);
    const detail = await (await t.as('phong.a')).get(
      `/api/v1/assessment-catalogues/${res.body[0].code}/${res.body[0].version}?unitId=${w.officeA.id}`,
    );
    expect(detail.body.content.groups[0].items[0]).toMatchObject({ id: 'I.1', status: 'confirmed' });
    expect(
      (await (await t.as('ht.a')).get(`/api/v1/assessment-catalogues?unitId=${w.schoolA.id}`)).status,
    ).toBe(403);
    expect(
      (await (await t.as('phong.b')).get(`/api/v1/assessment-catalogues?unitId=${w.officeA.id}`)).status,
    ).toBe(403);
  });

  it('mẫu .xlsx là bộ quốc gia theo bố cục dòng, có trang thông tin', async () => {
    const res = await (await t.as('so.admin')).get(
      `/api/v1/assessment-catalogues/template.xlsx?unitId=${w.province.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    template = res.raw;
    const workbook = await loadWorkbook(template);
    const sheet = workbook.getWorksheet(CRITERIA_SHEET) as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'group_id',
      'group_title',
      'group_max_points',
    ]);
    expect(cell(sheet, rowOf(sheet, 'I.3', 'I.3.1'), 'sub_item_max').value).toBe(6);
    expect(cell(sheet, rowOf(sheet, 'I.4'), 'status').value).toBe('to_verify');
  });

  it('tệp sai: báo lỗi tiếng Việt theo dòng và cột, không lưu gì', async () => {
    const before = await catalogueCount();
    const workbook = await loadWorkbook(template);
    setMeta(workbook, 'version', '2025.1');
    const sheet = workbook.getWorksheet(CRITERIA_SHEET) as ExcelJS.Worksheet;
    const maxRow = rowOf(sheet, 'I.4');
    cell(sheet, maxRow, 'max_points').value = 'mười';
    const kindRow = rowOf(sheet, 'II.4');
    cell(sheet, kindRow, 'kind').value = 'tuỳ chọn';
    const client = await t.as('so.admin');
    const res = await client.upload(`/api/v1/assessment-catalogues/import?unitId=${w.province.id}`, 'file', {
      name: 'bo-tieu-chi.xlsx',
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
      type: XLSX,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('chưa có gì được lưu');
    const issues = res.body.error.details.issues as { row: number; column: string; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: maxRow.number,
          column: 'max_points',
          message: expect.stringContaining('không phải là số'),
        }),
        expect.objectContaining({
          row: kindRow.number,
          column: 'kind',
          message: expect.stringContaining('loại tiêu chí'),
        }),
      ]),
    );
    expect(issues[0]?.message).toMatch(/^Trang Tiêu chí, dòng \d+, cột/);
    expect(await catalogueCount()).toBe(before);

    const notExcel = await client.upload(
      `/api/v1/assessment-catalogues/import?unitId=${w.province.id}`,
      'file',
      {
        name: 'ghi-chu.xlsx',
        content: Buffer.from('không phải excel'),
      },
    );
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.error.code).toBe('unreadable_file');
  });

  it('sở nhập phiên bản sửa đổi (.xlsx): phòng bên dưới thấy và dùng được; trùng phiên bản bị từ chối', async () => {
    const workbook = await loadWorkbook(template);
    setMeta(workbook, 'version', '2025.1');
    setMeta(workbook, 'title', 'Bộ chỉ số chuyển đổi số (hướng dẫn của Sở)');
    const sheet = workbook.getWorksheet(CRITERIA_SHEET) as ExcelJS.Worksheet;
    cell(sheet, rowOf(sheet, 'I.4'), 'status').value = 'confirmed';
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = (username: string, unitId: string) =>
      t.as(username).then((c) =>
        c.upload(`/api/v1/assessment-catalogues/import?unitId=${unitId}`, 'file', {
          name: 'bo.xlsx',
          content,
          type: XLSX,
        }),
      );
    expect((await upload('phong.a.cv', w.officeA.id)).status).toBe(403);
    expect((await upload('ht.a', w.schoolA.id)).status).toBe(403);
    expect((await upload('phong.a', w.province.id)).status).toBe(403);
    const res = await upload('so.admin', w.province.id);
    expect(res.status).toBe(201);
    expect(res.body.catalogue).toMatchObject({
      version: '2025.1',
      source: 'imported',
      publishedByUnitName: 'Sở GD&ĐT Thử nghiệm',
    });
    expect(res.body.warnings.some((x: { message: string }) => x.message.includes('Nhóm II'))).toBe(true);
    expect((await upload('so.admin', w.province.id)).status).toBe(409);

    const seen = await (await t.as('phong.a')).get(`/api/v1/assessment-catalogues?unitId=${w.officeA.id}`);
    expect(seen.body.map((c: { version: string }) => c.version)).toContain('2025.1');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'assessment_catalogue')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import']);
  });

  it('nhập JSON: lỗi chỉ rõ vị trí; bộ hợp lệ được lưu', async () => {
    const client = await t.as('so.admin');
    const bad = {
      ...NATIONAL_SCHOOL_CATALOGUE_4725,
      version: 'json.1',
      groups: [{ id: 'I', title: 'Nhóm I', maxPoints: -5, items: [] }],
    };
    const res = await client.upload(`/api/v1/assessment-catalogues/import?unitId=${w.province.id}`, 'file', {
      name: 'bo.json',
      content: Buffer.from(JSON.stringify(bad)),
      type: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].message).toContain('Nhóm I');
    const good = await client.upload(`/api/v1/assessment-catalogues/import?unitId=${w.province.id}`, 'file', {
      name: 'bo.json',
      content: Buffer.from(JSON.stringify({ ...NATIONAL_SCHOOL_CATALOGUE_4725, version: 'json.1' })),
      type: 'application/json',
    });
    expect(good.status).toBe(201);
    const broken = await client.upload(
      `/api/v1/assessment-catalogues/import?unitId=${w.province.id}`,
      'file',
      {
        name: 'bo.json',
        content: Buffer.from('{ "code": '),
        type: 'application/json',
      },
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('unreadable_file');
  });
});
