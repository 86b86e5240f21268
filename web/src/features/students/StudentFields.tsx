import { Checkbox, Fieldset, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.tsx';
import { useClasses } from '../classes/api.ts';
import type { StudentFormValues } from './form-values.ts';
import { disabilityOptions, ETHNICITY_OPTIONS, genderOptions, policyOptions } from './labels.tsx';

type Form = UseFormReturnType<StudentFormValues>;

const input = (form: Form, path: keyof StudentFormValues) => ({
  ...form.getInputProps(path),
  key: form.key(path),
  'data-testid': `student-${path}`,
});

export function IdentityFields({ form }: { form: Form }) {
  const { t } = useTranslation('students');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('fullName')} required autoComplete="off" {...input(form, 'fullName')} />
      <DateInput label={t('birthDate')} valueFormat="DD/MM/YYYY" clearable {...input(form, 'birthDate')} />
      <Select label={t('gender')} data={genderOptions(t)} clearable {...input(form, 'gender')} />
      <TextInput label={t('moetStudentCode')} autoComplete="off" {...input(form, 'moetStudentCode')} />
      <TextInput label={t('birthPlace')} autoComplete="off" {...input(form, 'birthPlace')} />
      <TextInput label={t('registrationNumber')} autoComplete="off" {...input(form, 'registrationNumber')} />
    </SimpleGrid>
  );
}

/** National ID, ethnicity, address, disability, household and policy flags: only for `students.sensitive`. */
export function SensitiveFields({ form }: { form: Form }) {
  const { t } = useTranslation('students');
  return (
    <Fieldset legend={t('sectionSensitive')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('nationalId')}
          inputMode="numeric"
          maxLength={14}
          autoComplete="off"
          {...input(form, 'nationalId')}
        />
        <Select
          label={t('ethnicity')}
          data={ETHNICITY_OPTIONS}
          searchable
          clearable
          {...input(form, 'ethnicity')}
        />
        <TextInput label={t('address')} {...input(form, 'address')} />
        <Select
          label={t('disability')}
          placeholder={t('noDisability')}
          data={disabilityOptions(t)}
          clearable
          {...input(form, 'disability')}
        />
        <MultiSelect
          label={t('policyFlags')}
          data={policyOptions(t)}
          clearable
          {...input(form, 'policyFlags')}
        />
        <Group gap="lg" mt={{ base: 0, sm: 28 }}>
          <Checkbox
            label={t('poorHousehold')}
            {...form.getInputProps('poorHousehold', { type: 'checkbox' })}
            key={form.key('poorHousehold')}
          />
          <Checkbox
            label={t('nearPoorHousehold')}
            {...form.getInputProps('nearPoorHousehold', { type: 'checkbox' })}
            key={form.key('nearPoorHousehold')}
          />
        </Group>
      </SimpleGrid>
    </Fieldset>
  );
}

/** How and when a new student joins, and the class of the current school year. */
export function JoiningFields({ form }: { form: Form }) {
  const { t } = useTranslation('students');
  const { unitId, years } = useWorkspace();
  const current = years.find((y) => y.isCurrent)?.code ?? null;
  const classes = useClasses(unitId, current);
  const joining = ['enrolled', 'transferred_in'].map((value) => ({ value, label: t(`joined_${value}`) }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select label={t('joinedAs')} data={joining} allowDeselect={false} {...input(form, 'status')} />
      <DateInput label={t('joinedOn')} valueFormat="DD/MM/YYYY" {...input(form, 'statusSince')} />
      <Select
        label={t('enrolInClass')}
        data={(classes.data?.classes ?? []).map((c) => c.name)}
        searchable
        clearable
        {...input(form, 'className')}
      />
    </SimpleGrid>
  );
}
