import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Staff } from '#contracts/staff.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import { usePagedSearch } from '../../ui/ListPager.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { ExcelButtons } from '../imports/ExcelButtons.tsx';
import { useDepartments, useStaffPage } from './api.ts';
import { subjectName } from './options.ts';
import { StaffDrawer } from './StaffDrawer.tsx';

const PAGE_SIZE = 50;

export default function StaffPage() {
  return (
    <RequirePermission permission="staff.read">
      <StaffList />
    </RequirePermission>
  );
}

function StaffList() {
  const { t } = useTranslation('staff');
  const enums = useEnumLabels();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const { search, setSearch, q, page, setPage } = usePagedSearch();
  const [open, setOpen] = useState<string | null>(null);
  const filter = (key: string) => params.get(key);
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };
  const list = useStaffPage({
    unitId: workspace.unitId,
    q,
    departmentId: filter('departmentId'),
    position: filter('position'),
    status: filter('status'),
    duplicatesOnly: filter('duplicates') === '1',
    page,
    pageSize: PAGE_SIZE,
  });
  const departments = useDepartments(workspace.unitId, workspace.isSchool);
  const mayCheck = workspace.can('staff.write') || workspace.can('students.sensitive');

  return (
    <ListPage
      title={t('title')}
      subtitle={list.data ? t('subtitle', { count: list.data.total }) : undefined}
      actions={
        <>
          <ExcelButtons kind="staff" />
          {workspace.can('staff.write') && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setOpen('new')}
              data-testid="staff-add"
            >
              {t('add')}
            </Button>
          )}
        </>
      }
      filters={
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
            <TextInput
              aria-label={t('searchLabel')}
              placeholder={`${t('searchLabel')} — ${t('common:searchHint')}`}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              data-testid="staff-search"
            />
            {workspace.isSchool && (
              <Select
                aria-label={t('department')}
                placeholder={t('department')}
                data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={filter('departmentId')}
                onChange={(v) => setFilter('departmentId', v)}
                clearable
              />
            )}
            <Select
              aria-label={t('position')}
              placeholder={t('position')}
              data={enums.options('staffPosition')}
              value={filter('position')}
              onChange={(v) => setFilter('position', v)}
              clearable
            />
            <Select
              aria-label={t('status')}
              placeholder={t('status')}
              data={enums.options('employmentStatus')}
              value={filter('status')}
              onChange={(v) => setFilter('status', v)}
              clearable
            />
          </SimpleGrid>
          {mayCheck && (
            <Switch
              label={t('duplicatesOnly')}
              checked={filter('duplicates') === '1'}
              onChange={(e) => setFilter('duplicates', e.currentTarget.checked ? '1' : null)}
            />
          )}
        </>
      }
      list={list}
      isEmpty={(data) => data.total === 0}
      empty={t('common:noData')}
      pager={{ page, pageSize: PAGE_SIZE, total: (data) => data.total, onChange: setPage }}
      after={<StaffDrawer staffId={open} onClose={() => setOpen(null)} />}
    >
      {(data) => (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="staff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fullName')}</Table.Th>
                {!workspace.isSchool && <Table.Th>{t('unit')}</Table.Th>}
                <Table.Th>{t('position')}</Table.Th>
                <Table.Th>{t('department')}</Table.Th>
                <Table.Th>{t('qualification')}</Table.Th>
                <Table.Th>{t('phone')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <StaffRow key={s.id} staff={s} showUnit={!workspace.isSchool} onOpen={() => setOpen(s.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  );
}

function StaffRow({ staff, showUnit, onOpen }: { staff: Staff; showUnit: boolean; onOpen: () => void }) {
  const { t } = useTranslation('staff');
  const enums = useEnumLabels();
  const flags = [
    ...staff.warnings.map((w) => w.message),
    ...(staff.duplicateNationalId ? [t('duplicate')] : []),
  ];
  const role = staff.staffRole ? enums.label('staffRole', staff.staffRole) : subjectName(staff.mainSubject);
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {staff.fullName}
          </Text>
          {flags.length > 0 && (
            <Tooltip label={flags.join(' ')} multiline w={320}>
              <IconAlertTriangle
                size={16}
                color="var(--mantine-color-yellow-7)"
                aria-label={t('checkNationalId')}
              />
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      {showUnit && <Table.Td>{staff.unitName}</Table.Td>}
      <Table.Td>
        <Text size="sm">{enums.label('staffPosition', staff.position)}</Text>
        {role && (
          <Text size="xs" c="dimmed">
            {role}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{staff.departmentName ?? t('none')}</Table.Td>
      <Table.Td>
        {staff.qualification ? enums.label('qualification', staff.qualification) : t('none')}
      </Table.Td>
      <Table.Td>{staff.phone ?? t('none')}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={staff.employmentStatus === 'official' ? 'blue' : 'gray'}>
          {enums.label('employmentStatus', staff.employmentStatus)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
