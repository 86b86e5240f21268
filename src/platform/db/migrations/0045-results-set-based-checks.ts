import { type Kysely, sql } from 'kysely';

// The year close writes a province's results in one go: for 300,000 students about two million subject and
// student result rows. Row-level foreign keys checked (and locked) the student, class and unit of every row one
// at a time, which was two thirds of the write time. The same guarantees are now checked once per statement, as
// one anti-join over the rows it wrote; the check is stronger than before (the class must belong to the row's
// unit). Deleting a class or student that results still refer to is refused the same way.
//
// The result tables drop their surrogate ids: the natural keys (student, school year, term or subject) already
// identify a row and are what every reader uses, and a random uuid index costs a random page write per row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table subject_year_results
      drop constraint subject_year_results_unit_id_fkey,
      drop constraint subject_year_results_class_id_fkey,
      drop constraint subject_year_results_student_id_fkey,
      drop constraint subject_year_results_pkey,
      drop column id,
      drop constraint subject_year_results_student_id_school_year_subject_code_key,
      add constraint subject_year_results_pkey primary key (student_id, school_year, subject_code);
    alter table student_results
      drop constraint student_results_unit_id_fkey,
      drop constraint student_results_class_id_fkey,
      drop constraint student_results_student_id_fkey,
      drop constraint student_results_pkey,
      drop column id,
      drop constraint student_results_student_id_school_year_term_key,
      add constraint student_results_pkey primary key (student_id, school_year, term);

    -- Each distinct class and student once: a statement writes a dozen rows per student and a few classes.
    create function results_check_references() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from (select distinct unit_id, class_id from written_rows) w
        where not exists (select 1 from classes c where c.id = w.class_id and c.unit_id = w.unit_id)
      ) or exists (
        select 1 from (select distinct student_id from written_rows) w
        where not exists (select 1 from students s where s.id = w.student_id)
      ) then
        raise foreign_key_violation using
          message = format('%s: lớp, trường hoặc học sinh không tồn tại', tg_table_name);
      end if;
      return null;
    end $$;

    -- One function per parent so each uses the index that leads with its key.
    create function results_refuse_class_delete() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from removed_rows r
        where exists (select 1 from student_results x where x.unit_id = r.unit_id and x.class_id = r.id)
           or exists (select 1 from subject_year_results x where x.unit_id = r.unit_id and x.class_id = r.id)
      ) then
        raise foreign_key_violation using message = 'classes: còn kết quả học tập của lớp bị xoá';
      end if;
      return null;
    end $$;

    create function results_refuse_student_delete() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from removed_rows r
        where exists (select 1 from student_results x where x.student_id = r.id)
           or exists (select 1 from subject_year_results x where x.student_id = r.id)
      ) then
        raise foreign_key_violation using message = 'students: còn kết quả học tập của học sinh bị xoá';
      end if;
      return null;
    end $$;

    create trigger student_results_references_on_insert after insert on student_results
      referencing new table as written_rows for each statement execute function results_check_references();
    create trigger student_results_references_on_update after update on student_results
      referencing new table as written_rows for each statement execute function results_check_references();
    create trigger subject_year_results_references_on_insert after insert on subject_year_results
      referencing new table as written_rows for each statement execute function results_check_references();
    create trigger subject_year_results_references_on_update after update on subject_year_results
      referencing new table as written_rows for each statement execute function results_check_references();
    create trigger classes_results_on_delete after delete on classes
      referencing old table as removed_rows for each statement execute function results_refuse_class_delete();
    create trigger students_results_on_delete after delete on students
      referencing old table as removed_rows for each statement execute function results_refuse_student_delete();
  `.execute(db);
}
