import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { type AssessmentDetail, assessmentApi, useAssessmentAction } from './api.ts';

/**
 * Fills in every criterion the catalogue converts from a measured value (an office's QĐ 3806 items from its
 * schools' recognised levels; a school's shares of accounts, classes on the e-gradebook…). Shown to the unit's
 * leaders while the assessment is editable and at least one value is measured.
 */
export function PullMeasuredButton({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation('dxDashboard');
  const pull = useAssessmentAction(detail.id, () => assessmentApi.pullMeasured(detail.id));
  if (!detail.can.assign || !detail.measures.some((m) => m.available)) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Button
          variant="light"
          leftSection={<IconDatabaseImport size={16} />}
          loading={pull.isPending}
          onClick={() => pull.mutate(undefined, { onSuccess: () => notifySaved(t('pullMeasuredDone')) })}
          data-testid="pull-measured"
        >
          {t('pullMeasured')}
        </Button>
        <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t('pullMeasuredHint')}
        </Text>
      </Group>
      {pull.error && <ErrorAlert error={pull.error} />}
    </Stack>
  );
}
