import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RolloverOutcome } from '#contracts/rollover.ts';

/**
 * What the rollover did, in numbers that add up: who moved into the new year (promoted, retained), who graduated,
 * and who was left where they are and why (no final decision yet; no longer at the school) — the names are in the
 * lists below. A rollover that moved nobody because every student still waits for a decision says so instead of
 * "Đã chuyển".
 */
export function RolloverSummary({ outcome }: { outcome: RolloverOutcome }) {
  const { t } = useTranslation('results');
  const promoted = outcome.promoted.length;
  const retained = outcome.retained.length;
  const graduated = outcome.graduated.length;
  const pending = outcome.pending.length;
  const left = outcome.left.length;
  const moved = promoted + retained;
  const nothing = moved + graduated === 0;
  const tone = pending > 0 ? 'orange' : 'teal';
  return (
    <Alert
      color={tone}
      title={t(nothing ? 'rolloverNothingMoved' : pending > 0 ? 'rolloverPartlyMoved' : 'rolloverMoved', {
        year: outcome.toYear,
        count: pending,
      })}
      data-testid="rollover-summary"
    >
      {!nothing && (
        <Text size="sm">
          {t('rolloverMovedCounts', { moved, promoted, retained, graduated, year: outcome.toYear })}
        </Text>
      )}
      {pending > 0 && (
        <Text size="sm" fw={600} data-testid="rollover-pending-note">
          {t('rolloverPendingNote', { count: pending, from: outcome.fromYear })}
        </Text>
      )}
      {left > 0 && <Text size="sm">{t('rolloverLeftNote', { count: left })}</Text>}
      <Text size="xs" c="dimmed">
        {t('rolloverWritten', { count: outcome.written })}
      </Text>
    </Alert>
  );
}
