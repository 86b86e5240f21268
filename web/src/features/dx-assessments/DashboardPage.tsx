import { Button, Group, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { DashboardBody } from './DashboardSections.tsx';
import { downloadDashboardPdf, useDashboard } from './dashboard-api.ts';

/**
 * The office's (or province's) overview of a school year's DX assessments: figures, level charts, the weakest
 * criteria, progress against the campaign dates, last year, and every unit with a link to its file and evidence.
 * "Large type" enlarges everything for a projector; the PDF is the same report for print.
 */
export default function DashboardPage() {
  return (
    <RequirePermission permission="assessments.read">
      <DashboardView />
    </RequirePermission>
  );
}

function DashboardView() {
  const { t } = useTranslation('dxDashboard');
  const { unitId, unit } = useWorkspace();
  const [schoolYear, setSchoolYear] = useState<string | undefined>();
  const [subjectKind, setSubjectKind] = useState<'school' | 'office'>('school');
  const [large, setLarge] = useState(false);
  const params = { unitId, schoolYear, subjectKind };
  const query = useDashboard(params);
  const d = query.data;
  const download = () => downloadDashboardPdf(params, d?.schoolYear).catch(notifyError);
  return (
    <Stack style={large ? { zoom: 1.45 } : undefined} data-testid="dx-dashboard">
      <PageHeader
        title={t('title')}
        subtitle={unit?.name}
        actions={
          <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={download} disabled={!d}>
            {t('pdf')}
          </Button>
        }
      />
      <Group gap="md" wrap="wrap" align="flex-end">
        <Select
          label={t('schoolYear')}
          data={d?.years ?? []}
          value={schoolYear ?? d?.schoolYear ?? null}
          onChange={(v) => setSchoolYear(v ?? undefined)}
          w={160}
          allowDeselect={false}
        />
        <SegmentedControl
          value={subjectKind}
          onChange={(v) => setSubjectKind(v as 'school' | 'office')}
          data={[
            { value: 'school', label: t('kindSchools') },
            { value: 'office', label: t('kindOffices') },
          ]}
        />
        <Switch label={t('largeType')} checked={large} onChange={(e) => setLarge(e.currentTarget.checked)} />
      </Group>
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {d && d.units.length === 0 && <Text c="dimmed">{t('noData')}</Text>}
      {d && d.units.length > 0 && <DashboardBody d={d} />}
    </Stack>
  );
}
