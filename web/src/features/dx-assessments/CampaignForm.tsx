import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type CampaignDates,
  createCampaignBody,
  updateCampaignBody,
} from '#contracts/dx-assessments/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { notifySaved } from '../../ui/notify.ts';
import { type Campaign, campaignApi, useCatalogues } from './api.ts';
import { FormActions } from './FormActions.tsx';
import { parseVietnameseDate } from './format.ts';

const DATE_FIELDS = [
  'selfAssessmentStartsOn',
  'submissionDeadline',
  'externalStartsOn',
  'externalEndsOn',
  'publicationOn',
] as const satisfies readonly (keyof CampaignDates)[];

function DateFields({ form }: { form: { getInputProps(path: string): object } }) {
  const { t } = useTranslation('assessments');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {DATE_FIELDS.map((field) => (
        <DateInput
          key={field}
          label={t(`date_${field}`)}
          valueFormat="DD/MM/YYYY"
          dateParser={parseVietnameseDate}
          required
          {...form.getInputProps(field)}
          data-testid={`date-${field}`}
        />
      ))}
    </SimpleGrid>
  );
}

/** Opens a campaign: catalogue version, school year, title and the calendar; every managed unit is included. */
export function CreateCampaignForm({ onDone }: { onDone(campaign: Campaign): void }) {
  const { t } = useTranslation('assessments');
  const { unitId, schoolYear, years } = useWorkspace();
  const catalogues = useCatalogues(unitId);
  const client = useQueryClient();
  const form = useForm({
    initialValues: {
      unitId,
      catalogue: '',
      catalogueCode: '',
      catalogueVersion: '',
      schoolYear: schoolYear ?? '',
      title: '',
      selfAssessmentStartsOn: '',
      submissionDeadline: '',
      externalStartsOn: '',
      externalEndsOn: '',
      publicationOn: '',
    },
    validate: schemaResolver(createCampaignBody),
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => {
      const { catalogue: _chosen, ...body } = values;
      return campaignApi.create(body);
    },
    onSuccess: (campaign) => {
      void client.invalidateQueries({ queryKey: ['assessment-campaigns'] });
      notifySaved(t('campaignCreated', { title: campaign.title }));
      onDone(campaign);
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fields),
  });
  const options = (catalogues.data ?? []).map((c) => ({
    value: `${c.code}@@${c.version}`,
    label: `${c.title} (${c.version}${c.source === 'imported' ? `, ${c.publishedByUnitName}` : ''})`,
  }));
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        <Select
          label={t('catalogue')}
          data-testid="campaign-catalogue"
          data={options}
          required
          {...form.getInputProps('catalogue')}
          onChange={(value) => {
            const [code = '', version = ''] = (value ?? '').split('@@');
            form.setValues({ catalogue: value ?? '', catalogueCode: code, catalogueVersion: version });
          }}
          error={form.errors.catalogueCode}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('common:schoolYear')}
            data={years.map((y) => y.code)}
            required
            searchable
            {...form.getInputProps('schoolYear')}
          />
          <TextInput label={t('campaignTitle')} required {...form.getInputProps('title')} />
        </SimpleGrid>
        <DateFields form={form} />
        <FormActions error={create.error} pending={create.isPending} label={t('openCampaign')} />
      </Stack>
    </form>
  );
}

/** Changes a campaign's title and dates (e.g. extends the submission deadline). */
export function EditCampaignForm({ campaign, onDone }: { campaign: Campaign; onDone(): void }) {
  const { t } = useTranslation('assessments');
  const client = useQueryClient();
  const form = useForm({
    initialValues: {
      title: campaign.title,
      selfAssessmentStartsOn: campaign.selfAssessmentStartsOn,
      submissionDeadline: campaign.submissionDeadline,
      externalStartsOn: campaign.externalStartsOn,
      externalEndsOn: campaign.externalEndsOn,
      publicationOn: campaign.publicationOn,
    },
    validate: schemaResolver(updateCampaignBody),
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => campaignApi.update(campaign.id, values),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['assessment-campaigns'] });
      notifySaved(t('common:saved'));
      onDone();
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fields),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <TextInput label={t('campaignTitle')} required {...form.getInputProps('title')} />
        <DateFields form={form} />
        <FormActions error={save.error} pending={save.isPending} />
      </Stack>
    </form>
  );
}
