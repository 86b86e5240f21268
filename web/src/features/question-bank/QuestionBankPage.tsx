import { Badge, Button, Card, Checkbox, Group, Menu, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Question } from '#contracts/questions.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import { usePagedSearch } from '../../ui/ListPager.tsx';
import { notifyError } from '../../ui/notify.ts';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { downloadQuestions, type QuestionFilters, useQuestions } from './api.ts';
import { subjectOptions, useGradeOptions } from './options.ts';
import { QuestionView } from './QuestionView.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { REVIEW_COLORS } from './review-colors.ts';

const PAGE_SIZE = 20;

/** The question bank (issue 14 §1): filters, search without diacritics, the questions as cards, export. */
export default function QuestionBankPage() {
  return (
    <RequirePermission permission="question_bank.use">
      <QuestionBank />
    </RequirePermission>
  );
}

function QuestionBank() {
  const { t } = useTranslation('questionBank');
  const { options } = useEnumLabels();
  const { unitId } = useWorkspace();
  const gradeOptions = useGradeOptions();
  const paged = usePagedSearch();
  const [filters, setFilters] = useState<Omit<QuestionFilters, 'q'>>({});
  const setFilter = paged.resetting(<K extends keyof QuestionFilters>(change: Pick<QuestionFilters, K>) =>
    setFilters((current) => ({ ...current, ...change })),
  );
  const query: QuestionFilters = { ...filters, q: paged.q.trim() || undefined };
  const list = useQuestions(unitId, query, paged.page, PAGE_SIZE);
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: 'gift' | 'moodle_xml') => {
    setExporting(true);
    try {
      await downloadQuestions(unitId, query, format);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <ListPage
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        <>
          <Button component={Link} to="/question-bank/new" leftSection={<IconPlus size={16} />}>
            {t('create')}
          </Button>
          <Button
            component={Link}
            to="/question-bank/import"
            variant="default"
            leftSection={<IconFileImport size={16} />}
          >
            {t('import')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button variant="default" loading={exporting} leftSection={<IconDownload size={16} />}>
                {t('export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportAs('gift')}>{t('exportGift')}</Menu.Item>
              <Menu.Item onClick={() => void exportAs('moodle_xml')}>{t('exportMoodle')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </>
      }
      filters={
        <Stack gap="xs">
          <TextInput
            label={t('search')}
            placeholder={t('searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={paged.search}
            onChange={(e) => paged.setSearch(e.currentTarget.value)}
            data-testid="question-search"
          />
          <Group gap="xs" align="flex-end">
            <Select
              label={t('grade')}
              data={gradeOptions}
              value={filters.grade ? String(filters.grade) : null}
              onChange={(v) => setFilter({ grade: v ? Number(v) : undefined })}
              clearable
              w={90}
            />
            <Select
              label={t('subject')}
              data={subjectOptions(filters.grade)}
              value={filters.subjectCode ?? null}
              onChange={(v) => setFilter({ subjectCode: v ?? undefined })}
              clearable
              searchable
              w={180}
            />
            <Select
              label={t('level')}
              data={options('questionLevel')}
              value={filters.level ?? null}
              onChange={(v) => setFilter({ level: (v as QuestionFilters['level']) ?? undefined })}
              clearable
              w={130}
            />
            <Select
              label={t('type')}
              data={options('questionType')}
              value={filters.type ?? null}
              onChange={(v) => setFilter({ type: (v as QuestionFilters['type']) ?? undefined })}
              clearable
              w={220}
            />
            <Select
              label={t('reviewState')}
              data={options('reviewState')}
              value={filters.reviewState ?? null}
              onChange={(v) => setFilter({ reviewState: (v as QuestionFilters['reviewState']) ?? undefined })}
              clearable
              w={150}
              data-testid="filter-review-state"
            />
            <Checkbox
              label={t('mine')}
              checked={Boolean(filters.mine)}
              onChange={(e) => setFilter({ mine: e.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
        </Stack>
      }
      list={list}
      isEmpty={(data) => data.items.length === 0}
      empty={t('empty')}
      pager={{
        page: paged.page,
        pageSize: PAGE_SIZE,
        total: (data) => data.total,
        onChange: paged.setPage,
      }}
    >
      {(data) => (
        <Stack gap="sm" data-testid="question-list">
          {data.items.map((question) => (
            <QuestionCard key={question.id} question={question} />
          ))}
        </Stack>
      )}
    </ListPage>
  );
}

function QuestionCard({ question }: { question: Question }) {
  const { t } = useTranslation('questionBank');
  const { label } = useEnumLabels();
  return (
    <Card withBorder padding="sm" data-testid="question-card">
      <Stack gap="xs">
        <Group gap={6}>
          <Badge variant="light">{label('questionType', question.body.type)}</Badge>
          <Badge variant="outline" color="gray">
            {question.subjectName} {question.grade}
          </Badge>
          {question.level && (
            <Badge variant="light" color="grape">
              {label('questionLevel', question.level)}
            </Badge>
          )}
          <Badge color={REVIEW_COLORS[question.reviewState]} data-testid="review-state">
            {label('reviewState', question.reviewState)}
          </Badge>
          {question.duplicateCount > 0 && (
            <Badge color="orange" variant="light">
              {t('duplicates', { count: question.duplicateCount })}
            </Badge>
          )}
        </Group>
        <QuestionView body={question.body} />
        {question.reviewState === 'rejected' && question.reviewNote && (
          <Text size="sm" c="red.8">
            {t('reviewNote')}: {question.reviewNote}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {[
              question.authorName,
              label('shareLevel', question.shareLevel),
              question.topic,
              question.difficulty ? t('difficultyN', { n: question.difficulty }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Group gap="xs">
            {question.canEdit && (
              <Button component={Link} to={`/question-bank/${question.id}`} size="xs" variant="default">
                {t('edit')}
              </Button>
            )}
            <ReviewActions question={question} />
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
