import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { FamilyHome } from './FamilyHome.tsx';
import { OfficeHome } from './OfficeHome.tsx';
import { SchoolHome } from './SchoolHome.tsx';
import { TeacherHome } from './TeacherHome.tsx';

/**
 * "What now?" for the role held on the chosen unit: an office sees its schools, a school's leaders their school,
 * a teacher their classes, a family their children. Staff without any of these see the unit card.
 */
export default function HomePage() {
  const { t } = useTranslation('home');
  const enums = useEnumLabels();
  const workspace = useWorkspace();
  const { me, unit, unitId, schoolYear, isSchool } = workspace;
  const family = workspace.can('students.read_own');
  const office = Boolean(unit) && !isSchool && workspace.can('gradebook.read');
  const leader = isSchool && workspace.can('gradebook.read');
  const teacher = isSchool && workspace.can('gradebook.enter') && !workspace.can('gradebook.manage');
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {t('greeting', { name: me.user.fullName })}
        </Title>
        <Group gap={4} mt={4}>
          {[...new Set(me.assignments.filter((a) => a.unitId === unitId).map((a) => a.role))].map((role) => (
            <Badge key={role} variant="light" size="sm">
              {enums.label('role', role)}
            </Badge>
          ))}
        </Group>
      </div>
      {unit && office && <OfficeHome unitId={unitId} schoolYear={schoolYear} />}
      {unit && leader && <SchoolHome unitId={unitId} schoolYear={schoolYear} />}
      {unit && teacher && <TeacherHome unitId={unitId} schoolYear={schoolYear} />}
      {unit && family && <FamilyHome />}
      {unit && !office && !leader && !teacher && !family && <UnitCard />}
    </Stack>
  );
}

/** The unit's details and the caller's roles (staff without a page of their own). */
function UnitCard() {
  const { t } = useTranslation('home');
  const enums = useEnumLabels();
  const { me, unit, schoolYear } = useWorkspace();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('unitInfo')}
          </Text>
          {unit && (
            <Table variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={140}>{t('common:unit')}</Table.Th>
                  <Table.Td>{unit.name}</Table.Td>
                </Table.Tr>
                {unit.ancestors.length > 0 && (
                  <Table.Tr>
                    <Table.Th>{t('parent')}</Table.Th>
                    <Table.Td>{unit.ancestors.at(-1)?.name}</Table.Td>
                  </Table.Tr>
                )}
                {unit.level && (
                  <Table.Tr>
                    <Table.Th>{t('level')}</Table.Th>
                    <Table.Td>
                      {enums.label('schoolLevel', unit.level)} ({t('grades')} {unit.gradeFrom}–{unit.gradeTo})
                    </Table.Td>
                  </Table.Tr>
                )}
                {unit.address && (
                  <Table.Tr>
                    <Table.Th>{t('address')}</Table.Th>
                    <Table.Td>
                      {[unit.address, unit.commune, unit.province].filter(Boolean).join(', ')}
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th>{t('currentYear')}</Table.Th>
                  <Table.Td>{schoolYear ?? '—'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('yourRoles')}
          </Text>
          <Stack gap={6}>
            {me.assignments.map((a) => (
              <Group key={`${a.role}-${a.unitId}`} gap="xs">
                <Badge variant="light">{enums.label('role', a.role)}</Badge>
                <Text size="sm">{a.unitName}</Text>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
