import { Alert, Button, Card, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconEye, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { type CatalogueSummary, catalogueApi, keys, useCatalogue, useCatalogues } from './api.ts';
import { CatalogueView } from './CatalogueView.tsx';

type Issue = { row: number | null; column: string | null; message: string };

/** Catalogue versions an office may use: the national defaults and revisions published above it; import. */
export default function CataloguesPage() {
  return (
    <RequirePermission permission="assessments.review">
      <Catalogues />
    </RequirePermission>
  );
}

function IssuesTable({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation('assessments');
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder data-testid="import-issues">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('row')}</Table.Th>
            <Table.Th>{t('column')}</Table.Th>
            <Table.Th>{t('problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={`${issue.row}-${issue.column}-${issue.message}`}>
              <Table.Td>{issue.row ?? '—'}</Table.Td>
              <Table.Td>{issue.column ?? '—'}</Table.Td>
              <Table.Td>{issue.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ImportCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation('assessments');
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => catalogueApi.import(unitId, chosen),
    onSuccess: () => {
      notifySaved(t('catalogueImported'));
      return client.invalidateQueries({ queryKey: keys.catalogues(unitId) });
    },
  });
  const issues =
    upload.error instanceof ApiError ? ((upload.error.details as { issues?: Issue[] })?.issues ?? []) : [];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('importTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('importHint')}
        </Text>
        <Group gap="xs" align="flex-end">
          <FileInput
            accept=".xlsx,.json"
            placeholder={t('chooseFile')}
            value={file}
            onChange={setFile}
            style={{ flex: 1, minWidth: 200 }}
            aria-label={t('importTitle')}
          />
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t('import')}
          </Button>
        </Group>
        {upload.data && (
          <Alert
            color="teal"
            title={t('imported', {
              title: upload.data.catalogue.title,
              version: upload.data.catalogue.version,
            })}
          >
            {upload.data.warnings.map((w) => (
              <Text key={w.message} size="xs">
                {w.message}
              </Text>
            ))}
          </Alert>
        )}
        {upload.error && (
          <ErrorAlert error={issues.length ? new Error(upload.error.message) : upload.error} />
        )}
        {issues.length > 0 && <IssuesTable issues={issues} />}
      </Stack>
    </Card>
  );
}

function Catalogues() {
  const { t } = useTranslation('assessments');
  const { unitId, unit, can } = useWorkspace();
  const query = useCatalogues(unitId);
  const [viewing, setViewing] = useState<CatalogueSummary | null>(null);
  const detail = useCatalogue(unitId, viewing);
  const template = (c: CatalogueSummary) => catalogueApi.downloadTemplate(unitId, c).catch(notifyError);
  return (
    <Stack>
      <PageHeader title={t('cataloguesTitle')} subtitle={unit?.name} />
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue')}</Table.Th>
                <Table.Th>{t('version')}</Table.Th>
                <Table.Th>{t('publishedBy')}</Table.Th>
                <Table.Th>{t('verification')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((c) => (
                <Table.Tr key={`${c.code}@${c.version}`}>
                  <Table.Td>
                    <Text size="sm">{c.title}</Text>
                    <Text size="xs" c="dimmed">
                      {c.legalBasis ?? c.code} ·{' '}
                      {c.subjectKind === 'school' ? t('forSchools') : t('forOffices')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.version}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={c.source === 'national' ? 'blue' : 'grape'}>
                      {c.source === 'national' ? t('national') : t('importedBadge')}
                    </Text>
                    <Text size="xs">{c.publishedByUnitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('rowsToVerify', { count: c.rowsToVerify, total: c.rows })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconEye size={14} />}
                        onClick={() => setViewing(c)}
                      >
                        {t('view')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconDownload size={14} />}
                        onClick={() => template(c)}
                      >
                        {t('template')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {can('assessments.manage') && <ImportCard unitId={unitId} />}
      <Modal opened={Boolean(viewing)} onClose={() => setViewing(null)} title={viewing?.title} size="xl">
        {detail.isPending && <Loading />}
        {detail.error && <ErrorAlert error={detail.error} />}
        {detail.data && <CatalogueView catalogue={detail.data.content} />}
      </Modal>
    </Stack>
  );
}
