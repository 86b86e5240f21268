import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconCalendar, IconFileSpreadsheet, IconWorld } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type CampaignBoard, campaignApi, keys, useCampaign } from './api.ts';
import { EditCampaignForm } from './CampaignForm.tsx';
import { formatDate, formatPoints, LATENESS_COLOR, levelColor, STATUS_COLOR } from './format.ts';
import { RecognitionPanel } from './RecognitionPanel.tsx';
import { TeamsPanel } from './TeamsPanel.tsx';

/** The office's board of a campaign: each unit's status, lateness and levels; reminders, export, teams, decisions. */
export default function CampaignBoardPage() {
  const { id = '' } = useParams();
  const query = useCampaign(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <Board board={query.data} />;
}

function Board({ board }: { board: CampaignBoard }) {
  const { t } = useTranslation('assessments');
  const manage = board.permissions.includes('assessments.manage');
  const [editing, { open, close }] = useDisclosure();
  const client = useQueryClient();
  const remind = useMutation({
    mutationFn: () => campaignApi.remind(board.id),
    onSuccess: (r) => notifySaved(t('remindersDone', { sent: r.sent, already: r.alreadyRemindedToday })),
    onError: notifyError,
  });
  const exportXlsx = () => campaignApi.downloadResults(board.id).catch(notifyError);
  return (
    <Stack>
      <PageHeader
        title={board.title}
        subtitle={`${board.unitName} · ${board.catalogue.title} (${board.catalogue.version}) · ${t('common:schoolYear')} ${board.schoolYear}`}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconBell size={16} />}
              loading={remind.isPending}
              onClick={() => remind.mutate()}
              data-testid="remind"
            >
              {t('remind')}
            </Button>
            <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportXlsx}>
              {t('exportSector')}
            </Button>
            <Button
              component={Link}
              to={`/cong-khai/danh-gia/${board.unitId}`}
              variant="subtle"
              leftSection={<IconWorld size={16} />}
            >
              {t('publicPage')}
            </Button>
            {manage && (
              <Button variant="subtle" leftSection={<IconCalendar size={16} />} onClick={open}>
                {t('editDates')}
              </Button>
            )}
          </>
        }
      />
      <Text size="sm" c="dimmed">
        {t('calendarLine', {
          start: formatDate(board.selfAssessmentStartsOn),
          deadline: formatDate(board.submissionDeadline),
          externalStart: formatDate(board.externalStartsOn),
          externalEnd: formatDate(board.externalEndsOn),
          publication: formatDate(board.publicationOn),
        })}
      </Text>
      {board.remindersSent > 0 && (
        <Alert color="orange">{t('autoReminded', { count: board.remindersSent })}</Alert>
      )}
      <Tabs defaultValue="units" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="units">{t('tabUnits', { count: board.board.length })}</Tabs.Tab>
          <Tabs.Tab value="teams">{t('tabTeams')}</Tabs.Tab>
          <Tabs.Tab value="recognitions" data-testid="tab-recognitions">
            {t('tabRecognitions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units" pt="sm">
          <UnitsTable board={board} />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="sm">
          <TeamsPanel board={board} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="recognitions" pt="sm">
          <RecognitionPanel board={board} manage={manage} />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={editing} onClose={close} title={t('editDates')} size="lg">
        <EditCampaignForm
          campaign={board}
          onDone={() => {
            close();
            void client.invalidateQueries({ queryKey: keys.campaign(board.id) });
          }}
        />
      </Modal>
    </Stack>
  );
}

function UnitsTable({ board }: { board: CampaignBoard }) {
  const { t } = useTranslation('assessments');
  const level = (value: number | null) =>
    value ? (
      <Badge color={levelColor(value)}>
        {board.levelLabels.find((l) => l.level === value)?.label ?? value}
      </Badge>
    ) : (
      '—'
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th>{t('statusColumn')}</Table.Th>
            <Table.Th>{t('progress')}</Table.Th>
            {board.groups.map((g) => (
              <Table.Th key={g.id}>
                {t('group')} {g.id}
              </Table.Th>
            ))}
            <Table.Th>{t('selfLevel')}</Table.Th>
            <Table.Th>{t('externalLevel')}</Table.Th>
            <Table.Th>{t('recognisedLevel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.board.map((u) => {
            const groups = u.externalGroups.length ? u.externalGroups : u.selfGroups;
            return (
              <Table.Tr key={u.assessmentId} data-testid={`board-${u.unitCode}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/${u.assessmentId}/review`}>
                    {u.unitName}
                  </Anchor>
                  {u.teamName && (
                    <Text size="xs" c="dimmed">
                      {u.teamName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={STATUS_COLOR[u.status]}>{t(`status_${u.status}`)}</Badge>
                    <Badge variant="light" color={LATENESS_COLOR[u.lateness]}>
                      {t(`lateness_${u.lateness}`)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {u.itemsDone}/{u.itemsTotal}
                </Table.Td>
                {board.groups.map((g) => {
                  const group = groups.find((x) => x.id === g.id);
                  return <Table.Td key={g.id}>{group ? formatPoints(group.total) : '—'}</Table.Td>;
                })}
                <Table.Td>{level(u.selfLevel)}</Table.Td>
                <Table.Td>{level(u.externalLevel)}</Table.Td>
                <Table.Td>
                  {level(u.recognisedLevel)}
                  {u.decisionNumber && (
                    <Text size="xs" c="dimmed">
                      {u.decisionNumber}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
