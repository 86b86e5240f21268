import { Accordion, Button, Stack, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult, CatalogueItem } from '#domain/assessment-catalogue/index.ts';
import { notifyError } from '../../ui/notify.ts';
import { type AssessmentDetail, assessmentApi } from './api.ts';
import { ItemHeader } from './ItemHeader.tsx';

type ItemRow = AssessmentDetail['items'][number];

/**
 * The catalogue's criteria by group, each an accordion item headed by its live score; the panel (the unit's
 * claim form, or the office's review) is drawn by the page. Used by the unit's page and the review page.
 */
export function CriteriaGroups({
  detail,
  result,
  testIdPrefix,
  renderPanel,
}: {
  detail: AssessmentDetail;
  result: AssessmentResult;
  testIdPrefix: string;
  renderPanel(item: CatalogueItem, row: ItemRow): ReactNode;
}) {
  const { t } = useTranslation('assessments');
  const rows = new Map(detail.items.map((r) => [r.itemId, r]));
  return detail.catalogue.groups.map((group) => (
    <Stack key={group.id} gap="xs">
      <Title order={3} size="h5">
        {t('group')} {group.id}. {group.title}
      </Title>
      <Accordion variant="separated" multiple>
        {group.items.map((item) => {
          const row = rows.get(item.id);
          if (!row) return null;
          return (
            <Accordion.Item key={item.id} value={item.id} data-testid={`${testIdPrefix}${item.id}`}>
              <Accordion.Control>
                <ItemHeader item={item} row={row} result={result.items.find((i) => i.id === item.id)} />
              </Accordion.Control>
              <Accordion.Panel>{renderPanel(item, row)}</Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  ));
}

/** Download buttons of the self-assessment minutes and decision (once approved). */
export function DocumentButtons({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation('assessments');
  if (!detail.can.documents) return null;
  const download = (kind: 'minutes' | 'decision') =>
    assessmentApi.downloadDocument(detail.id, kind).catch(notifyError);
  return (['minutes', 'decision'] as const).map((kind) => (
    <Button
      key={kind}
      variant="light"
      leftSection={<IconFileText size={16} />}
      onClick={() => download(kind)}
      data-testid={`download-${kind}`}
    >
      {t(kind === 'minutes' ? 'minutesPdf' : 'decisionPdf')}
    </Button>
  ));
}
