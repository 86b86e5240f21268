import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconCertificate, IconFileText } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createRecognitionBody } from '#contracts/dx-assessments/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type CampaignBoard, campaignApi, type Recognition, useRecognitions } from './api.ts';
import { FormActions } from './FormActions.tsx';
import { formatDate, levelColor, parseVietnameseDate } from './format.ts';

function RecognitionForm({ board, onDone }: { board: CampaignBoard; onDone(): void }) {
  const { t } = useTranslation('assessments');
  const { me } = useWorkspace();
  const client = useQueryClient();
  const assessed = board.board.filter((u) => u.status === 'assessed');
  const form = useForm({
    initialValues: {
      decisionNumber: '',
      decidedOn: new Date().toISOString().slice(0, 10),
      signerName: me.user.fullName,
      signerTitle: '',
      assessmentIds: assessed.map((u) => u.assessmentId),
    },
    validate: schemaResolver(createRecognitionBody),
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => campaignApi.recognise(board.id, values),
    onSuccess: (decision) => {
      notifySaved(t('recognised', { number: decision.decisionNumber, count: decision.units.length }));
      void client.invalidateQueries({ queryKey: ['recognitions', board.id] });
      void client.invalidateQueries({ queryKey: ['assessment-campaigns', board.id] });
      onDone();
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fields),
  });
  if (assessed.length === 0) return <Text c="dimmed">{t('nothingToRecognise')}</Text>;
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        <Checkbox.Group label={t('unitsToRecognise')} {...form.getInputProps('assessmentIds')}>
          <Stack gap={6} mt={6}>
            {assessed.map((u) => (
              <Checkbox
                key={u.assessmentId}
                value={u.assessmentId}
                label={`${u.unitName} — ${board.levelLabels.find((l) => l.level === u.externalLevel)?.label ?? ''}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('decisionNumber')}
            placeholder="125/QĐ-PGDĐT"
            required
            {...form.getInputProps('decisionNumber')}
            data-testid="decision-number"
          />
          <DateInput
            label={t('decidedOn')}
            valueFormat="DD/MM/YYYY"
            dateParser={parseVietnameseDate}
            required
            {...form.getInputProps('decidedOn')}
          />
          <TextInput label={t('signerName')} required {...form.getInputProps('signerName')} />
          <TextInput
            label={t('signerTitle')}
            placeholder={t('signerTitleHint')}
            required
            {...form.getInputProps('signerTitle')}
            data-testid="signer-title"
          />
        </SimpleGrid>
        <FormActions
          error={create.error}
          pending={create.isPending}
          label={t('issueDecision')}
          testId="recognise-confirm"
        />
      </Stack>
    </form>
  );
}

/** Recognition decisions of a campaign (numbered, printable) and issuing one for the assessed units. */
export function RecognitionPanel({ board, manage }: { board: CampaignBoard; manage: boolean }) {
  const { t } = useTranslation('assessments');
  const decisions = useRecognitions(board.id);
  const [opened, { open, close }] = useDisclosure();
  const download = (d: Recognition) => campaignApi.downloadDecision(d.id).catch(notifyError);
  return (
    <Stack>
      {manage && (
        <Button
          leftSection={<IconCertificate size={16} />}
          w="fit-content"
          onClick={open}
          data-testid="recognise"
        >
          {t('issueDecision')}
        </Button>
      )}
      {decisions.error && <ErrorAlert error={decisions.error} />}
      {decisions.data?.length === 0 && <Text c="dimmed">{t('noDecisions')}</Text>}
      {decisions.data?.map((d) => (
        <Card key={d.id} withBorder>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {t('decisionTitle', { number: d.decisionNumber, date: formatDate(d.decidedOn) })}
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconFileText size={14} />}
              onClick={() => download(d)}
            >
              PDF
            </Button>
          </Group>
          <Stack gap={4}>
            {d.units.map((u) => (
              <Group key={u.assessmentId} gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">{u.unitName}</Text>
                <Badge color={levelColor(u.level)}>{u.levelLabel}</Badge>
              </Group>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">
            {d.signerTitle}: {d.signerName}
          </Text>
        </Card>
      ))}
      <Modal opened={opened} onClose={close} title={t('issueDecision')} size="lg">
        <RecognitionForm board={board} onDone={close} />
      </Modal>
    </Stack>
  );
}
