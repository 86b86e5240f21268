import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportPreview, ShareLevel } from '#contracts/questions.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReasonButton } from '../../ui/ReasonButton.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useCommitImport, usePreviewImport } from './api.ts';
import { subjectOptions, useGradeOptions } from './options.ts';
import { ProblemList, QuestionView } from './QuestionView.tsx';

/** Import a GIFT, Moodle XML or Word file: preview each parsed question and each problem, keep some, commit. */
export default function ImportPage() {
  return (
    <RequirePermission permission="question_bank.use">
      <QuestionImport />
    </RequirePermission>
  );
}

function QuestionImport() {
  const { t } = useTranslation('questionBank');
  const { options, label } = useEnumLabels();
  const { unitId } = useWorkspace();
  const gradeOptions = useGradeOptions();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [kept, setKept] = useState<boolean[]>([]);
  const [grade, setGrade] = useState<number | null>(null);
  const [subjectCode, setSubjectCode] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [shareLevel, setShareLevel] = useState<ShareLevel>('private');
  const read = usePreviewImport(unitId);
  const commit = useCommitImport();
  const subjects = subjectOptions(grade);

  const onPreview = () =>
    file &&
    read.mutate(file, {
      onSuccess: (result) => {
        setPreview(result);
        // Duplicates of questions already in the bank start unticked: the teacher keeps them on purpose.
        setKept(result.questions.map((q) => q.duplicateOf === null));
      },
    });
  const chosen = preview ? preview.questions.filter((_, i) => kept[i]) : [];
  const reason = !grade
    ? t('needGrade')
    : !subjectCode || !subjects.some((s) => s.value === subjectCode)
      ? t('needSubject')
      : chosen.length === 0
        ? t('nothingKept')
        : null;
  const onCommit = () =>
    commit.mutate(
      {
        unitId,
        grade: grade ?? 0,
        subjectCode: subjectCode ?? '',
        topic,
        shareLevel,
        difficulty: null,
        questions: chosen.map((q) => ({
          level: q.level,
          sourceLevel: q.tags?.[0]?.slice(0, 40) ?? null,
          body: q.body,
        })),
      },
      {
        onSuccess: ({ created }) => {
          notifySaved(t('imported', { count: created }));
          void navigate('/question-bank');
        },
      },
    );

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('importTitle')}
        subtitle={t('importHint')}
        actions={
          <Button component={Link} to="/question-bank" variant="default">
            {t('backToList')}
          </Button>
        }
      />
      <Group align="flex-end" gap="xs">
        <FileInput
          label={t('file')}
          accept=".docx,.xml,.txt,.gift"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
          clearable
          w={320}
          data-testid="import-file"
        />
        <Button
          leftSection={<IconUpload size={16} />}
          onClick={onPreview}
          loading={read.isPending}
          disabled={!file}
          data-testid="import-preview"
        >
          {t('readFile')}
        </Button>
      </Group>
      {read.error != null && <ErrorAlert error={read.error} />}
      {preview && (
        <>
          {preview.problems.length > 0 && (
            <Alert color="orange" title={t('problems', { count: preview.problems.length })}>
              <ProblemList problems={preview.problems} />
            </Alert>
          )}
          <Text size="sm">
            {t('parsed', { count: preview.questions.length })} · {t('keptCount', { count: chosen.length })}
          </Text>
          <Stack gap="xs" data-testid="import-questions">
            {preview.questions.map((question, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the file's questions, in file order
              <Card key={i} withBorder padding="sm" data-testid="import-question">
                <Group align="flex-start" wrap="nowrap" gap="sm">
                  <Checkbox
                    mt={2}
                    aria-label={t('keepN', { n: i + 1 })}
                    checked={kept[i] ?? false}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setKept((all) => all.map((k, j) => (j === i ? checked : k)));
                    }}
                  />
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {t('questionN', { n: i + 1 })}
                      </Text>
                      <Badge variant="light">{label('questionType', question.body.type)}</Badge>
                      {question.level && (
                        <Badge variant="light" color="grape">
                          {label('questionLevel', question.level)}
                        </Badge>
                      )}
                      {question.duplicateOf && (
                        <Badge color="orange" data-testid="already-in-bank">
                          {t('alreadyInBank')}
                        </Badge>
                      )}
                    </Group>
                    <QuestionView body={question.body} />
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
          <Card withBorder padding="sm">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('batch')}
              </Text>
              <Group gap="xs" align="flex-start">
                <Select
                  label={t('grade')}
                  required
                  data={gradeOptions}
                  value={grade ? String(grade) : null}
                  onChange={(v) => setGrade(v ? Number(v) : null)}
                  w={90}
                  data-testid="import-grade"
                />
                <Select
                  label={t('subject')}
                  required
                  searchable
                  data={subjects}
                  value={subjectCode}
                  onChange={setSubjectCode}
                  w={220}
                  data-testid="import-subject"
                />
                <TextInput
                  label={t('topic')}
                  value={topic}
                  onChange={(e) => setTopic(e.currentTarget.value)}
                  w={240}
                />
                <Select
                  label={t('share')}
                  data={options('shareLevel')}
                  value={shareLevel}
                  onChange={(v) => v && setShareLevel(v as ShareLevel)}
                  allowDeselect={false}
                  w={220}
                />
              </Group>
              {commit.error != null && <ErrorAlert error={commit.error} />}
              <ReasonButton
                reason={reason}
                onClick={onCommit}
                loading={commit.isPending}
                testId="import-commit"
              >
                {t('commit', { count: chosen.length })}
              </ReasonButton>
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}
