import { Anchor, Badge, Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequirePermission } from '../../ui/RequirePermission.tsx';
import { useCampaigns } from './api.ts';
import { CreateCampaignForm } from './CampaignForm.tsx';
import { formatDate } from './format.ts';

/** The office's campaigns (its own and those of the offices below it), and opening a new one. */
export default function CampaignsPage() {
  return (
    <RequirePermission permission="assessments.review">
      <Campaigns />
    </RequirePermission>
  );
}

function Campaigns() {
  const { t } = useTranslation('assessments');
  const { unitId, unit, can } = useWorkspace();
  const query = useCampaigns(unitId);
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  return (
    <Stack>
      <PageHeader
        title={t('campaignsTitle')}
        subtitle={unit?.name}
        actions={
          can('assessments.manage') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('openCampaign')}
            </Button>
          )
        }
      />
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => query.refetch()} />}
      {query.data?.length === 0 && <Text c="dimmed">{t('noCampaigns')}</Text>}
      {query.data && query.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaignTitle')}</Table.Th>
                <Table.Th>{t('common:schoolYear')}</Table.Th>
                <Table.Th>{t('catalogue')}</Table.Th>
                <Table.Th>{t('deadline')}</Table.Th>
                <Table.Th>{t('submittedCount')}</Table.Th>
                <Table.Th>{t('recognisedCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/assessment-campaigns/${c.id}`}>
                      {c.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {c.unitName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.schoolYear}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.catalogue.title}</Text>
                    <Badge size="xs" variant="light">
                      {c.catalogue.version}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(c.submissionDeadline)}</Table.Td>
                  <Table.Td>
                    {c.submitted}/{c.units}
                  </Table.Td>
                  <Table.Td>{c.recognised}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={t('openCampaign')} size="lg">
        <CreateCampaignForm
          onDone={(campaign) => {
            close();
            navigate(`/assessment-campaigns/${campaign.id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
