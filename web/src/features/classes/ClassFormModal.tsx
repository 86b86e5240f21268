import { Button, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { classInput } from '#contracts/classes.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { gradeRange } from '../students/labels.tsx';
import { type SchoolClass, useHomeroomCandidates, useSaveClass } from './api.ts';

interface ClassFormValues {
  schoolYear: string;
  grade: string;
  name: string;
  homeroomTeacherId: string | null;
  room: string;
}

/** Adds a class to the selected school year, or edits one. */
export function ClassFormModal({
  cls,
  schoolYear,
  opened,
  onClose,
}: {
  cls?: SchoolClass;
  schoolYear: string;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation('classes');
  const { unitId, unit } = useWorkspace();
  const teachers = useHomeroomCandidates(unitId, opened);
  const save = useSaveClass(cls?.id);
  const form = useForm<ClassFormValues>({
    mode: 'uncontrolled',
    initialValues: {
      schoolYear: cls?.schoolYear ?? schoolYear,
      grade: cls ? String(cls.grade) : String(unit?.gradeFrom ?? ''),
      name: cls?.name ?? '',
      homeroomTeacherId: cls?.homeroomTeacherId ?? null,
      room: cls?.room ?? '',
    },
    validate: schemaResolver(classInput, { sync: true }),
  });
  const submit = (values: ClassFormValues) => {
    const { schoolYear: year, ...fields } = values;
    const body = { ...fields, grade: Number(fields.grade) };
    save.mutate(cls ? body : { ...body, unitId, schoolYear: year }, {
      onSuccess: () => {
        notifySaved(t('saved'));
        if (!cls) form.reset();
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={cls ? t('edit') : t('add')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('grade')}
              data={gradeRange(unit?.gradeFrom, unit?.gradeTo).map((g) => ({
                value: String(g),
                label: t('gradeN', { grade: g }),
              }))}
              allowDeselect={false}
              {...form.getInputProps('grade')}
              key={form.key('grade')}
              data-testid="class-grade"
            />
            <TextInput
              label={t('name')}
              placeholder={t('namePlaceholder')}
              required
              {...form.getInputProps('name')}
              key={form.key('name')}
              data-testid="class-name"
            />
          </SimpleGrid>
          <Select
            label={t('homeroomTeacher')}
            placeholder={t('noTeacher')}
            data={(teachers.data ?? []).map((s) => ({ value: s.id, label: s.fullName }))}
            searchable
            clearable
            {...form.getInputProps('homeroomTeacherId')}
            key={form.key('homeroomTeacherId')}
          />
          <TextInput label={t('room')} {...form.getInputProps('room')} key={form.key('room')} />
          {save.error && <ErrorAlert error={save.error} />}
          <Button type="submit" loading={save.isPending} data-testid="save-class">
            {t('common:save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
