import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { publishEvents } from '../../platform/notifications/publish.ts';
import { deliveryReport, familyDelivery } from '../../platform/notifications/report.ts';
import { classMembers } from '../roster/queries.ts';
import { listMyStudents } from '../students/mine.ts';
import { guardiansOf } from '../students/queries.ts';
import { classRole, requireClassReader } from '../transcripts/class-access.ts';
import { userNames } from '../transcripts/queries.ts';

/**
 * Guardians with an account, per active student of the class (the note's recipients); with `studentIds`, only
 * those students' guardians (a note to chosen students).
 */
async function recipientsOf(
  ctx: ServiceContext,
  unitId: string,
  classId: string,
  studentIds: readonly string[] | null = null,
) {
  const members = await classMembers(ctx.db, unitId, classId);
  const students = studentIds ? members.filter((m) => studentIds.includes(m.student_id)) : members;
  const recipients: { userId: string; guardianName: string; studentId: string; studentName: string }[] = [];
  for (const s of students) {
    for (const g of await guardiansOf(ctx.db, unitId, s.student_id)) {
      if (g.user_id)
        recipients.push({
          userId: g.user_id,
          guardianName: g.full_name,
          studentId: s.student_id,
          studentName: s.full_name,
        });
    }
  }
  return recipients.sort((a, b) => compareVietnameseNames(a.studentName, b.studentName));
}

/**
 * A teacher of the class (homeroom or teaching a subject in it) writes to its families: the whole class, or the
 * families of chosen students (`studentIds`, each a current member of the class).
 */
export async function postNote(
  ctx: ServiceContext,
  classId: string,
  input: { title: string; body: string; studentIds?: string[] },
) {
  const role = await classRole(ctx, classId);
  if (!role.homeroom && !role.teaches) {
    throw forbidden('Chỉ giáo viên chủ nhiệm hoặc giáo viên dạy lớp mới gửi được lời nhắn cho phụ huynh.');
  }
  const { cls } = role;
  const chosen = input.studentIds?.length ? [...new Set(input.studentIds)] : null;
  if (chosen) await requireMembers(ctx, cls, input.studentIds ?? []);
  const recipients = await recipientsOf(ctx, cls.unit_id, cls.id, chosen);
  return inTransaction(ctx, async (trx) => {
    const note = await trx.db
      .insertInto('class_notes')
      .values({
        unit_id: cls.unit_id,
        class_id: cls.id,
        author_user_id: ctx.actor.userId,
        title: input.title.trim(),
        body: input.body.trim(),
        student_ids: chosen,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: cls.unit_id,
      entity: 'class_note',
      entityId: note.id,
      action: 'create',
      after: { classId: cls.id, title: note.title, studentIds: chosen, recipients: recipients.length },
    });
    // Every family of the class (or of the chosen students): the bell, and e-mail/push/ZNS/SMS as configured; families with no way to be
    // reached are recorded too, so the note's delivery report names them.
    const students = chosen ? null : await classMembers(trx.db, cls.unit_id, cls.id);
    await publishEvents(trx.db, [
      {
        unitId: cls.unit_id,
        kind: 'class_note',
        dedupeKey: note.id,
        subjectId: note.id,
        title: `Lớp ${cls.name}: ${note.title}`,
        body: note.body.slice(0, 200),
        link: `/contact-book?note=${note.id}`,
        createdBy: ctx.actor.userId,
        studentIds: chosen ?? (students ?? []).map((s) => s.student_id),
      },
    ]);
    return { id: note.id, recipients: recipients.length };
  });
}

/** The class's notes for its teachers, each with who acknowledged and who has not yet. */
export async function classNotes(ctx: ServiceContext, classId: string) {
  const { cls } = await requireClassReader(ctx, classId);
  const notes = await ctx.db
    .selectFrom('class_notes')
    .selectAll()
    .where('unit_id', '=', cls.unit_id)
    .where('class_id', '=', cls.id)
    .orderBy('created_at', 'desc')
    .execute();
  const acks = notes.length
    ? await ctx.db
        .selectFrom('class_note_acks')
        .select(['note_id', 'user_id', 'acknowledged_at'])
        .where('unit_id', '=', cls.unit_id)
        .where(
          'note_id',
          'in',
          notes.map((n) => n.id),
        )
        .execute()
    : [];
  const everyone = await recipientsOf(ctx, cls.unit_id, cls.id);
  const delivery = await familyDelivery(
    ctx.db,
    cls.unit_id,
    'class_note',
    notes.map((n) => n.id),
  );
  const names = await studentNames(ctx, cls.unit_id, cls.id);
  const authors = await userNames(
    ctx.db,
    notes.map((n) => n.author_user_id),
  );
  return notes.map((n) => {
    const acked = new Map(acks.filter((a) => a.note_id === n.id).map((a) => [a.user_id, a.acknowledged_at]));
    // A note to chosen students reached only their families.
    const chosen = n.student_ids ? new Set(n.student_ids) : null;
    const recipients = chosen ? everyone.filter((r) => chosen.has(r.studentId)) : everyone;
    return {
      id: n.id,
      title: n.title,
      body: n.body,
      authorName: authors.get(n.author_user_id) ?? null,
      createdAt: n.created_at.toISOString(),
      wholeClass: n.student_ids === null,
      acknowledged: recipients.filter((r) => acked.has(r.userId)).length,
      recipients: recipients.map((r) => ({
        guardianName: r.guardianName,
        studentName: r.studentName,
        acknowledgedAt: acked.get(r.userId)?.toISOString() ?? null,
      })),
      delivery: deliveryReport(delivery.get(n.id) ?? [], names),
    };
  });
}

/** Names of the class's students, and of those who left since (a note's report still names them). */
async function studentNames(ctx: ServiceContext, unitId: string, classId: string) {
  const rows = await ctx.db
    .selectFrom('enrolments as en')
    .innerJoin('students as s', 's.id', 'en.student_id')
    .select(['s.id', 's.full_name'])
    .where('en.unit_id', '=', unitId)
    .where('en.class_id', '=', classId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** A guardian (or the student) acknowledges a note of their child's class; doing it twice keeps the first time. */
export async function acknowledgeNote(ctx: ServiceContext, noteId: string) {
  const note = await ctx.db
    // scope: loaded by id; the caller must be a family of a student in the note's class (checked below).
    .selectFrom('class_notes')
    .select(['id', 'unit_id', 'class_id', 'student_ids'])
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!note) throw notFound('lời nhắn');
  const mine = new Set((await listMyStudents(ctx)).map((s) => s.id));
  const inClass = (await classMembers(ctx.db, note.unit_id, note.class_id)).some(
    (s) => mine.has(s.student_id) && (note.student_ids === null || note.student_ids.includes(s.student_id)),
  );
  if (!inClass) throw forbidden();
  return inTransaction(ctx, async (trx) => {
    const inserted = await trx.db
      .insertInto('class_note_acks')
      .values({ unit_id: note.unit_id, note_id: note.id, user_id: ctx.actor.userId })
      .onConflict((oc) => oc.columns(['note_id', 'user_id']).doNothing())
      .returning('acknowledged_at')
      .executeTakeFirst();
    if (inserted) {
      await audit(trx, {
        unitId: note.unit_id,
        entity: 'class_note',
        entityId: note.id,
        action: 'acknowledge',
      });
      return { acknowledgedAt: inserted.acknowledged_at.toISOString() };
    }
    const existing = await trx.db
      .selectFrom('class_note_acks')
      .select('acknowledged_at')
      .where('unit_id', '=', note.unit_id)
      .where('note_id', '=', note.id)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    return { acknowledgedAt: existing.acknowledged_at.toISOString() };
  });
}

/** Every chosen student must be a current member of the class; the error names the first one that is not. */
async function requireMembers(
  ctx: ServiceContext,
  cls: { unit_id: string; id: string; name: string },
  ids: string[],
) {
  const members = new Set((await classMembers(ctx.db, cls.unit_id, cls.id)).map((m) => m.student_id));
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!members.has(id)) fields[`studentIds.${i}`] = `Học sinh thứ ${i + 1} không thuộc lớp ${cls.name}.`;
  });
  if (Object.keys(fields).length > 0)
    throw new AppError('validation_failed', 'Danh sách học sinh nhận có em không thuộc lớp.', fields);
}
