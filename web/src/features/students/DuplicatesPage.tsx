import { Anchor, Card, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useDuplicateNationalIds } from './api.ts';

/** Personal ID numbers carried by more than one student in the province, for the school or office chosen. */
export default function DuplicatesPage() {
  return (
    <RequirePermission permission="students.sensitive">
      <Duplicates />
    </RequirePermission>
  );
}

function Duplicates() {
  const { t } = useTranslation('students');
  const { unitId } = useWorkspace();
  const groups = useDuplicateNationalIds(unitId);
  return (
    <Stack>
      <PageHeader title={t('duplicatesTitle')} subtitle={t('duplicatesHint')} />
      {groups.error && <ErrorAlert error={groups.error} onRetry={() => groups.refetch()} />}
      {groups.isPending && <Loading />}
      {groups.data?.length === 0 && <Text c="dimmed">{t('duplicatesEmpty')}</Text>}
      {groups.data?.map((group) => (
        <Card key={group.nationalId} withBorder>
          <Code fz="md" mb="xs">
            {group.nationalId}
          </Code>
          <List spacing={4}>
            {group.students.map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={`/students/${s.id}`}>
                  {s.fullName}
                </Anchor>{' '}
                — {s.unitName}
              </List.Item>
            ))}
            {[...countBySchool(group.elsewhere)].map(([school, count]) => (
              <List.Item key={school}>
                {t('elsewhere', { school })}
                {count > 1 ? ` (×${count})` : ''}
              </List.Item>
            ))}
          </List>
        </Card>
      ))}
    </Stack>
  );
}

function countBySchool(holders: readonly { unitName: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const holder of holders) counts.set(holder.unitName, (counts.get(holder.unitName) ?? 0) + 1);
  return counts;
}
