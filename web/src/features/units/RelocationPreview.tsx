import { Accordion, Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReorganisationPreview } from '#contracts/units.ts';
import { notifyError } from '../../ui/notify.ts';
import { downloadMergeLists } from './api.ts';

const GROUPS = ['students', 'staff', 'classes', 'accounts', 'roles', 'endingRoles', 'units'] as const;

/** What a merger or move carries across (counts, then the names on demand), what stays, what blocks it. */
export function RelocationPreview({ preview }: { preview: ReorganisationPreview }) {
  const { t } = useTranslation('units');
  const shown = GROUPS.filter((g) => preview[g].count > 0);
  const [downloading, setDownloading] = useState(false);
  const download = () => {
    setDownloading(true);
    downloadMergeLists(preview.unit.id, preview.target.id)
      .catch(notifyError)
      .finally(() => setDownloading(false));
  };
  return (
    <Stack gap="xs" data-testid="relocation-preview">
      {preview.blockers.length > 0 && (
        <Alert color="red" title={t('blocked')} data-testid="relocation-blockers">
          <List size="sm">
            {preview.blockers.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm" fw={600}>
        {t('previewTitle', { target: preview.target.name })}
        {preview.schoolYear ? ` — ${t('previewYear', { year: preview.schoolYear })}` : ''}
      </Text>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('previewNothing')}
        </Text>
      ) : (
        <Accordion variant="contained" chevronPosition="left">
          {shown.map((group) => (
            <Accordion.Item key={group} value={group}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light">{preview[group].count}</Badge>
                  <Text size="sm">{t(`moving.${group}`)}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <List size="sm" spacing={2} style={{ maxHeight: 220, overflowY: 'auto' }}>
                  {preview[group].items.map((item) => (
                    <List.Item key={item.id}>
                      {item.name}
                      {item.detail && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          — {item.detail}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
                {preview[group].count > preview[group].items.length && (
                  <Text size="xs" c="dimmed">
                    {t('andMore', { count: preview[group].count - preview[group].items.length })}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {preview.kind === 'merge' && shown.length > 0 && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            loading={downloading}
            onClick={download}
            data-testid="relocation-lists-xlsx"
          >
            {t('downloadLists')}
          </Button>
        </Group>
      )}
      {preview.notes.length > 0 && (
        <Alert color="yellow" title={t('notes')} data-testid="relocation-notes">
          <List size="sm">
            {preview.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.stays.length > 0 && (
        <Alert color="gray" title={t('stays')}>
          <List size="sm">
            {preview.stays.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
