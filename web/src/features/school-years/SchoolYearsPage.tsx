import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import { IconCalendarPlus, IconPencil, IconStar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SchoolYear, upsertSchoolYearBody } from '#contracts/school-years.ts';
import {
  schoolYearStarting,
  schoolYearStartYear,
  usualCalendar,
  vietnameseDate,
} from '#domain/calendar/index.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { saveSchoolYear, schoolYearsKey, setCurrentSchoolYear, useSchoolYears } from './api.ts';

type Calendar = Pick<SchoolYear, 'code' | 'startsOn' | 'term1EndsOn' | 'term2StartsOn' | 'endsOn'>;
const DATE_FIELDS = ['startsOn', 'term1EndsOn', 'term2StartsOn', 'endsOn'] as const;

export default function SchoolYearsPage() {
  return (
    <RequirePermission permission="units.read">
      <SchoolYears />
    </RequirePermission>
  );
}

function SchoolYears() {
  const { t } = useTranslation('schoolYears');
  const workspace = useWorkspace();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Calendar | null>(null);
  const years = useSchoolYears(workspace.unitId);
  const setCurrent = useMutation({
    mutationFn: (code: string) => setCurrentSchoolYear(workspace.unitId, code),
    onSuccess: (saved) => {
      client.setQueryData(schoolYearsKey(workspace.unitId), saved);
      void client.invalidateQueries({ queryKey: ['units'] });
      notifySaved(t('common:saved'));
    },
  });
  const canManage = workspace.can('school_years.manage');

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={workspace.unit ? t('subtitle', { name: workspace.unit.name }) : undefined}
        actions={
          canManage && (
            <Button
              leftSection={<IconCalendarPlus size={16} />}
              onClick={() => setEditing(nextYear(years.data?.years ?? []))}
              data-testid="school-year-declare"
            >
              {t('declare')}
            </Button>
          )
        }
      />
      {(years.error || setCurrent.error) && <ErrorAlert error={years.error ?? setCurrent.error} />}
      {years.isPending && <Loading />}
      {years.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" data-testid="school-years-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('code')}</Table.Th>
                {DATE_FIELDS.map((f) => (
                  <Table.Th key={f}>{t(f)}</Table.Th>
                ))}
                <Table.Th>{t('definedBy')}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.data.years.map((y) => (
                <Table.Tr key={y.code}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {y.code}
                      </Text>
                      {y.isCurrent && <Badge size="sm">{t('current')}</Badge>}
                    </Group>
                  </Table.Td>
                  {DATE_FIELDS.map((f) => (
                    <Table.Td key={f}>{vietnameseDate(y[f])}</Table.Td>
                  ))}
                  <Table.Td>{y.definedByUnitName}</Table.Td>
                  <Table.Td>
                    {canManage && (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('editDates')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('editDates')}
                            onClick={() => setEditing(y)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {!y.isCurrent && (
                          <Tooltip label={t('setCurrent')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('setCurrent')}
                              loading={setCurrent.isPending && setCurrent.variables === y.code}
                              onClick={() => setCurrent.mutate(y.code)}
                            >
                              <IconStar size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {years.data.years.length === 0 && <Text c="dimmed">{t('common:noData')}</Text>}
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('formTitle')}>
        {editing && <CalendarForm key={editing.code} calendar={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

/** The year after the latest one known, with the usual calendar as a starting point to edit. */
function nextYear(years: readonly Calendar[]): Calendar {
  const latest = years.reduce(
    (max, y) => Math.max(max, schoolYearStartYear(y.code)),
    new Date().getFullYear() - 1,
  );
  return usualCalendar(schoolYearStarting(years.length ? latest + 1 : latest));
}

function CalendarForm({ calendar, onDone }: { calendar: Calendar; onDone: () => void }) {
  const { t } = useTranslation('schoolYears');
  const { unitId } = useWorkspace();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { unitId, ...calendar },
    validate: schemaResolver(upsertSchoolYearBody, { sync: true }),
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => saveSchoolYear(values),
    onSuccess: (saved) => {
      client.setQueryData(schoolYearsKey(unitId), saved);
      notifySaved(t('common:saved'));
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fields);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <TextInput label={t('code')} description={t('codeHint')} required {...form.getInputProps('code')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {DATE_FIELDS.map((f) => (
            <DateInput key={f} label={t(f)} valueFormat="DD/MM/YYYY" required {...form.getInputProps(f)} />
          ))}
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="school-year-save">
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
