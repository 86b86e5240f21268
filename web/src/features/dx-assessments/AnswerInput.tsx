import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  CatalogueItem,
  CountBand,
  ItemAnswer,
  ItemResult,
  MeasureAnswer,
  RatioBand,
  SubItemAnswer,
} from '#domain/assessment-catalogue/index.ts';
import { formatPoints } from './format.ts';

/** What a measure field converts: a criterion without sub-criteria, or one sub-criterion. */
interface MeasureOwner {
  id: string;
  title: string;
  maxPoints: number;
  ratioBands?: RatioBand[] | undefined;
  countBands?: CountBand[] | undefined;
}

function asMeasure(value: SubItemAnswer | MeasureAnswer | undefined): MeasureAnswer {
  if (value === undefined) return {};
  return typeof value === 'number' ? { points: value } : value;
}

export function bandsText(owner: MeasureOwner): string | null {
  if (owner.ratioBands)
    return owner.ratioBands
      .map((b) => `≥ ${formatPoints(b.minRatio * 100)}% → ${formatPoints(b.points)} đ`)
      .join('; ');
  if (owner.countBands)
    return owner.countBands.map((b) => `≥ ${b.minCount} → ${formatPoints(b.points)} đ`).join('; ');
  return null;
}

const toNumber = (value: string | number) => (value === '' ? undefined : Number(value));

/** One number the unit reports: a share (converted by ratio bands), a count (count bands) or points. */
function MeasureField({
  owner,
  value,
  onChange,
  disabled,
  label,
  points,
}: {
  owner: MeasureOwner;
  value: SubItemAnswer | MeasureAnswer | undefined;
  onChange(value: MeasureAnswer | undefined): void;
  disabled?: boolean;
  label: string;
  /** Points the scoring engine gives the current value (shown under bands). */
  points: number | null;
}) {
  const { t } = useTranslation('assessments');
  const measure = asMeasure(value);
  const common = {
    disabled,
    size: 'sm' as const,
    decimalSeparator: ',',
    allowNegative: false,
    w: { base: '100%', xs: 220 },
  };
  const gives = points === null ? '' : ` — ${t('givesPoints', { points: formatPoints(points) })}`;
  const description = `${bandsText(owner) ?? ''}${gives}`;
  if (owner.ratioBands) {
    const percent = measure.percent ?? (measure.ratio === undefined ? '' : measure.ratio * 100);
    return (
      <NumberInput
        {...common}
        label={`${label} — ${t('percent')}`}
        description={description}
        suffix="%"
        min={0}
        max={100}
        value={percent}
        onChange={(v) => onChange(toNumber(v) === undefined ? undefined : { percent: toNumber(v) })}
        aria-label={`${t('percent')} ${owner.id}`}
        data-testid={`percent-${owner.id}`}
      />
    );
  }
  if (owner.countBands)
    return (
      <NumberInput
        {...common}
        label={`${label} — ${t('count')}`}
        description={description}
        min={0}
        allowDecimal={false}
        value={measure.count ?? ''}
        onChange={(v) => onChange(toNumber(v) === undefined ? undefined : { count: toNumber(v) })}
        aria-label={`${t('count')} ${owner.id}`}
        data-testid={`count-${owner.id}`}
      />
    );
  return (
    <NumberInput
      {...common}
      label={label}
      description={t('maxPoints', { points: formatPoints(owner.maxPoints) })}
      min={0}
      max={owner.maxPoints}
      value={measure.points ?? ''}
      onChange={(v) => onChange(toNumber(v) === undefined ? undefined : { points: toNumber(v) })}
      aria-label={`${t('points')} ${owner.id}`}
      data-testid={`points-${owner.id}`}
    />
  );
}

/** The claim form of one criterion, by its kind: met / not met, a measure, or one measure per sub-criterion. */
export function AnswerInput({
  item,
  value,
  onChange,
  disabled,
  result,
  label,
}: {
  item: CatalogueItem;
  value: ItemAnswer | null;
  onChange(answer: ItemAnswer | null): void;
  disabled?: boolean;
  /** What the value is: the unit's claim (default) or the office's agreed points. */
  label?: string;
  /** The live score of this criterion, to show the points each value gives. */
  result?: ItemResult | undefined;
}) {
  const { t } = useTranslation('assessments');
  if (item.kind === 'mandatory') {
    const current = value?.met === undefined ? '' : value.met ? 'met' : 'not_met';
    return (
      <SegmentedControl
        disabled={disabled}
        value={current}
        onChange={(v) => onChange({ met: v === 'met' })}
        data={[
          { label: t('met'), value: 'met' },
          { label: t('notMet'), value: 'not_met' },
        ]}
        aria-label={`${label ?? t('result')} ${item.id}`}
        data-testid={`met-${item.id}`}
      />
    );
  }
  if (!item.subItems)
    return (
      <MeasureField
        owner={item}
        label={label ?? t('claim')}
        points={result && result.claimedPoints !== null ? result.points : null}
        value={value ?? undefined}
        disabled={disabled}
        onChange={(measure) => onChange(measure ?? null)}
      />
    );
  const subItems = value?.subItems ?? {};
  return (
    <Stack gap="xs">
      {item.subItems.map((sub) => (
        <MeasureField
          key={sub.id}
          owner={sub}
          label={`${sub.id}. ${sub.title}`}
          points={subPoints(result, sub.id)}
          value={subItems[sub.id]}
          disabled={disabled}
          onChange={(measure) => {
            const next = { ...subItems, [sub.id]: measure };
            if (measure === undefined) delete next[sub.id];
            onChange(Object.keys(next).length ? { subItems: next } : null);
          }}
        />
      ))}
    </Stack>
  );
}

function subPoints(result: ItemResult | undefined, subItemId: string): number | null {
  const sub = result?.subItems.find((s) => s.id === subItemId);
  return sub?.answered ? sub.points : null;
}

function measureText(value: SubItemAnswer | MeasureAnswer | undefined): string {
  const m = asMeasure(value);
  if (m.percent !== undefined) return `${formatPoints(m.percent)}%`;
  if (m.ratio !== undefined) return `${formatPoints(m.ratio * 100)}%`;
  if (m.count !== undefined) return String(m.count);
  return '';
}

/** A claim as text, with the points the scoring engine gives it. */
export function AnswerView({
  item,
  answer,
  result,
}: {
  item: CatalogueItem;
  answer: ItemAnswer | null;
  result: ItemResult | undefined;
}) {
  const { t } = useTranslation('assessments');
  if (!answer)
    return (
      <Text size="sm" c="dimmed">
        {t('notAnswered')}
      </Text>
    );
  if (item.kind === 'mandatory')
    return (
      <Text size="sm" fw={600} c={answer.met ? 'teal' : 'red'}>
        {answer.met ? t('met') : t('notMet')}
      </Text>
    );
  const subs = item.subItems ?? [];
  return (
    <Stack gap={2}>
      {subs.map((sub) => {
        const subResult = result?.subItems.find((s) => s.id === sub.id);
        const given = measureText(answer.subItems?.[sub.id]);
        return (
          <Group key={sub.id} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm">
              {sub.id}. {sub.title}
            </Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {given && `${given} → `}
              {subResult?.answered ? formatPoints(subResult.points) : '—'}/{formatPoints(sub.maxPoints)}
            </Text>
          </Group>
        );
      })}
      <Text size="sm" fw={700}>
        {measureText(answer) && `${measureText(answer)} → `}
        {t('pointsOf', { points: formatPoints(result?.points), max: formatPoints(item.maxPoints) })}
      </Text>
    </Stack>
  );
}
