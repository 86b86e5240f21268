import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Question, QuestionBody, QuestionType, ShareLevel } from '#contracts/questions.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { type EnumValue, useEnumLabels } from '../../i18n/enums.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReasonButton } from '../../ui/ReasonButton.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useCreateQuestion, useDeleteQuestion, useQuestion, useUpdateQuestion } from './api.ts';
import { BodyEditor, cleanBody, emptyBody } from './BodyEditor.tsx';
import { subjectOptions, useGradeOptions } from './options.ts';
import { QuestionView } from './QuestionView.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { REVIEW_COLORS } from './review-colors.ts';

interface Meta {
  grade: number | null;
  subjectCode: string | null;
  topic: string;
  level: EnumValue<'questionLevel'> | null;
  difficulty: number | null;
  shareLevel: ShareLevel;
}

const NEW_META: Meta = {
  grade: null,
  subjectCode: null,
  topic: '',
  level: null,
  difficulty: null,
  shareLevel: 'private',
};

const metaOf = (q: Question): Meta => ({
  grade: q.grade,
  subjectCode: q.subjectCode,
  topic: q.topic,
  level: q.level,
  difficulty: q.difficulty,
  shareLevel: q.shareLevel,
});

/** Create (/question-bank/new) or edit (/question-bank/:id) one question, with its live preview. */
export default function QuestionFormPage() {
  return (
    <RequirePermission permission="question_bank.use">
      <QuestionForm />
    </RequirePermission>
  );
}

function QuestionForm() {
  const { id } = useParams();
  const existing = useQuestion(id);
  if (id && existing.error) return <ErrorAlert error={existing.error} onRetry={() => existing.refetch()} />;
  if (id && !existing.data) return <Loading />;
  return (
    <Editor
      key={`${existing.data?.id ?? 'new'}-${existing.data?.version ?? 0}`}
      question={existing.data}
      reload={() => void existing.refetch()}
    />
  );
}

function Editor({ question, reload }: { question: Question | undefined; reload: () => void }) {
  const { t } = useTranslation('questionBank');
  const { options, label } = useEnumLabels();
  const { unitId } = useWorkspace();
  const schoolGrades = useGradeOptions();
  const navigate = useNavigate();
  const [meta, setMeta] = useState<Meta>(question ? metaOf(question) : NEW_META);
  const [body, setBody] = useState<QuestionBody>(question?.body ?? emptyBody('single_choice'));
  const create = useCreateQuestion();
  const update = useUpdateQuestion(question?.id ?? '');
  const remove = useDeleteQuestion();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = question ? update : create;
  const error = save.error;
  const fields = error instanceof ApiError ? error.fields : {};
  const conflict = error instanceof ApiError && error.status === 409;
  const change = (part: Partial<Meta>) => setMeta((m) => ({ ...m, ...part }));
  // A question written for a grade the school no longer teaches keeps its grade in the picker.
  const gradeOptions =
    meta.grade && !schoolGrades.some((g) => g.value === String(meta.grade))
      ? [...schoolGrades, { value: String(meta.grade), label: String(meta.grade) }]
      : schoolGrades;
  const subjects = subjectOptions(meta.grade);
  useEffect(() => {
    if (meta.subjectCode && meta.grade && !subjects.some((s) => s.value === meta.subjectCode))
      setMeta((m) => ({ ...m, subjectCode: null }));
  }, [meta.grade, meta.subjectCode, subjects]);

  const missing = !meta.grade ? 'grade' : !meta.subjectCode ? 'subjectCode' : null;
  const onSave = () => {
    if (missing) return;
    const common = {
      subjectCode: meta.subjectCode ?? '',
      grade: meta.grade ?? 0,
      topic: meta.topic,
      level: meta.level,
      difficulty: meta.difficulty,
      shareLevel: meta.shareLevel,
      body: cleanBody(body),
    };
    if (question)
      update.mutate({ ...common, version: question.version }, { onSuccess: () => notifySaved(t('saved')) });
    else
      create.mutate(
        { ...common, unitId },
        {
          onSuccess: (saved) => {
            notifySaved(t('created'));
            void navigate(`/question-bank/${saved.id}`, { replace: true });
          },
        },
      );
  };
  // A 409 is said once, by the conflict alert (its `version` field needs no second line).
  const otherFieldErrors = conflict
    ? []
    : Object.entries(fields).filter(([key]) => key !== 'subjectCode' && key !== 'grade');

  return (
    <Stack gap="sm">
      <PageHeader
        title={question ? t('editTitle') : t('createTitle')}
        subtitle={
          question && (
            <Group gap={6} component="span">
              <Text span size="sm">
                {question.authorName}
              </Text>
              <Badge color={REVIEW_COLORS[question.reviewState]} data-testid="review-state">
                {label('reviewState', question.reviewState)}
              </Badge>
            </Group>
          )
        }
        actions={
          <Button component={Link} to="/question-bank" variant="default">
            {t('backToList')}
          </Button>
        }
      />
      {conflict && (
        <Alert color="orange" title={t('conflict')} data-testid="conflict">
          <Group justify="space-between">
            <Text size="sm">{t('conflictHint')}</Text>
            <Button size="xs" onClick={reload}>
              {t('reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {error != null && !conflict && otherFieldErrors.length === 0 && !fields.subjectCode && (
        <ErrorAlert error={error} />
      )}
      {otherFieldErrors.length > 0 && (
        <Alert color="red" title={t('fixFields')}>
          {otherFieldErrors.map(([key, message]) => (
            <Text key={key} size="sm">
              {message}
            </Text>
          ))}
        </Alert>
      )}
      {question?.reviewState === 'rejected' && question.reviewNote && (
        <Alert color="red" title={t('reviewNote')}>
          {question.reviewNote}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Group gap="xs" align="flex-start">
              <Select
                label={t('type')}
                data={options('questionType')}
                value={body.type}
                disabled={Boolean(question)}
                onChange={(v) => v && setBody(emptyBody(v as QuestionType, body.stem))}
                w={240}
                allowDeselect={false}
                data-testid="question-type"
              />
              <Select
                label={t('grade')}
                required
                data={gradeOptions}
                value={meta.grade ? String(meta.grade) : null}
                onChange={(v) => change({ grade: v ? Number(v) : null })}
                w={90}
                data-testid="question-grade"
              />
              <Select
                label={t('subject')}
                required
                searchable
                data={subjects}
                value={meta.subjectCode}
                onChange={(v) => change({ subjectCode: v })}
                error={fields.subjectCode}
                description={meta.grade ? undefined : t('gradeFirst')}
                w={220}
                data-testid="question-subject"
              />
            </Group>
            <Group gap="xs" align="flex-start">
              <TextInput
                label={t('topic')}
                value={meta.topic}
                onChange={(e) => change({ topic: e.currentTarget.value })}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Select
                label={t('level')}
                data={options('questionLevel')}
                value={meta.level}
                onChange={(v) => change({ level: v as Meta['level'] })}
                clearable
                w={130}
              />
              <Select
                label={t('difficulty')}
                data={['1', '2', '3', '4', '5']}
                value={meta.difficulty ? String(meta.difficulty) : null}
                onChange={(v) => change({ difficulty: v ? Number(v) : null })}
                clearable
                w={100}
              />
              <Select
                label={t('share')}
                data={options('shareLevel')}
                value={meta.shareLevel}
                onChange={(v) => v && change({ shareLevel: v as ShareLevel })}
                allowDeselect={false}
                w={220}
              />
            </Group>
            <BodyEditor body={body} onChange={setBody} />
            <Group gap="xs" align="flex-start">
              <ReasonButton
                onClick={onSave}
                loading={save.isPending}
                reason={missing ? t(missing === 'grade' ? 'needGrade' : 'needSubject') : null}
                testId="save-question"
              >
                {t('save')}
              </ReasonButton>
              {question && <ReviewActions question={question} onDone={reload} />}
              {question?.isMine && question.canEdit && (
                <Button color="red" variant="subtle" onClick={() => setConfirmDelete(true)}>
                  {t('delete')}
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              {t('preview')}
            </Title>
            <QuestionView body={body} />
          </Card>
        </Grid.Col>
      </Grid>
      {question && (
        <ConfirmModal
          opened={confirmDelete}
          title={t('deleteTitle')}
          confirmLabel={t('delete')}
          loading={remove.isPending}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(question.id, {
              onSuccess: () => {
                notifySaved(t('deleted'));
                void navigate('/question-bank');
              },
              onError: notifyError,
            })
          }
        >
          {t('deleteConfirm')}
        </ConfirmModal>
      )}
    </Stack>
  );
}
