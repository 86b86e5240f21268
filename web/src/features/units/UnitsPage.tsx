import {
  Card,
  Drawer,
  filterTreeData,
  Group,
  getTreeExpandedState,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tree,
  useTree,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '#contracts/units.ts';
import { matchesSearch } from '#domain/text/index.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useUnitsUnder } from './api.ts';
import { RelocateForm } from './RelocateForm.tsx';
import { unitTree } from './tree.ts';
import { type UnitAction, UnitBadges, UnitDetail } from './UnitDetail.tsx';
import { UnitForm } from './UnitForm.tsx';

type Action = UnitAction | null;
const NO_UNITS: Unit[] = [];

export default function UnitsPage() {
  return (
    <RequirePermission permission="units.read">
      <UnitsTree />
    </RequirePermission>
  );
}

function UnitsTree() {
  const { t } = useTranslation('units');
  const workspace = useWorkspace();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const [inactive, setInactive] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [action, setAction] = useState<Action>(null);
  const list = useUnitsUnder(workspace.unitId, inactive);
  const units = list.data ?? NO_UNITS;
  const data = useMemo(() => {
    const tree = unitTree(units, workspace.unitId);
    return query
      ? filterTreeData(tree, query, (q, node) => matchesSearch(String(node.nodeProps?.search), q))
      : tree;
  }, [units, workspace.unitId, query]);
  // Searching opens every branch that kept a match; otherwise the selected office is open.
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const tree = useTree({ expandedState: expanded, onExpandedStateChange: setExpanded });
  useEffect(() => {
    setExpanded(getTreeExpandedState(data, query ? '*' : data.map((node) => node.value)));
  }, [data, query]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const current = selected ? byId.get(selected) : undefined;
  const canManage = workspace.can('units.manage');

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('title')}
        subtitle={workspace.unit ? t('subtitle', { name: workspace.unit.name }) : undefined}
      />
      <Group gap="sm">
        <TextInput
          aria-label={t('searchLabel')}
          placeholder={`${t('searchLabel')} — ${t('common:searchHint')}`}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
          data-testid="units-search"
        />
        <Switch
          label={t('showInactive')}
          checked={inactive}
          onChange={(e) => setInactive(e.currentTarget.checked)}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Loading />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder p="xs">
          <Tree
            data={data}
            tree={tree}
            levelOffset="md"
            data-testid="units-tree"
            renderNode={({ node, expanded, hasChildren, elementProps }) => {
              const unit = byId.get(node.value);
              return (
                <Group
                  gap={6}
                  wrap="nowrap"
                  {...elementProps}
                  onClick={(event) => {
                    elementProps.onClick(event);
                    setSelected(node.value);
                  }}
                  py={4}
                  bg={selected === node.value ? 'var(--mantine-color-blue-0)' : undefined}
                >
                  {hasChildren ? (
                    expanded ? (
                      <IconChevronDown size={14} />
                    ) : (
                      <IconChevronRight size={14} />
                    )
                  ) : (
                    <span style={{ width: 14 }} />
                  )}
                  <Text size="sm" c={unit?.status === 'active' ? undefined : 'dimmed'} truncate>
                    {unit?.name}
                  </Text>
                  {unit && <UnitBadges unit={unit} />}
                </Group>
              );
            }}
          />
        </Card>
        <Card withBorder>
          {current ? (
            <UnitDetail
              unit={current}
              canManage={canManage && current.status === 'active'}
              isRoot={current.id === workspace.unitId}
              onAction={setAction}
            />
          ) : (
            <Text c="dimmed" size="sm">
              {t('selectHint')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Drawer
        opened={action === 'create' || action === 'edit'}
        onClose={() => setAction(null)}
        position="right"
        size="lg"
        title={
          current &&
          (action === 'create'
            ? t('createTitle', { parent: current.name })
            : t('editTitle', { name: current.name }))
        }
      >
        {current && action === 'create' && <UnitForm parent={current} onDone={() => setAction(null)} />}
        {current && action === 'edit' && <UnitForm unit={current} onDone={() => setAction(null)} />}
      </Drawer>
      <Modal
        opened={action === 'move' || action === 'merge'}
        onClose={() => setAction(null)}
        size="lg"
        title={
          current &&
          (action === 'move'
            ? t('moveTitle', { name: current.name })
            : t('mergeTitle', { name: current.name }))
        }
      >
        {current && (action === 'move' || action === 'merge') && (
          <RelocateForm mode={action} unit={current} units={units} onDone={() => setAction(null)} />
        )}
      </Modal>
    </Stack>
  );
}
