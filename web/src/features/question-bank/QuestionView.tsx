import { Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuestionBody } from '#contracts/questions.ts';
import { Tex } from './Tex.tsx';

const LETTERS = 'ABCDEFGH';
const STATEMENT_LETTERS = 'abcd';

/** A question as a test shows it, with its key marked (the bank's pages are for teachers). */
export function QuestionView({ body }: { body: QuestionBody }) {
  const { t } = useTranslation('questionBank');
  return (
    <Stack gap={6}>
      <Text size="sm" component="div" data-testid="question-stem">
        <Tex text={body.stem} />
      </Text>
      {body.type === 'single_choice' && (
        <Stack gap={2}>
          {body.options.map((option, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their letter
              key={i}
              size="sm"
              component="div"
              fw={i === body.correctIndex ? 700 : undefined}
              c={i === body.correctIndex ? 'teal.9' : undefined}
            >
              {LETTERS[i]}. <Tex text={option} />
              {i === body.correctIndex && ` ✓ (${t('correct')})`}
            </Text>
          ))}
        </Stack>
      )}
      {body.type === 'true_false_group' && (
        <Stack gap={2}>
          {body.statements.map((statement, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: statements a)–d) in order
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" component="div" style={{ flex: 1 }}>
                {STATEMENT_LETTERS[i]}) <Tex text={statement.text} />
              </Text>
              <Badge variant="light" color={statement.correct ? 'teal' : 'gray'}>
                {statement.correct ? t('true') : t('false')}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {body.type === 'short_answer' && (
        <Text size="sm" c="teal.9">
          {t('answer')}:{' '}
          {body.answer.kind === 'numeric'
            ? `${body.answer.value}${body.answer.tolerance ? ` ± ${body.answer.tolerance}` : ''}`
            : `${body.answer.accepted.join(' | ')}${body.answer.ignoreDiacritics ? ` (${t('ignoreDiacritics')})` : ''}`}
        </Text>
      )}
      {body.type === 'matching' && (
        <Stack gap={2}>
          {body.pairs.map((pair, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pairs in order
            <Text key={i} size="sm" component="div">
              <Tex text={pair.left} /> → <Tex text={pair.right} />
            </Text>
          ))}
          {body.distractors.length > 0 && (
            <Text size="sm" c="dimmed" component="div">
              {t('distractors')}: {body.distractors.join('; ')}
            </Text>
          )}
        </Stack>
      )}
      {body.type === 'essay' && body.rubric.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Tbody>
            {body.rubric.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rubric rows in order
              <Table.Tr key={i}>
                <Table.Td>
                  <Tex text={row.criterion} />
                </Table.Td>
                <Table.Td w={80} ta="right">
                  {row.points}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The problems an import could not read: "Dòng 4: …" with the excerpt. */
export function ProblemList({ problems }: { problems: { at: number; excerpt: string; message: string }[] }) {
  const { t } = useTranslation('questionBank');
  return (
    <List size="sm" spacing={4} data-testid="import-problems">
      {problems.map((problem, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems in file order
        <List.Item key={i}>
          <Text size="sm" span fw={600}>
            {t('problemAt', { at: problem.at })}
          </Text>{' '}
          {problem.message}
          {problem.excerpt && (
            <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
              {problem.excerpt}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
