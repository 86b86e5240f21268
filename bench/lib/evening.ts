import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import pino from 'pino';
import { subjectsForGrade } from '../../src/domain/curriculum/index.ts';
import { foldVietnamese } from '../../src/domain/text/index.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { buildServer } from '../../src/server.ts';

/**
 * The evening before the score deadline (issue 10 §3), on a database the demo seed filled: teachers saving their
 * class's score grid every few seconds, guardians reading their child's contact book, and browsers arriving. The
 * users are created here: one teacher per grid (a new account on the school's staff, assigned to teach that subject
 * in that class) and one guardian per child (a new account linked to the student), each with a session made
 * directly (no password hashing in the measured window). The browsers run in a child process
 * (evening-load.mjs), so they do not share the server's event loop.
 */

export interface EveningPlan {
  teachers: number;
  guardians: number;
  seconds: number;
  saveEveryMs: number;
  readEveryMs: number;
  connectEveryMs: number;
}

interface Session {
  token: string;
  csrf: string;
}

export interface EveningUsers {
  teachers: { gridPath: string; session: Session; rows: number }[];
  guardians: { studentId: string; session: Session }[];
}

/** Creates the evening's teachers (with their assignments) and guardians in the largest secondary school. */
export async function createEveningUsers(database: Database, plan: EveningPlan): Promise<EveningUsers> {
  const db = database.db;
  const school = await db
    .selectFrom('classes')
    .select(['unit_id', 'school_year'])
    .where('grade', '>=', 6)
    .groupBy(['unit_id', 'school_year'])
    .orderBy('school_year', 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .executeTakeFirstOrThrow();
  // The largest classes, two graded subjects each (more if the school has too few classes): one grid per teacher.
  const classes = await db
    .selectFrom('classes as c')
    .innerJoin('enrolments as e', (join) => join.onRef('e.class_id', '=', 'c.id').on('e.left_on', 'is', null))
    .select(['c.id', 'c.grade', sql<number>`count(*)::int`.as('size')])
    .where('c.unit_id', '=', school.unit_id)
    .where('c.school_year', '=', school.school_year)
    .where('c.grade', '>=', 6)
    .groupBy(['c.id', 'c.grade'])
    .orderBy(sql`count(*)`, 'desc')
    .limit(Math.ceil(plan.teachers / 2))
    .execute();
  const gridsPerClass = Math.ceil(plan.teachers / Math.max(1, classes.length));
  const grids = classes
    .flatMap((c) =>
      subjectsForGrade(c.grade)
        .filter((s) => (s.assessment ?? 'score') === 'score')
        .slice(0, gridsPerClass)
        .map((s) => ({ cls: c, subject: s })),
    )
    .slice(0, plan.teachers);
  for (const c of classes) await fillClass(db, school, c, GRID_ROWS);

  const user = async (username: string, fullName: string, role: 'teacher' | 'guardian') => {
    const row = await db
      .insertInto('users')
      .values({ unit_id: school.unit_id, username, full_name: fullName, password_hash: 'bench: no password' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_assignments')
      .values({ user_id: row.id, role, unit_id: school.unit_id })
      .execute();
    const session = await createSession(db, row.id, {});
    return { id: row.id, session: { token: session.token, csrf: session.csrfToken } };
  };

  const teachers: EveningUsers['teachers'] = [];
  for (const [i, grid] of grids.entries()) {
    const fullName = `Giáo Viên Đo ${i + 1}`;
    const account = await user(`bench.gv${i + 1}`, fullName, 'teacher');
    const staff = await db
      .insertInto('staff')
      .values({
        unit_id: school.unit_id,
        full_name: fullName,
        search_text: foldVietnamese(fullName),
        position: 'teacher',
        main_subject: grid.subject.code,
        qualification: 'bachelor',
        employment_status: 'official',
        user_id: account.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .deleteFrom('teaching_assignments')
      .where('unit_id', '=', school.unit_id)
      .where('class_id', '=', grid.cls.id)
      .where('subject_code', '=', grid.subject.code)
      .execute();
    await db
      .insertInto('teaching_assignments')
      .values({
        unit_id: school.unit_id,
        school_year: school.school_year,
        class_id: grid.cls.id,
        subject_code: grid.subject.code,
        teacher_id: staff.id,
        periods_per_year: grid.subject.periodsPerYear,
      })
      .execute();
    teachers.push({
      gridPath: `/api/v1/gradebook/classes/${grid.cls.id}/subjects/${grid.subject.code}/terms/1`,
      session: account.session,
      rows: Math.max(grid.cls.size, GRID_ROWS),
    });
  }
  // The entry window is open: no lock, no past deadline on the term the teachers save.
  await db
    .deleteFrom('gradebook_terms')
    .where('unit_id', '=', school.unit_id)
    .where('school_year', '=', school.school_year)
    .where('term', '=', 1)
    .execute();

  const children = await db
    .selectFrom('enrolments')
    .select('student_id')
    .where('unit_id', '=', school.unit_id)
    .where('school_year', '=', school.school_year)
    .where('left_on', 'is', null)
    .orderBy('student_id')
    .limit(plan.guardians)
    .execute();
  const guardians: EveningUsers['guardians'] = [];
  for (const [i, child] of children.entries()) {
    const fullName = `Phụ Huynh Đo ${i + 1}`;
    const account = await user(`bench.ph${i + 1}`, fullName, 'guardian');
    await db
      .insertInto('student_guardians')
      .values({
        unit_id: school.unit_id,
        student_id: child.student_id,
        full_name: fullName,
        relationship: 'father',
        user_id: account.id,
      })
      .execute();
    guardians.push({ studentId: child.student_id, session: account.session });
  }
  return { teachers, guardians };
}

/** The demo's classes hold 35–45 students; the evening's grids have this many rows (the bench adds students). */
const GRID_ROWS = 45;

/** Enrols new students in the class until it has `size`. */
async function fillClass(
  db: Database['db'],
  school: { unit_id: string; school_year: string },
  cls: { id: string; size: number },
  size: number,
) {
  const missing = size - cls.size;
  if (missing <= 0) return;
  const students = await db
    .insertInto('students')
    .values(
      Array.from({ length: missing }, (_, i) => {
        const fullName = `Trần Văn Đo ${cls.id.slice(0, 4)}${i}`;
        return {
          unit_id: school.unit_id,
          full_name: fullName,
          search_text: foldVietnamese(fullName),
          birth_date: '2012-05-01',
          gender: 'male' as const,
          policy_flags: [],
          status_since: '2025-09-05',
        };
      }),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('enrolments')
    .values(
      students.map((s) => ({
        unit_id: school.unit_id,
        class_id: cls.id,
        student_id: s.id,
        school_year: school.school_year,
        enrolled_on: '2025-09-05',
      })),
    )
    .execute();
}

export interface EveningFigures {
  saves: number[];
  reads: number[];
  accepts: number[];
  /** [kind, seconds into the window when asked, ms] of answers slower than a second. */
  slow: [string, number, number][];
  errors: Record<string, { count: number; sample: string }>;
}

/** Serves the database over HTTP on a free port and runs the evening's browsers against it for `plan.seconds`. */
export async function runEvening(
  database: Database,
  users: EveningUsers,
  plan: EveningPlan,
): Promise<EveningFigures> {
  const { app, jobs } = await buildServer({
    db: database.db,
    log: pino({ level: 'silent' }),
    jobWorkers: 1,
    logger: false,
  });
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const load = spawn(process.execPath, [new URL('./evening-load.mjs', import.meta.url).pathname], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    load.stdout.setEncoding('utf8');
    load.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => load.once('exit', resolve));
    load.stdin.end(
      JSON.stringify({
        ...plan,
        baseUrl,
        teacherCount: users.teachers.length,
        guardianCount: users.guardians.length,
        teachers: users.teachers,
        guardians: users.guardians,
      }),
    );
    const code = await exited;
    if (code !== 0) throw new Error(`the evening's browsers exited with code ${code}`);
    return JSON.parse(output) as EveningFigures;
  } finally {
    await app.close();
    await jobs.stop();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

/** p50 / p99 / max of each measured kind, one column per run, and the errors seen. */
export function printEvening(
  plan: EveningPlan,
  users: EveningUsers,
  runs: { label: string; figures: EveningFigures }[],
) {
  const rows = users.teachers.map((t) => t.rows);
  console.log(
    `\nThe evening before the score deadline: ${users.teachers.length} teachers saving ${Math.min(...rows)}–${Math.max(...rows)}-row grids every ${plan.saveEveryMs / 1000} s, ${users.guardians.length} guardians reading the contact book every ${plan.readEveryMs / 1000} s, a new connection every ${plan.connectEveryMs} ms, for ${plan.seconds} s`,
  );
  const kinds = [
    ['grid save', 'saves', 1000],
    ['contact-book read', 'reads', 500],
    ['new connection answered', 'accepts', 200],
  ] as const;
  const width = Math.max(...runs.map((r) => r.label.length), 24);
  console.log(
    `  ${'ms (p50 / p99 / max, count)'.padEnd(44)}${runs.map((r) => r.label.padEnd(width + 2)).join('')}`,
  );
  for (const [name, key, goal] of kinds) {
    const cells = runs.map((r) => {
      const sorted = [...r.figures[key]].sort((a, b) => a - b);
      const f = (p: number) => percentile(sorted, p).toFixed(0);
      return `${f(50)} / ${f(99)} / ${(sorted.at(-1) ?? Number.NaN).toFixed(0)} (${sorted.length})`.padEnd(
        width + 2,
      );
    });
    console.log(`  ${`${name} (goal p99 < ${goal})`.padEnd(44)}${cells.join('')}`);
  }
  for (const r of runs) {
    if (process.env.BENCH_SLOW && r.figures.slow.length > 0) {
      console.log(
        `  ${r.label}, answers over 1 s (kind@second:ms): ${r.figures.slow.map(([k, at, ms]) => `${k}@${at}:${ms}`).join(' ')}`,
      );
    }
    for (const [kind, e] of Object.entries(r.figures.errors)) {
      console.log(`  ${r.label}: ${e.count} × ${kind}: ${e.sample}`);
    }
  }
}
