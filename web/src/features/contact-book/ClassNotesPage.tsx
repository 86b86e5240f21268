import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMyClasses } from '../gradebook/api.ts';
import { ClassNotesCard } from './ClassNotesCard.tsx';

/**
 * Sổ liên lạc for teachers (phone first): pick one of my classes, write to its families, and see who acknowledged
 * each note. The class is in the address (`?class=`) so the home page links straight to it.
 */
export default function ClassNotesPage() {
  const { t } = useTranslation('contactBook');
  const { unitId } = useWorkspace();
  const mine = useMyClasses(unitId);
  const [search, setSearch] = useSearchParams();
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={() => mine.refetch()} />;
  // Homeroom classes first, then the classes I teach, each once.
  const classes = new Map<string, string>();
  for (const c of mine.data.homeroom) classes.set(c.classId, c.className);
  for (const c of mine.data.teaching) if (!classes.has(c.classId)) classes.set(c.classId, c.className);
  const asked = search.get('class');
  const classId = asked && classes.has(asked) ? asked : ([...classes.keys()][0] ?? null);
  return (
    <Stack gap="sm">
      <PageHeader title={t('teacherTitle')} subtitle={t('teacherSubtitle')} />
      {classes.size === 0 && <Text c="gray.7">{t('noClasses')}</Text>}
      {classes.size > 0 && (
        <Select
          label={t('class')}
          data={[...classes].map(([value, label]) => ({ value, label }))}
          value={classId}
          onChange={(value) => value && setSearch({ class: value })}
          allowDeselect={false}
          data-testid="notes-class-picker"
        />
      )}
      {classId && <ClassNotesCard key={classId} classId={classId} canPost />}
    </Stack>
  );
}
