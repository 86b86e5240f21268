import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB, Row } from '../src/platform/db/schema.ts';
import type { TestApp, TestClient } from './app.ts';

/**
 * Everything a school reads about a finished year, as the principal reads it: the class list, each class's
 * members, results (year and term II) and học bạ list, the school summary and the promotion list. Taken before and
 * after the rollover (issue 11 §1: the finished year reads the same).
 */
export async function readFinishedYear<K extends string>(
  principal: TestClient,
  spec: { unitId: string; schoolYear: string; classes: Record<K, Row<'classes'>> },
) {
  const get = async (url: string) => {
    const res = await principal.get(url);
    expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const unit = `unitId=${spec.unitId}&schoolYear=${spec.schoolYear}`;
  const perClass = async (cls: Row<'classes'>) => {
    const detail = await get(`/api/v1/classes/${cls.id}`);
    return {
      // The student's status is today's (a graduate reads "Đã tốt nghiệp"); who was in the class is history.
      students: detail.students.map(({ status: _, ...s }: { status: string }) => s),
      studentCount: detail.studentCount,
      results: await get(`/api/v1/results/classes/${cls.id}?term=0`),
      term2: await get(`/api/v1/results/classes/${cls.id}?term=2`),
      transcripts: await get(`/api/v1/classes/${cls.id}/transcripts`),
    };
  };
  const classes = {} as Record<K, Awaited<ReturnType<typeof perClass>>>;
  for (const [key, cls] of Object.entries(spec.classes) as [K, Row<'classes'>][]) {
    classes[key] = await perClass(cls);
  }
  return {
    classList: await get(`/api/v1/classes?${unit}`),
    ...classes,
    summary: await get(`/api/v1/results/summary?${unit}&term=0`),
    promotionList: await get(`/api/v1/results/promotion-list?${unit}`),
  };
}

/** Queues a job through the API, waits for the runner, and returns its result (failing on a failed job). */
export async function runJob(t: TestApp, client: TestClient, url: string, body: unknown) {
  const res = await client.post(url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await t.jobs.idle();
  const job = await client.get(`/api/v1/jobs/${res.body.jobId}`);
  expect(job.body.status, JSON.stringify(job.body.error)).toBe('succeeded');
  return job.body.result;
}

/**
 * The stored học bạ, results and TT27 periodic evaluations of a finished year, row by row, in a fixed order: taken
 * before and after the rollover, they must be equal (issue 11 §1).
 */
export async function storedYear(db: Kysely<DB>, schoolYear: string) {
  return {
    transcripts: await db
      .selectFrom('transcripts')
      .select(['student_id', 'version', 'status', 'snapshot', 'approved_at'])
      .where('school_year', '=', schoolYear)
      .orderBy(['student_id', 'version'])
      .execute(),
    results: await db
      .selectFrom('student_results')
      .selectAll()
      .where('school_year', '=', schoolYear)
      .orderBy(['student_id', 'term'])
      .execute(),
    subjectResults: await db
      .selectFrom('subject_year_results')
      .selectAll()
      .where('school_year', '=', schoolYear)
      .orderBy(['student_id', 'subject_code'])
      .execute(),
    primaryEvaluations: await db
      .selectFrom('primary_evaluations')
      .selectAll()
      .where('school_year', '=', schoolYear)
      .orderBy(['student_id', 'checkpoint', 'aspect'])
      .execute(),
  };
}
