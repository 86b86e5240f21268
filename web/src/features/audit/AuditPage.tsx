import { ActionIcon, Group, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, DataAccessEntry } from '#contracts/audit.ts';
import { AUDIT_AREA_ENTITIES, type AuditArea } from '#contracts/audit-labels.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { useEnumLabels } from '../../i18n/enums.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import { usePagedSearch } from '../../ui/ListPager.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useAuditLog } from './api.ts';
import { ChangeCards } from './ChangeCards.tsx';
import { changeSummary, DiffTable } from './DiffTable.tsx';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const { t } = useTranslation('audit');
  return (
    <RequirePermission permission="audit.read">
      <Stack gap="sm">
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <Tabs defaultValue="changes" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="changes">{t('changes')}</Tabs.Tab>
            <Tabs.Tab value="access">{t('dataAccess')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="changes" pt="sm">
            <LogTab kind="changes" />
          </Tabs.Panel>
          <Tabs.Panel value="access" pt="sm">
            <LogTab kind="access" />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </RequirePermission>
  );
}

function LogTab({ kind }: { kind: 'changes' | 'access' }) {
  const { t } = useTranslation('audit');
  const enums = useEnumLabels();
  const { unitId } = useWorkspace();
  const {
    search: actorText,
    setSearch: setActorText,
    q: actor,
    page,
    setPage,
    resetting: reset,
  } = usePagedSearch(400);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [area, setArea] = useState<AuditArea | null>(null);
  const changes = kind === 'changes';
  const phone = useMediaQuery('(max-width: 48em)');
  const params = {
    unitId,
    actor,
    from,
    to,
    page,
    pageSize: PAGE_SIZE,
    ...(changes ? { entity: category, area } : { subjectKind: category }),
  };
  const list = useAuditLog(kind, params);
  // The entity picker lists the chosen area's entities only, so the two filters cannot contradict each other.
  const categories = changes
    ? enums.options('auditEntity', area ? AUDIT_AREA_ENTITIES[area] : undefined)
    : enums.options('auditSubject');

  return (
    <ListPage
      filters={
        <SimpleGrid cols={{ base: 2, md: changes ? 5 : 4 }} spacing="xs">
          {changes && (
            <Select
              label={t('area')}
              placeholder={t('allAreas')}
              data={enums.options('auditArea')}
              value={area}
              onChange={(value) => {
                reset(setCategory)(null);
                reset(setArea)(value as AuditArea | null);
              }}
              clearable
              data-testid="audit-area"
            />
          )}
          <Select
            label={changes ? t('entity') : t('subjectKind')}
            data={categories}
            value={category}
            onChange={reset(setCategory)}
            searchable
            clearable
          />
          <TextInput
            label={t('actor')}
            placeholder={t('actorHint')}
            value={actorText}
            onChange={(e) => setActorText(e.currentTarget.value)}
          />
          <DateInput
            label={t('from')}
            valueFormat="DD/MM/YYYY"
            clearable
            value={from}
            onChange={reset(setFrom)}
          />
          <DateInput label={t('to')} valueFormat="DD/MM/YYYY" clearable value={to} onChange={reset(setTo)} />
        </SimpleGrid>
      }
      list={list}
      isEmpty={(data) => data.total === 0}
      empty={t('common:noData')}
      pager={{ page, pageSize: PAGE_SIZE, total: (data) => data.total, onChange: setPage }}
    >
      {(data) =>
        changes ? (
          phone ? (
            <ChangeCards entries={data.items as AuditEntry[]} />
          ) : (
            <ChangesTable entries={data.items as AuditEntry[]} />
          )
        ) : (
          <AccessTable entries={data.items as DataAccessEntry[]} />
        )
      }
    </ListPage>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

function ChangesTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('audit');
  const enums = useEnumLabels();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>{t('time')}</Table.Th>
            <Table.Th>{t('actor')}</Table.Th>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th>{t('entity')}</Table.Th>
            <Table.Th>{t('action')}</Table.Th>
            <Table.Th>{t('change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Fragment key={e.id}>
              <Table.Tr
                onClick={() => setOpen(open === e.id ? null : e.id)}
                style={{ cursor: 'pointer' }}
                data-testid="audit-entry"
              >
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t('showDiff')}
                    aria-expanded={open === e.id}
                  >
                    {open === e.id ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  </ActionIcon>
                </Table.Td>
                <Table.Td>{when(e.occurredAt)}</Table.Td>
                <Table.Td>{e.actor ? `${e.actor.fullName} (${e.actor.username})` : t('system')}</Table.Td>
                <Table.Td>{e.unitName}</Table.Td>
                <Table.Td>{enums.labelOr('auditEntity', e.entity)}</Table.Td>
                <Table.Td>{enums.labelOr('auditAction', e.action)}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {changeSummary(e, (n) => t('moreFields', { count: n }))}
                  </Text>
                  {e.context && (
                    <Text size="xs" c="gray.7">
                      {e.context}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              {open === e.id && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <DiffTable entry={e} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AccessTable({ entries }: { entries: DataAccessEntry[] }) {
  const { t } = useTranslation('audit');
  const enums = useEnumLabels();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="data-access-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('time')}</Table.Th>
            <Table.Th>{t('actor')}</Table.Th>
            <Table.Th>{t('action')}</Table.Th>
            <Table.Th>{t('subject')}</Table.Th>
            <Table.Th>{t('unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{when(e.occurredAt)}</Table.Td>
              <Table.Td>{e.actor ? `${e.actor.fullName} (${e.actor.username})` : t('system')}</Table.Td>
              <Table.Td>
                {enums.label('dataAccessAction', e.action)}
                {e.detailLabel && (
                  <Text size="xs" c="gray.7">
                    {e.detailLabel}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{e.subjectName ?? t('erased')}</Text>
                  <Text size="xs" c="gray.7">
                    {enums.label('auditSubject', e.subjectKind)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{e.unitName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
