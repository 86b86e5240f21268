import { Alert, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowsMove, IconGitMerge, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReorganisationEvent, Unit } from '#contracts/units.ts';
import { vietnameseDate } from '#domain/calendar/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useUnitReorganisations } from './api.ts';

/** One line of the history, from this unit's side ("Đã sáp nhập vào …", "Tiếp nhận từ …", "Chuyển từ … sang …"). */
function eventTitle(t: (key: string, values?: Record<string, string>) => string, e: ReorganisationEvent) {
  if (e.kind === 'merge') {
    return e.direction === 'out'
      ? t('event.mergedInto', { target: e.targetName })
      : t('event.received', { unit: e.unitName });
  }
  return e.direction === 'out'
    ? t('event.movedFrom', { from: e.fromParentName ?? '—', target: e.targetName })
    : t('event.movedIn', { unit: e.unitName });
}

const decisionOf = (e: ReorganisationEvent) => ({
  number: e.decisionNumber,
  date: vietnameseDate(e.decisionDate),
  effective: vietnameseDate(e.effectiveOn),
});

/**
 * The unit's mergers and moves, each with its decision; a merged unit first says where it went and that its record
 * is read-only.
 */
export function UnitHistory({ unit }: { unit: Unit }) {
  const { t } = useTranslation('units');
  const history = useUnitReorganisations(unit.id);
  if (history.error) return <ErrorAlert error={history.error} />;
  const events = history.data ?? [];
  const merged = events.find((e) => e.kind === 'merge' && e.direction === 'out');
  return (
    <Stack gap="xs" data-testid="unit-history">
      {unit.status === 'merged' && (
        <Alert color="gray" icon={<IconLock size={16} />} data-testid="unit-merged-banner">
          {merged ? t('mergedBanner', { target: merged.targetName, ...decisionOf(merged) }) : t('merged')}
          <Text size="xs" c="dimmed">
            {t('readOnly')}
          </Text>
        </Alert>
      )}
      {events.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('reorganisations')}
          </Text>
          <Timeline bulletSize={20} lineWidth={2}>
            {events.map((e) => (
              <Timeline.Item
                key={e.id}
                bullet={e.kind === 'merge' ? <IconGitMerge size={12} /> : <IconArrowsMove size={12} />}
                title={<Text size="sm">{eventTitle(t, e)}</Text>}
              >
                <Text size="xs" c="dimmed">
                  {t('event.decision', decisionOf(e))}
                </Text>
                {e.reason && (
                  <Text size="xs" c="dimmed">
                    {e.reason}
                  </Text>
                )}
                {e.kind === 'merge' && (
                  <Text size="xs" c="dimmed">
                    {t('event.moved', {
                      students: String(e.moved.students ?? 0),
                      staff: String(e.moved.staff ?? 0),
                      classes: String(e.moved.classes ?? 0),
                    })}
                    {(e.moved.endedRoles ?? 0) > 0 &&
                      ` · ${t('event.endedRoles', { count: e.moved.endedRoles })}`}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}
