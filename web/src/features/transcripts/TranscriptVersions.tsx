import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError } from '../../ui/notify.ts';
import { downloadTranscriptVersion, type StudentTranscripts, useStudentTranscripts } from './api.ts';

type Line = StudentTranscripts['transcripts'][number];

export const TRANSCRIPT_STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  homeroom_signed: 'blue',
  approved: 'teal',
  superseded: 'orange',
};

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : '';

/**
 * A student's transcripts, newest first: for staff every version with who signed, approved or corrected it, when
 * and why; for the family the approved ones. Each opens as a PDF.
 */
export function TranscriptVersions({ studentId, emptyText }: { studentId: string; emptyText: string }) {
  const list = useStudentTranscripts(studentId);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.transcripts.length === 0) return <Text c="dimmed">{emptyText}</Text>;
  return (
    <Stack gap="xs" data-testid="transcript-versions">
      {list.data.transcripts.map((line) => (
        <VersionCard key={line.id} line={line} />
      ))}
    </Stack>
  );
}

function VersionCard({ line }: { line: Line }) {
  const { t } = useTranslation('transcripts');
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {t('versionLine', { year: line.schoolYear, className: line.className, version: line.version })}
            </Text>
            <Badge color={TRANSCRIPT_STATUS_COLOR[line.status] ?? 'gray'} variant="light">
              {t(`status_${line.status}`)}
            </Badge>
          </Group>
          {line.correctionReason && (
            <Text size="sm">
              {t('correctedBy', {
                date: when(line.createdAt),
                by: line.correctedByName ? ` — ${line.correctedByName}` : '',
                reason: line.correctionReason,
              })}
            </Text>
          )}
          {line.homeroomSignedByName && (
            <Text size="sm" c="dimmed">
              {t('signedBy', { name: line.homeroomSignedByName, date: when(line.homeroomSignedAt) })}
            </Text>
          )}
          {line.approvedByName && (
            <Text size="sm" c="dimmed">
              {t('approvedBy', { name: line.approvedByName, date: when(line.approvedAt) })}
            </Text>
          )}
        </Stack>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFileTypePdf size={14} />}
          onClick={() => downloadTranscriptVersion(line.id, line.version).catch(notifyError)}
          data-testid={`version-pdf-${line.version}`}
        >
          {t('pdf')}
        </Button>
      </Group>
    </Card>
  );
}
