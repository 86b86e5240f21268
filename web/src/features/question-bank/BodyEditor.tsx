import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QuestionBody, QuestionType } from '#contracts/questions.ts';

const LETTERS = 'ABCDEFGH';
const STATEMENT_LETTERS = 'abcd';

/** An empty question of the type, as the form starts it. */
export function emptyBody(type: QuestionType, stem = ''): QuestionBody {
  switch (type) {
    case 'single_choice':
      return { type, stem, options: ['', '', '', ''], correctIndex: 0 };
    case 'true_false_group':
      return { type, stem, statements: [0, 1, 2, 3].map(() => ({ text: '', correct: false })) };
    case 'short_answer':
      return { type, stem, answer: { kind: 'numeric', value: 0, tolerance: 0 } };
    case 'matching':
      return {
        type,
        stem,
        pairs: [
          { left: '', right: '' },
          { left: '', right: '' },
        ],
        distractors: [],
      };
    case 'essay':
      return { type, stem, rubric: [{ criterion: '', points: 1 }] };
  }
}

/** The body as saved: blank lines of the line-per-item fields dropped. */
export function cleanBody(body: QuestionBody): QuestionBody {
  if (body.type === 'matching') return { ...body, distractors: body.distractors.filter((d) => d.trim()) };
  if (body.type === 'short_answer' && body.answer.kind === 'text')
    return { ...body, answer: { ...body.answer, accepted: body.answer.accepted.filter((a) => a.trim()) } };
  return body;
}

const replaceAt = <T,>(list: readonly T[], index: number, value: T) =>
  list.map((item, i) => (i === index ? value : item));
const removeAt = <T,>(list: readonly T[], index: number) => list.filter((_, i) => i !== index);

/** The fields of the question's body, per type (the stem first). */
export function BodyEditor({
  body,
  onChange,
}: {
  body: QuestionBody;
  onChange: (body: QuestionBody) => void;
}) {
  const { t } = useTranslation('questionBank');
  return (
    <Stack gap="sm">
      <Textarea
        label={t('stem')}
        description={t('stemHint')}
        required
        autosize
        minRows={3}
        value={body.stem}
        onChange={(e) => onChange({ ...body, stem: e.currentTarget.value })}
        data-testid="question-stem-input"
      />
      {body.type === 'single_choice' && (
        <Radio.Group
          label={t('options')}
          description={t('pickCorrect')}
          value={String(body.correctIndex)}
          onChange={(v) => onChange({ ...body, correctIndex: Number(v) })}
        >
          <Stack gap="xs" mt={4}>
            {body.options.map((option, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their letter
              <Group key={i} gap="xs" wrap="nowrap">
                <Radio value={String(i)} aria-label={t('correctOption', { letter: LETTERS[i] })} />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('optionN', { letter: LETTERS[i] })}
                  leftSection={<Text size="sm">{LETTERS[i]}.</Text>}
                  value={option}
                  onChange={(e) =>
                    onChange({ ...body, options: replaceAt(body.options, i, e.currentTarget.value) })
                  }
                  data-testid={`option-${i}`}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={body.options.length <= 2}
                  aria-label={t('removeOption', { letter: LETTERS[i] })}
                  onClick={() =>
                    onChange({
                      ...body,
                      options: removeAt(body.options, i),
                      correctIndex:
                        body.correctIndex === i
                          ? 0
                          : body.correctIndex > i
                            ? body.correctIndex - 1
                            : body.correctIndex,
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {body.options.length < 8 && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => onChange({ ...body, options: [...body.options, ''] })}
                w="fit-content"
              >
                {t('addOption')}
              </Button>
            )}
          </Stack>
        </Radio.Group>
      )}
      {body.type === 'true_false_group' &&
        body.statements.map((statement, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: statements a)–d)
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('statementN', { letter: STATEMENT_LETTERS[i] })}
              value={statement.text}
              onChange={(e) =>
                onChange({
                  ...body,
                  statements: replaceAt(body.statements, i, { ...statement, text: e.currentTarget.value }),
                })
              }
            />
            <SegmentedControl
              aria-label={t('statementKey', { letter: STATEMENT_LETTERS[i] })}
              data={[
                { value: 'true', label: t('true') },
                { value: 'false', label: t('false') },
              ]}
              value={String(statement.correct)}
              onChange={(v) =>
                onChange({
                  ...body,
                  statements: replaceAt(body.statements, i, { ...statement, correct: v === 'true' }),
                })
              }
            />
          </Group>
        ))}
      {body.type === 'short_answer' && (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={t('answerKind')}
            data={[
              { value: 'numeric', label: t('numeric') },
              { value: 'text', label: t('textAnswer') },
            ]}
            value={body.answer.kind}
            onChange={(kind) =>
              onChange({
                ...body,
                answer:
                  kind === 'numeric'
                    ? { kind: 'numeric', value: 0, tolerance: 0 }
                    : { kind: 'text', accepted: [''], ignoreDiacritics: false },
              })
            }
            w="fit-content"
          />
          {body.answer.kind === 'numeric' ? (
            <Group gap="xs">
              <NumberInput
                label={t('value')}
                decimalSeparator=","
                value={body.answer.value}
                onChange={(v) =>
                  body.answer.kind === 'numeric' &&
                  onChange({ ...body, answer: { ...body.answer, value: Number(v) || 0 } })
                }
              />
              <NumberInput
                label={t('tolerance')}
                decimalSeparator=","
                min={0}
                value={body.answer.tolerance}
                onChange={(v) =>
                  body.answer.kind === 'numeric' &&
                  onChange({ ...body, answer: { ...body.answer, tolerance: Math.abs(Number(v) || 0) } })
                }
              />
            </Group>
          ) : (
            <Stack gap="xs">
              <Textarea
                label={t('accepted')}
                description={t('acceptedHint')}
                autosize
                minRows={2}
                value={body.answer.accepted.join('\n')}
                onChange={(e) =>
                  body.answer.kind === 'text' &&
                  onChange({
                    ...body,
                    answer: { ...body.answer, accepted: e.currentTarget.value.split('\n') },
                  })
                }
              />
              <Checkbox
                label={t('ignoreDiacritics')}
                checked={body.answer.ignoreDiacritics}
                onChange={(e) =>
                  body.answer.kind === 'text' &&
                  onChange({ ...body, answer: { ...body.answer, ignoreDiacritics: e.currentTarget.checked } })
                }
              />
            </Stack>
          )}
        </Stack>
      )}
      {body.type === 'matching' && (
        <Stack gap="xs">
          {body.pairs.map((pair, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pairs in order
            <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('left', { n: i + 1 })}
                value={pair.left}
                onChange={(e) =>
                  onChange({
                    ...body,
                    pairs: replaceAt(body.pairs, i, { ...pair, left: e.currentTarget.value }),
                  })
                }
              />
              <TextInput
                style={{ flex: 1 }}
                label={t('right', { n: i + 1 })}
                value={pair.right}
                onChange={(e) =>
                  onChange({
                    ...body,
                    pairs: replaceAt(body.pairs, i, { ...pair, right: e.currentTarget.value }),
                  })
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={6}
                disabled={body.pairs.length <= 2}
                aria-label={t('removePair', { n: i + 1 })}
                onClick={() => onChange({ ...body, pairs: removeAt(body.pairs, i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange({ ...body, pairs: [...body.pairs, { left: '', right: '' }] })}
          >
            {t('addPair')}
          </Button>
          <Textarea
            label={t('distractors')}
            description={t('distractorsHint')}
            autosize
            value={body.distractors.join('\n')}
            onChange={(e) => onChange({ ...body, distractors: e.currentTarget.value.split('\n') })}
          />
        </Stack>
      )}
      {body.type === 'essay' && (
        <Stack gap="xs">
          {body.rubric.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rubric rows in order
            <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('criterion', { n: i + 1 })}
                value={row.criterion}
                onChange={(e) =>
                  onChange({
                    ...body,
                    rubric: replaceAt(body.rubric, i, { ...row, criterion: e.currentTarget.value }),
                  })
                }
              />
              <NumberInput
                w={90}
                label={t('points')}
                min={0}
                max={100}
                decimalSeparator=","
                value={row.points}
                onChange={(v) =>
                  onChange({ ...body, rubric: replaceAt(body.rubric, i, { ...row, points: Number(v) || 0 }) })
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={6}
                aria-label={t('removeCriterion', { n: i + 1 })}
                onClick={() => onChange({ ...body, rubric: removeAt(body.rubric, i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange({ ...body, rubric: [...body.rubric, { criterion: '', points: 1 }] })}
          >
            {t('addCriterion')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
