import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Catalogue, CatalogueItem, SubItem } from '#domain/assessment-catalogue/index.ts';
import { bandsText } from './AnswerInput.tsx';
import { formatPoints } from './format.ts';

function StatusBadge({ status }: { status: 'confirmed' | 'to_verify' }) {
  const { t } = useTranslation('assessments');
  return (
    <Badge size="sm" variant="light" color={status === 'confirmed' ? 'teal' : 'yellow'}>
      {status === 'confirmed' ? t('confirmed') : t('toVerify')}
    </Badge>
  );
}

function Row({ part, sub }: { part: CatalogueItem | SubItem; sub?: boolean }) {
  const { t } = useTranslation('assessments');
  const scored = 'maxPoints' in part ? part : null;
  const max = scored ? formatPoints(scored.maxPoints) : t('mandatory');
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{part.id}</Table.Td>
      <Table.Td pl={sub ? 'lg' : undefined}>
        <Text size="sm">{part.title}</Text>
        {part.note && (
          <Text size="xs" c="dimmed">
            {part.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{max}</Table.Td>
      <Table.Td>
        <Text size="xs">{scored ? bandsText(scored) : ''}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{part.evidence.map((e) => e.label ?? t(`evidenceKind_${e.kind}`)).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={part.status} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A catalogue as a table: every criterion and sub-criterion with its points, bands, evidence and check mark. */
export function CatalogueView({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation('assessments');
  return (
    <Stack>
      {catalogue.source && <Text size="sm">{catalogue.source}</Text>}
      <Text size="sm" c="dimmed">
        {t(catalogue.settings.combineRule === 'lowest_group' ? 'ruleLowestGroup' : 'ruleTotalScore')}
        {catalogue.settings.capGroupOnUnmetMandatory ? ` ${t('ruleCap')}` : ''}
      </Text>
      {catalogue.groups.map((group) => (
        <Stack key={group.id} gap="xs">
          <Title order={4} size="h5">
            {t('group')} {group.id}. {group.title} ({formatPoints(group.maxPoints)})
          </Title>
          {group.note && (
            <Text size="xs" c="dimmed">
              {group.note}
            </Text>
          )}
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('code')}</Table.Th>
                  <Table.Th>{t('criterion')}</Table.Th>
                  <Table.Th>{t('maxShort')}</Table.Th>
                  <Table.Th>{t('bands')}</Table.Th>
                  <Table.Th>{t('evidence')}</Table.Th>
                  <Table.Th>{t('verification')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.items.flatMap((item) => [
                  <Row key={item.id} part={item} />,
                  ...(item.kind === 'scored' ? (item.subItems ?? []) : []).map((sub) => (
                    <Row key={sub.id} part={sub} sub />
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}
