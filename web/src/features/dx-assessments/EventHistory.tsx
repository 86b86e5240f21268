import { Card, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentDetail } from './api.ts';
import { formatDateTime } from './format.ts';

/** The assessment's history (assessment_events): who started, approved, submitted, returned, recognised… */
export function EventHistory({ events }: { events: AssessmentDetail['events'] }) {
  const { t } = useTranslation('assessments');
  if (events.length === 0) return null;
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        {t('history')}
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={events.length}>
        {[...events].reverse().map((event) => (
          <Timeline.Item
            key={`${event.createdAt}-${event.action}`}
            title={t(`event_${event.action}`, { defaultValue: event.action })}
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(event.createdAt)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </Text>
            {event.comment && <Text size="sm">{event.comment}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
