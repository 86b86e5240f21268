import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PrimarySupportPupil } from '#contracts/results.ts';
import { ApiError } from '../../api/client.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { usePrimarySupport, useSavePrimarySupport } from './api.ts';

/**
 * Primary pupils who did not complete the grade (TT27 Điều 11 khoản 1 điểm b, c): the homeroom teacher records the
 * support plan and the further assessment (đánh giá bổ sung) of what held the pupil back; the principal decides
 * "Được lên lớp" / "Chưa được lên lớp" with its grounds. Reached from the class's periodic evaluation page.
 */
export default function PrimarySupportPage() {
  return (
    <RequirePermission permission="classes.read">
      <Support />
    </RequirePermission>
  );
}

function Support() {
  const { t } = useTranslation('results');
  const { classId = '' } = useParams();
  const list = usePrimarySupport(classId);
  const data = list.data;
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  return (
    <Stack>
      <PageHeader
        title={t('ps.title', { className: data?.class.name ?? '' })}
        subtitle={data && t('ps.subtitle', { year: data.class.schoolYear })}
      />
      {data && data.pupils.length === 0 && <Alert>{t('ps.none')}</Alert>}
      {data?.pupils.map((pupil) => (
        <PupilCard key={pupil.studentId} pupil={pupil} canEdit={data.canEdit} canDecide={data.canDecide} />
      ))}
    </Stack>
  );
}

const SUBJECT_LEVELS = ['completed_well', 'completed', 'not_completed'] as const;
const TRAIT_LEVELS = ['good', 'pass', 'needs_effort'] as const;

function PupilCard({
  pupil,
  canEdit,
  canDecide,
}: {
  pupil: PrimarySupportPupil;
  canEdit: boolean;
  canDecide: boolean;
}) {
  const { t } = useTranslation('results');
  const savePlan = useSavePrimarySupport('plan');
  const saveFurther = useSavePrimarySupport('assessment');
  const saveDecision = useSavePrimarySupport('decision');
  const [plan, setPlan] = useState(pupil.plan ?? '');
  const previous = new Map(pupil.reassessed.map((m) => [m.aspect, m]));
  const [marks, setMarks] = useState(
    pupil.toReassess.map((m) => ({
      aspect: m.aspect,
      name: m.name,
      subject: m.aspect.startsWith('subject:'),
      test: m.testScore !== null,
      level: (previous.get(m.aspect)?.level ?? null) as string | null,
      testScore: previous.get(m.aspect)?.testScore ?? null,
    })),
  );
  const [decision, setDecision] = useState<string>(pupil.decision ?? 'promoted');
  const [reason, setReason] = useState(pupil.decisionReason ?? '');
  const base = { schoolYear: pupil.schoolYear };
  const done = { onSuccess: () => notifySaved(t('ps.saved')), onError: notifyError };
  const fieldError = (m: { error: unknown }, field: string) =>
    m.error instanceof ApiError ? m.error.fields?.[field] : undefined;
  const levelLabel = (level: string) =>
    level in { good: 1, pass: 1, needs_effort: 1 } ? t(`letter.${level}`) : t(`primary.${level}`);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{pupil.fullName}</Text>
          <Badge color={pupil.stage === 'decided' ? 'teal' : 'orange'}>{t(`ps.stage.${pupil.stage}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('ps.toReassess', {
            items: pupil.toReassess
              .map(
                (m) => `${m.name} (${levelLabel(m.level)}${m.testScore === null ? '' : `, ${m.testScore}`})`,
              )
              .join('; '),
          })}
        </Text>
        <Textarea
          label={t('ps.plan')}
          value={plan}
          onChange={(e) => setPlan(e.currentTarget.value)}
          readOnly={!canEdit}
          autosize
          minRows={2}
          error={fieldError(savePlan, 'plan')}
        />
        {canEdit && (
          <Group>
            <Button
              variant="light"
              loading={savePlan.isPending}
              onClick={() =>
                savePlan.mutate(
                  {
                    studentId: pupil.studentId,
                    body: { ...base, plan, version: pupil.version ?? undefined },
                  },
                  done,
                )
              }
            >
              {t('ps.savePlan')}
            </Button>
          </Group>
        )}
        {pupil.plan !== null && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ps.further')}
            </Text>
            {marks.map((m, i) => (
              <Group key={m.aspect} align="end" wrap="wrap">
                <Select
                  label={m.name}
                  w={200}
                  data={(m.subject ? SUBJECT_LEVELS : TRAIT_LEVELS).map((v) => ({
                    value: v,
                    label: levelLabel(v),
                  }))}
                  value={m.level}
                  readOnly={!canEdit}
                  onChange={(v) => setMarks(marks.map((x, j) => (j === i ? { ...x, level: v } : x)))}
                  error={fieldError(saveFurther, `reassessed[${i}]`)}
                />
                {m.test && (
                  <NumberInput
                    label={t('ps.score')}
                    w={110}
                    min={1}
                    max={10}
                    allowDecimal={false}
                    value={m.testScore ?? ''}
                    readOnly={!canEdit}
                    onChange={(v) =>
                      setMarks(
                        marks.map((x, j) => (j === i ? { ...x, testScore: v === '' ? null : Number(v) } : x)),
                      )
                    }
                    error={fieldError(saveFurther, `reassessed[${i}].testScore`)}
                  />
                )}
              </Group>
            ))}
            {canEdit && (
              <Group>
                <Button
                  variant="light"
                  loading={saveFurther.isPending}
                  onClick={() =>
                    saveFurther.mutate(
                      {
                        studentId: pupil.studentId,
                        body: {
                          ...base,
                          version: pupil.version,
                          reassessed: marks
                            .filter((m) => m.level !== null)
                            .map((m) => ({ aspect: m.aspect, level: m.level, testScore: m.testScore })),
                        },
                      },
                      done,
                    )
                  }
                >
                  {t('ps.saveFurther')}
                </Button>
              </Group>
            )}
            {pupil.outcomeAfterSupport && (
              <Text size="sm">{t('ps.after', { outcome: t(`primary.${pupil.outcomeAfterSupport}`) })}</Text>
            )}
          </Stack>
        )}
        {(pupil.stage === 'principal_decision' || pupil.decision !== null) && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ps.decision')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'promoted', label: t('ps.promoted') },
                { value: 'retained', label: t('ps.retained') },
              ]}
              value={decision}
              onChange={setDecision}
              disabled={!canDecide}
            />
            <Textarea
              label={t('ps.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              readOnly={!canDecide}
              autosize
              minRows={2}
              error={fieldError(saveDecision, 'reason') ?? fieldError(saveDecision, 'decision')}
            />
            {canDecide && (
              <Group>
                <Button
                  loading={saveDecision.isPending}
                  onClick={() =>
                    saveDecision.mutate(
                      {
                        studentId: pupil.studentId,
                        body: { ...base, decision, reason, version: pupil.version },
                      },
                      done,
                    )
                  }
                >
                  {t('ps.saveDecision')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {pupil.finalPromotion && (
          <Text size="sm" fw={600}>
            {t(`ps.final.${pupil.finalPromotion}`)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
