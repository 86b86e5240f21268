import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import {
  answers4725,
  buildAssessmentCampaign,
  buildAssessmentPeople,
  buildUser,
  fillAssessment,
} from '../../../../test/factories.ts';
import {
  NATIONAL_OFFICE_CATALOGUE_3806,
  NATIONAL_SCHOOL_CATALOGUE_4725,
} from '../../../domain/dx-index/index.ts';

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(STORAGES)('đợt đánh giá: đoàn đánh giá, nhắc hạn, đánh giá cơ quan quản lý (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let soon: Awaited<ReturnType<typeof buildAssessmentCampaign>>;
  let later: Awaited<ReturnType<typeof buildAssessmentCampaign>>;
  const notificationsOf = async (userId: string, kind: string) =>
    (
      await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await startTestApp(storage);
    w = await buildAssessmentPeople(t.db);
    await buildUser(t.db, { unit: w.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
    soon = await buildAssessmentCampaign(t.db, {
      office: w.officeA,
      units: [w.schoolA],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
      deadlineInDays: 2,
    });
    later = await buildAssessmentCampaign(t.db, {
      office: w.officeB,
      units: [w.schoolB],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
      deadlineInDays: 10,
    });
  });
  afterAll(() => t.close());

  it('mở bảng theo dõi khi hạn nộp còn ≤ 3 ngày tự nhắc hiệu trưởng trường chưa nộp, mỗi ngày một lần', async () => {
    const office = await t.as('phong.a.cv');
    const first = await office.get(`/api/v1/assessment-campaigns/${soon.campaign.id}`);
    expect(first.status).toBe(200);
    expect(first.body.remindersSent).toBe(1);
    expect(first.body.board[0].lateness).toBe('due_soon');
    const second = await (await t.as('phong.a')).get(`/api/v1/assessment-campaigns/${soon.campaign.id}`);
    expect(second.body.remindersSent).toBe(0);
    const manual = await office.post(`/api/v1/assessment-campaigns/${soon.campaign.id}/remind`);
    expect(manual.body).toEqual({ sent: 0, alreadyRemindedToday: 1 });
    expect(await notificationsOf(w.people.principal.id, 'assessment_deadline')).toBe(1);
    expect(await notificationsOf(w.people.teacher.id, 'assessment_deadline')).toBe(0);
    const events = await t.db
      .selectFrom('assessment_events')
      .select('action')
      .where('assessment_id', '=', soon.assessments[0]?.id as string)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['reminded']);
  });

  it('"nhắc hạn" khi hạn còn xa chỉ gửi khi phòng bấm; phòng khác không nhắc được', async () => {
    const office = await t.as('phong.b');
    expect((await office.get(`/api/v1/assessment-campaigns/${later.campaign.id}`)).body.remindersSent).toBe(
      0,
    );
    expect(
      (await (await t.as('phong.a')).post(`/api/v1/assessment-campaigns/${later.campaign.id}/remind`)).status,
    ).toBe(403);
    expect(
      (await (await t.as('ht.b')).post(`/api/v1/assessment-campaigns/${later.campaign.id}/remind`)).status,
    ).toBe(403);
    const res = await office.post(`/api/v1/assessment-campaigns/${later.campaign.id}/remind`);
    expect(res.body).toEqual({ sent: 1, alreadyRemindedToday: 0 });
    expect(await notificationsOf(w.people.principalB.id, 'assessment_deadline')).toBe(1);
  });

  it('gia hạn: phòng đổi ngày của đợt (có nhật ký); ngày sai thứ tự bị từ chối', async () => {
    const office = await t.as('phong.a');
    const body = {
      title: 'Đánh giá chuyển đổi số (gia hạn)',
      selfAssessmentStartsOn: iso(-10),
      submissionDeadline: iso(-1),
      externalStartsOn: iso(0),
      externalEndsOn: iso(20),
      publicationOn: iso(30),
    };
    expect(
      (
        await office.put(`/api/v1/assessment-campaigns/${soon.campaign.id}`, {
          ...body,
          publicationOn: iso(-30),
        })
      ).status,
    ).toBe(400);
    expect(
      (await (await t.as('phong.a.cv')).put(`/api/v1/assessment-campaigns/${soon.campaign.id}`, body)).status,
    ).toBe(403);
    const res = await office.put(`/api/v1/assessment-campaigns/${soon.campaign.id}`, body);
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Đánh giá chuyển đổi số (gia hạn)');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', soon.campaign.id)
      .execute();
    expect(audit.find((a) => a.action === 'update')?.after).toMatchObject({ submission_deadline: iso(-1) });
    const board = await office.get(`/api/v1/assessment-campaigns/${soon.campaign.id}`);
    expect(board.body.board[0].lateness).toBe('late');
    const list = await office.get(`/api/v1/assessment-campaigns?unitId=${w.officeA.id}`);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([soon.campaign.id]);
  });

  it('đoàn đánh giá: một trưởng đoàn, thành viên là người của phòng, đơn vị thuộc đợt; được báo khi trường nộp', async () => {
    const url = `/api/v1/assessment-campaigns/${soon.campaign.id}/teams`;
    const office = await t.as('phong.a');
    const users = await office.get(`/api/v1/assessment-campaigns/${soon.campaign.id}/office-users`);
    expect(users.body.map((u: { username: string }) => u.username).sort()).toEqual(['phong.a', 'phong.a.cv']);
    const team = {
      name: 'Đoàn đánh giá ngoài số 1',
      members: [
        { userId: w.people.officeAdmin.id, role: 'head' },
        { userId: w.people.officeSpecialist.id, role: 'secretary' },
      ],
      unitIds: [w.schoolA.id],
    };
    expect(
      (await office.post(url, { ...team, members: [{ userId: w.people.officeAdmin.id, role: 'member' }] }))
        .status,
    ).toBe(400);
    expect(
      (
        await office.post(url, {
          ...team,
          members: [...team.members, { userId: w.people.officeB.id, role: 'member' }],
        })
      ).status,
    ).toBe(400);
    expect((await office.post(url, { ...team, unitIds: [w.schoolB.id] })).status).toBe(400);
    expect((await (await t.as('phong.a.cv')).post(url, team)).status).toBe(403);
    expect((await (await t.as('phong.b')).post(url, team)).status).toBe(403);
    const created = await office.post(url, team);
    expect(created.status).toBe(201);
    expect(created.body.members.map((m: { role: string }) => m.role)).toEqual(['head', 'secretary']);
    const renamed = await office.put(`/api/v1/assessment-teams/${created.body.id}`, {
      ...team,
      name: 'Đoàn số 1',
    });
    expect(renamed.body).toMatchObject({
      name: 'Đoàn số 1',
      units: [{ unitName: 'Trường THCS Lê Quý Đôn' }],
    });
    expect(
      (await (await t.as('phong.b')).put(`/api/v1/assessment-teams/${created.body.id}`, team)).status,
    ).toBe(403);
    const board = await office.get(`/api/v1/assessment-campaigns/${soon.campaign.id}`);
    expect(board.body.board[0].teamName).toBe('Đoàn số 1');

    const assessment = soon.assessments[0] as { id: string; unit_id: string };
    await fillAssessment(t.db, assessment, answers4725());
    const principal = await t.as('ht.a');
    await principal.post(`/api/v1/assessments/${assessment.id}/approve`, {});
    expect((await principal.post(`/api/v1/assessments/${assessment.id}/submit`, {})).status).toBe(200);
    expect(await notificationsOf(w.people.officeSpecialist.id, 'assessment_submitted')).toBe(1);

    expect((await office.delete(`/api/v1/assessment-teams/${created.body.id}`)).status).toBe(204);
    expect((await office.get(url)).body).toEqual([]);
  });

  it('QĐ 3806: sở đánh giá các phòng; phòng tự đánh giá chính mình, sở không sửa hộ được', async () => {
    const province = await t.as('so.admin');
    const created = await province.post('/api/v1/assessment-campaigns', {
      unitId: w.province.id,
      catalogueCode: NATIONAL_OFFICE_CATALOGUE_3806.code,
      catalogueVersion: NATIONAL_OFFICE_CATALOGUE_3806.version,
      schoolYear: '2025-2026',
      title: 'Đánh giá chuyển đổi số các phòng GD&ĐT',
      selfAssessmentStartsOn: iso(-1),
      submissionDeadline: iso(20),
      externalStartsOn: iso(21),
      externalEndsOn: iso(40),
      publicationOn: iso(50),
    });
    expect(created.status).toBe(201);
    expect(created.body.units).toBe(2);
    const mine = await (await t.as('phong.a')).get(`/api/v1/assessments?unitId=${w.officeA.id}`);
    expect(mine.body.map((a: { campaignTitle: string }) => a.campaignTitle)).toEqual([
      'Đánh giá chuyển đổi số các phòng GD&ĐT',
    ]);
    const id = mine.body[0].id;
    const firstItem = NATIONAL_OFFICE_CATALOGUE_3806.groups[0]?.items[0]?.id as string;
    expect(
      (
        await (
          await t.as('phong.a')
        ).put(`/api/v1/assessments/${id}/items/${firstItem}`, { answer: { met: true }, version: 0 })
      ).status,
    ).toBe(200);
    expect(
      (
        await province.put(`/api/v1/assessments/${id}/items/${firstItem}`, {
          answer: { met: false },
          version: 0,
        })
      ).status,
    ).toBe(403);
    expect((await province.get(`/api/v1/assessments/${id}`)).body.can.editItems).toEqual([]);
    expect((await (await t.as('phong.b')).get(`/api/v1/assessments/${id}`)).status).toBe(403);
  });
});
