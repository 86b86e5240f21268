import { type Kysely, sql } from 'kysely';

// Deadline reminders are sent at most once a day per assessment: a conditional update of last_reminded_on
// claims the day, so two office users opening the campaign board at once do not both notify the principal.
// An office runs one campaign per catalogue version and school year. A recognised level follows the catalogue's
// levels (up to 10, e.g. four for quality accreditation), not only the DX index's three.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table assessments add column last_reminded_on date;
    create unique index assessment_campaigns_catalogue_year_uq
      on assessment_campaigns (unit_id, school_year, catalogue_id);
    alter table assessments drop constraint assessments_recognised_level_check;
    alter table assessments add constraint assessments_recognised_level_check
      check (recognised_level between 1 and 10);
  `.execute(db);
}
