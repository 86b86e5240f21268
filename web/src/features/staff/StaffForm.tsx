import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type EmploymentStatus,
  type Qualification,
  type Staff,
  type StaffPosition,
  type StaffRole,
  staffInput,
} from '#contracts/staff.ts';
import { useEnumLabels } from '../../i18n/enums.ts';
import { FormError } from '../../ui/FormError.tsx';
import { foldedFilter, SUBJECT_OPTIONS } from './options.ts';

export interface StaffFormValues {
  fullName: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  nationalId: string;
  phone: string;
  email: string;
  position: StaffPosition;
  staffRole: StaffRole | null;
  qualification: Qualification | null;
  mainSubject: string | null;
  departmentId: string | null;
  employmentStatus: EmploymentStatus;
  startDate: string | null;
}

export function formValuesOf(staff: Staff | undefined): StaffFormValues {
  return {
    fullName: staff?.fullName ?? '',
    birthDate: staff?.birthDate ?? null,
    gender: staff?.gender ?? null,
    nationalId: staff?.nationalId ?? '',
    phone: staff?.phone ?? '',
    email: staff?.email ?? '',
    position: staff?.position ?? 'teacher',
    staffRole: staff?.staffRole ?? null,
    qualification: staff?.qualification ?? null,
    mainSubject: staff?.mainSubject ?? null,
    departmentId: staff?.departmentId ?? null,
    employmentStatus: staff?.employmentStatus ?? 'official',
    startDate: staff?.startDate ?? null,
  };
}

/** The staff record form (create and edit); server field errors land on their inputs. */
export function StaffForm({
  staff,
  departments,
  readOnly,
  saving,
  error,
  onSubmit,
}: {
  staff?: Staff;
  departments: { value: string; label: string }[];
  readOnly: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: (values: StaffFormValues, setErrors: (errors: Record<string, string>) => void) => void;
}) {
  const { t } = useTranslation('staff');
  const enums = useEnumLabels();
  const form = useForm<StaffFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(staff),
    validate: schemaResolver(staffInput, { sync: true }),
  });
  const position = form.getValues().position;
  const teaches = position === 'teacher' || position === 'principal' || position === 'vice_principal';
  const warnings = [
    ...(staff?.warnings ?? []).map((w) => w.message),
    ...(staff?.duplicateNationalId ? [t('duplicate')] : []),
  ];

  return (
    <form onSubmit={form.onSubmit((values) => onSubmit(values, form.setErrors))}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          {warnings.length > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('checkNationalId')}>
              {warnings.map((w) => (
                <div key={w}>{w}</div>
              ))}
            </Alert>
          )}
          <TextInput
            label={t('fullName')}
            required
            data-testid="staff-full-name"
            {...form.getInputProps('fullName')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('birthDate')}
              valueFormat="DD/MM/YYYY"
              clearable
              data-testid="staff-birth-date"
              {...form.getInputProps('birthDate')}
            />
            <Select
              label={t('gender')}
              data={[
                { value: 'male', label: t('common:male') },
                { value: 'female', label: t('common:female') },
              ]}
              clearable
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
          {(staff === undefined || staff.personalDataVisible) && (
            <TextInput
              label={t('nationalId')}
              inputMode="numeric"
              maxLength={20}
              data-testid="staff-national-id"
              {...form.getInputProps('nationalId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('position')}
              required
              allowDeselect={false}
              data={enums.options('staffPosition')}
              data-testid="staff-position"
              {...form.getInputProps('position')}
            />
            {position === 'staff' ? (
              <Select
                label={t('staffRole')}
                data={enums.options('staffRole')}
                clearable
                {...form.getInputProps('staffRole')}
              />
            ) : (
              <Select
                label={t('mainSubject')}
                data={SUBJECT_OPTIONS}
                searchable
                filter={foldedFilter}
                clearable
                disabled={!teaches}
                data-testid="staff-main-subject"
                {...form.getInputProps('mainSubject')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('qualification')}
              data={enums.options('qualification')}
              clearable
              {...form.getInputProps('qualification')}
            />
            <Select
              label={t('department')}
              data={departments}
              clearable
              {...form.getInputProps('departmentId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('status')}
              allowDeselect={false}
              data={enums.options('employmentStatus')}
              {...form.getInputProps('employmentStatus')}
            />
            <DateInput
              label={t('startDate')}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps('startDate')}
            />
          </SimpleGrid>
          <FormError error={error} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={saving} data-testid="staff-save">
                {t('common:save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
