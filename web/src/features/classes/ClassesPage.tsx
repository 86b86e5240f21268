import { Anchor, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { ExcelButtons } from '../imports/ExcelButtons.tsx';
import { useClasses } from './api.ts';
import { ClassFormModal } from './ClassFormModal.tsx';

export default function ClassesPage() {
  return (
    <RequirePermission permission="classes.read">
      <ClassList />
    </RequirePermission>
  );
}

function ClassList() {
  const { t } = useTranslation('classes');
  const { unitId, schoolYear, can } = useWorkspace();
  const classes = useClasses(unitId, schoolYear);
  const [opened, modal] = useDisclosure();
  if (!schoolYear) return <Text c="dimmed">{t('noYear')}</Text>;
  return (
    <ListPage
      gap="md"
      title={t('title')}
      subtitle={t('subtitle', { year: schoolYear, count: classes.data?.classes.length ?? 0 })}
      actions={
        <>
          <ExcelButtons kind="classes" />
          {can('classes.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={modal.open} data-testid="add-class">
              {t('add')}
            </Button>
          )}
        </>
      }
      list={classes}
      isEmpty={(data) => data.classes.length === 0}
      empty={t('empty')}
      emptyReplacesTable
      after={<ClassFormModal schoolYear={schoolYear} opened={opened} onClose={modal.close} />}
    >
      {(data) => (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover data-testid="class-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grade')}</Table.Th>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('homeroomTeacher')}</Table.Th>
                <Table.Th>{t('room')}</Table.Th>
                <Table.Th ta="right">{t('studentCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.classes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.grade}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/classes/${c.id}`} fw={500}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.homeroomTeacherName ?? '—'}</Table.Td>
                  <Table.Td>{c.room ?? '—'}</Table.Td>
                  <Table.Td ta="right">{c.studentCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  );
}
