import { type Kysely, sql } from 'kysely';

// Issue 13 §1, what stop 20 left: each school's own notification settings and the providers' delivery reports.
// - notification_school_settings: the school's monthly SMS budget (null = the server's TRUONGSO_SMS_MONTHLY_BUDGET)
//   and the optional "score below a threshold" notice (off by default; the threshold on the 10-point scale). Set by
//   the principal or the IT officer, with a version against lost updates.
// - A provider's delivery report (Zalo ZNS webhook, eSMS callback) finds its message by the provider's id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_school_settings (
      unit_id uuid primary key references units(id),
      sms_monthly_budget int check (sms_monthly_budget >= 0),
      low_score_enabled boolean not null default false,
      low_score_threshold numeric(4, 2) not null default 5 check (low_score_threshold > 0 and low_score_threshold <= 10),
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create index notification_messages_provider_ref_idx on notification_messages (channel, provider_ref)
    where provider_ref is not null`.execute(db);
}
