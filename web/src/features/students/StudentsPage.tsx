import { Anchor, Button, Group, Select, SimpleGrid, Table, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import { usePagedSearch } from '../../ui/ListPager.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useClasses } from '../classes/api.ts';
import { ExcelButtons } from '../imports/ExcelButtons.tsx';
import { useStudentPage } from './api.ts';
import { DuplicateBadge } from './DuplicateBadge.tsx';
import { formatDate, genderOptions, gradeRange, StatusBadge, statusOptions } from './labels.tsx';

const PAGE_SIZE = 50;

export default function StudentsPage() {
  return (
    <RequirePermission permission="students.read">
      <StudentList />
    </RequirePermission>
  );
}

function StudentList() {
  const { t } = useTranslation('students');
  const { unitId, unit, schoolYear, can } = useWorkspace();
  const { search, setSearch, q, page, setPage, resetting } = usePagedSearch();
  const [classId, setClassId] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('active');
  const [gender, setGender] = useState<string | null>(null);
  const classes = useClasses(unitId, schoolYear);
  const students = useStudentPage(unitId, schoolYear, {
    q,
    classId: classId ?? undefined,
    grade: grade ? Number(grade) : undefined,
    status: status ?? undefined,
    gender: gender ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const total = students.data?.total ?? 0;

  return (
    <ListPage
      gap="md"
      title={t('title')}
      subtitle={schoolYear ? t('subtitle', { year: schoolYear, count: total }) : undefined}
      actions={
        <>
          <ExcelButtons kind="students" />
          {can('students.write') && (
            <Button
              component={Link}
              to="/students/new"
              leftSection={<IconPlus size={16} />}
              data-testid="add-student"
            >
              {t('add')}
            </Button>
          )}
        </>
      }
      filters={
        <>
          <TextInput
            label={t('searchLabel')}
            description={t('searchHint')}
            placeholder={t('searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-testid="student-search"
          />
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <Select
              label={t('filterClass')}
              placeholder={t('allClasses')}
              data={[
                { value: 'none', label: t('noClass') },
                ...(classes.data?.classes ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              value={classId}
              onChange={resetting(setClassId)}
              clearable
              searchable
              data-testid="filter-class"
            />
            <Select
              label={t('filterGrade')}
              placeholder={t('allGrades')}
              data={gradeRange(unit?.gradeFrom, unit?.gradeTo).map((g) => ({
                value: String(g),
                label: t('grade', { grade: g }),
              }))}
              value={grade}
              onChange={resetting(setGrade)}
              clearable
              data-testid="filter-grade"
            />
            <Select
              label={t('filterStatus')}
              placeholder={t('allStatuses')}
              data={[{ value: 'active', label: t('activeStatuses') }, ...statusOptions(t)]}
              value={status}
              onChange={resetting(setStatus)}
              clearable
              data-testid="filter-status"
            />
            <Select
              label={t('filterGender')}
              placeholder={t('allGenders')}
              data={genderOptions(t)}
              value={gender}
              onChange={resetting(setGender)}
              clearable
              data-testid="filter-gender"
            />
          </SimpleGrid>
        </>
      }
      list={students}
      isEmpty={(data) => data.items.length === 0}
      empty={t('noResults')}
      emptyReplacesTable
      pager={{ page, pageSize: PAGE_SIZE, total: (data) => data.total, onChange: setPage, centered: true }}
    >
      {(data) => <StudentTable items={data.items} offset={(page - 1) * PAGE_SIZE} />}
    </ListPage>
  );
}

function StudentTable({
  items,
  offset,
}: {
  items: NonNullable<ReturnType<typeof useStudentPage>['data']>['items'];
  offset: number;
}) {
  const { t } = useTranslation('students');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="student-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>#</Table.Th>
            <Table.Th>{t('fullName')}</Table.Th>
            <Table.Th>{t('birthDate')}</Table.Th>
            <Table.Th>{t('gender')}</Table.Th>
            <Table.Th>{t('className')}</Table.Th>
            <Table.Th>{t('moetShort')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s, index) => (
            <Table.Tr key={s.id}>
              <Table.Td>{offset + index + 1}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/students/${s.id}`} fw={500}>
                    {s.fullName}
                  </Anchor>
                  {s.duplicateNationalId && <DuplicateBadge />}
                </Group>
              </Table.Td>
              <Table.Td>{formatDate(s.birthDate)}</Table.Td>
              <Table.Td>{s.gender ? t(`common:${s.gender}`) : '—'}</Table.Td>
              <Table.Td>{s.className ?? '—'}</Table.Td>
              <Table.Td>{s.moetStudentCode ?? '—'}</Table.Td>
              <Table.Td>
                <StatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
