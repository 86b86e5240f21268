import { type Kysely, sql } from 'kysely';

// Primary year-end titles (TT27 Điều 13 khoản 1 điểm a). "Học sinh Xuất sắc" follows from the outcome Hoàn thành
// xuất sắc; "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện" needs a judgement — an outstanding
// achievement in a subject or clear progress in a quality or competence, recognised by the class — which the school
// records on the year row as `primary_recognition` (what was recognised). The year close keeps that column on a
// re-run (it is not in the close's update list) and turns it into the award 'exemplary'. Before this migration the
// primary transcript printed 'excellent' (TT22's Học sinh Giỏi) as the primary title: no row held it, since the
// primary close wrote no award at all.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table student_results drop constraint student_results_award_check;
    alter table student_results add constraint student_results_award_check
      check (award in ('outstanding', 'excellent', 'exemplary'));
    alter table student_results add column primary_recognition text
      check (primary_recognition is null or length(primary_recognition) between 1 and 500);
  `.execute(db);
}
