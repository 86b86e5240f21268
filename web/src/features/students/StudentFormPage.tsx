import { Button, Fieldset, Group, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { studentInput, updateStudentBody } from '#contracts/students.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { type StudentDetail, useCreateStudent, useStudent, useUpdateStudent } from './api.ts';
import { emptyStudent, payloadOf, type StudentFormValues, valuesOf } from './form-values.ts';
import { GuardianFields } from './GuardianFields.tsx';
import { IdentityFields, JoiningFields, SensitiveFields } from './StudentFields.tsx';

const today = () => new Date().toLocaleDateString('en-CA');

/** "Thêm học sinh" (/students/new) and "Sửa hồ sơ" (/students/:id/edit). */
export default function StudentFormPage() {
  const { id } = useParams();
  const student = useStudent(id);
  if (id && student.isPending) return <Loading />;
  if (student.error) return <ErrorAlert error={student.error} />;
  return (
    <RequirePermission permission="students.write">
      <StudentForm student={student.data} />
    </RequirePermission>
  );
}

function StudentForm({ student }: { student: StudentDetail | undefined }) {
  const { t } = useTranslation('students');
  const navigate = useNavigate();
  const { unitId, can } = useWorkspace();
  const creating = !student;
  const sensitive = creating ? can('students.sensitive') : student.sensitive !== null;
  const form = useForm<StudentFormValues>({
    mode: 'uncontrolled',
    initialValues: student ? valuesOf(student, today()) : emptyStudent(today()),
    validate: schemaResolver(creating ? studentInput : updateStudentBody, { sync: true }),
  });
  const create = useCreateStudent();
  const update = useUpdateStudent(student?.id ?? '');
  const save = creating ? create : update;

  const submit = (values: StudentFormValues) => {
    const body = payloadOf(values, { creating, sensitive });
    save.mutate(creating ? { ...body, unitId } : body, {
      onSuccess: (saved) => {
        notifySaved(t(creating ? 'created' : 'saved'));
        navigate(`/students/${saved.id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });
  };

  return (
    <Stack maw={960}>
      <PageHeader title={creating ? t('createTitle') : t('editTitle', { name: student.fullName })} />
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid="student-form">
        <Stack>
          <Fieldset legend={t('sectionIdentity')}>
            <Stack gap="sm">
              <IdentityFields form={form} />
              {creating && <JoiningFields form={form} />}
            </Stack>
          </Fieldset>
          {sensitive && <SensitiveFields form={form} />}
          <Fieldset legend={t('sectionGuardians')}>
            <GuardianFields form={form} />
          </Fieldset>
          {save.error && <ErrorAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="save-student">
              {t('common:save')}
            </Button>
            <Button variant="default" component={Link} to={student ? `/students/${student.id}` : '/students'}>
              {t('common:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
