import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useClassResults, usePrimaryGrid } from './api.ts';
import { PrimaryGrid } from './PrimaryGrid.tsx';
import { PrimarySummaryCard } from './PrimarySummary.tsx';

/**
 * "Đánh giá định kì" of a primary class (TT27): where a primary teacher lands from "Lớp tôi dạy" — the grid of the
 * four checkpoints, and the class's year summary for those who may read the class results (homeroom, leaders).
 */
export default function PrimaryEvaluationPage() {
  return (
    <RequirePermission permission="classes.read">
      <Evaluation />
    </RequirePermission>
  );
}

function Evaluation() {
  const { t } = useTranslation('results');
  const { classId = '' } = useParams();
  // The header reads the grid's class (the same query the grid makes for its default checkpoint).
  const grid = usePrimaryGrid(classId, 'end2');
  const results = useClassResults(classId, 0);
  const cls = grid.data?.class;
  return (
    <Stack>
      <PageHeader
        title={t('pg.title', { className: cls?.name ?? '' })}
        subtitle={cls && t('pg.subtitle', { year: cls.schoolYear })}
        actions={
          // TT27 Điều 11: pupils at Chưa hoàn thành — support plan, further assessment, principal's decision.
          <Button component={Link} to={`/results/classes/${classId}/primary-support`} variant="light">
            {t('ps.link')}
          </Button>
        }
      />
      <PrimaryGrid classId={classId} />
      {results.data?.summary.primary && <PrimarySummaryCard summary={results.data.summary.primary} />}
    </Stack>
  );
}
