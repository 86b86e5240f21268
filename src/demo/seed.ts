import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { DB } from '../platform/db/schema.ts';
import { RowBatcher } from './batcher.ts';
import { createGenerator } from './context.ts';
import { seedDxCampaigns } from './dx-campaigns.ts';
import { DEMO_PASSWORD, hasAnyUnit } from './logins.ts';
import { addDemoProvince } from './organisation.ts';
import { addProvinceSchools } from './province.ts';
import type { SeedTable } from './tables.ts';
import { unnestWriter } from './unnest-writer.ts';

export interface SeedOptions {
  /** Same seed, same data (names, numbers, ids). Default 1. */
  seed?: number;
  /** Scale to a province: add generated schools until about this many students attend in total. */
  students?: number;
  /** Rows buffered before a batch is written. */
  batchRows?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Delete all existing data first, in the same transaction (a failed seed leaves the old data in place). */
  reset?: boolean;
}

export interface SeedProgress {
  attending: number;
  target: number;
  schools: number;
  rows: number;
  elapsedMs: number;
}

export interface SeedSummary {
  seed: number;
  schools: number;
  /** Students attending in 2025-2026 (graduates and leavers are extra records). */
  attending: number;
  rows: Record<SeedTable, number>;
  totalRows: number;
  elapsedMs: number;
  provinceId: string;
}

/**
 * Creates the demo data in one transaction: the demo province with one account per role (password
 * `truongso-demo`), and with `students` set, generated schools up to that many students. Refuses a database that
 * already holds units, so it can never mix demo people into real records.
 */
export async function seedDemo(db: Kysely<DB>, options: SeedOptions = {}): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    if (options.reset) await deleteAllData(trx);
    if (await hasAnyUnit(trx)) {
      throw new Error(
        'Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ được tạo trên cơ sở dữ liệu trống (dùng --reset để xoá và tạo lại).',
      );
    }
    const summary = await generateDemo(
      new RowBatcher(unnestWriter(trx), options.batchRows),
      passwordHash,
      options,
    );
    await appointDepartmentHeads(trx);
    await seedDxCampaigns(trx, summary.provinceId, summary.seed);
    await trx
      .insertInto('audit_log')
      .values({
        unit_id: summary.provinceId,
        entity: 'demo_data',
        action: 'seed',
        after: JSON.stringify({ seed: summary.seed, schools: summary.schools, students: summary.attending }),
      })
      .execute();
    return summary;
  });
}

/** Runs the generator into any batcher (the seed benchmark gives it one that writes with COPY). */
export async function generateDemo(
  out: RowBatcher,
  passwordHash: string,
  options: Pick<SeedOptions, 'seed' | 'students' | 'onProgress'> = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const g = createGenerator(seed, out, passwordHash);
  const demo = addDemoProvince(g);
  await out.checkpoint();
  const target = Math.max(0, (options.students ?? 0) - demo.attending);
  const bulk = await addProvinceSchools(g, demo.province, target, (p) =>
    options.onProgress?.({
      attending: demo.attending + p.attending,
      target: options.students ?? 0,
      schools: demo.schools + p.schools,
      rows: out.totalRows,
      elapsedMs: performance.now() - started,
    }),
  );
  await out.finish();
  return {
    seed,
    schools: demo.schools + bulk.schools,
    attending: demo.attending + bulk.attending,
    rows: { ...out.counts },
    totalRows: out.totalRows,
    elapsedMs: performance.now() - started,
    provinceId: demo.province.id,
  };
}

/**
 * Each department's head (tổ trưởng): the member whose account holds department_head at the school, else its
 * longest-serving teacher. Set after the staff exist, since heads and departments reference each other.
 */
async function appointDepartmentHeads(db: Kysely<DB>): Promise<void> {
  await sql`
    update departments d set head_staff_id = pick.staff_id
    from (
      select distinct on (s.department_id) s.department_id, s.id as staff_id
      from staff s
      left join role_assignments ra
        on ra.user_id = s.user_id and ra.unit_id = s.unit_id and ra.role = 'department_head'
      where s.department_id is not null and s.position = 'teacher'
      order by s.department_id, (ra.id is null), s.start_date nulls last, s.id
    ) pick
    where pick.department_id = d.id`.execute(db);
}

/**
 * Deletes every unit and everything that belongs to one — people, accounts, sessions, logs — by truncating units
 * with CASCADE, which follows the foreign keys; reference data written by migrations (unit kinds) stays.
 */
async function deleteAllData(db: Kysely<DB>): Promise<void> {
  await sql`truncate table units cascade`.execute(db);
}
