import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecks, IconFileSpreadsheet, IconFileTypePdf, IconSignature } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReasonButton } from '../../ui/ReasonButton.tsx';
import { ClassNotesCard } from '../contact-book/ClassNotesCard.tsx';
import {
  type ClassTranscripts,
  downloadClassGradebook,
  downloadStudentTranscript,
  useApproveClass,
  useClassPdfJob,
  useClassTranscripts,
  useCorrectTranscript,
  useSignClass,
} from './api.ts';
import { CorrectionPreview } from './CorrectionPreview.tsx';
import { TRANSCRIPT_STATUS_COLOR, TranscriptVersions } from './TranscriptVersions.tsx';

type StudentLine = ClassTranscripts['students'][number];

/**
 * Why the principal cannot approve the class yet (the server refuses the same cases, transcripts/service.ts):
 * the homeroom teacher has not signed every student's học bạ, or every one is approved already.
 */
function approveBlocked(c: ClassTranscripts, t: TFunction<'transcripts'>): string | null {
  if (c.students.length === 0) return t('approveNoStudents');
  const unsigned = c.students.filter((s) => s.status !== 'homeroom_signed' && s.status !== 'approved');
  if (unsigned.length > 0) {
    const names = unsigned
      .slice(0, 3)
      .map((s) => s.fullName)
      .join(', ');
    return t('approveNeedsSignature', {
      count: unsigned.length,
      names,
      more: unsigned.length > 3 ? '…' : '',
    });
  }
  return c.students.some((s) => s.status === 'homeroom_signed') ? null : t('approveAllDone');
}

/** A class's transcripts: status per student, the homeroom teacher's and the principal's one-click actions. */
export default function ClassTranscriptsPage() {
  const { t } = useTranslation('transcripts');
  const { id = '' } = useParams();
  const list = useClassTranscripts(id);
  const sign = useSignClass(id);
  const approve = useApproveClass(id);
  const classPdf = useClassPdfJob(id);
  const [signing, signModal] = useDisclosure();
  const [approving, approveModal] = useDisclosure();
  const [correcting, setCorrecting] = useState<StudentLine | null>(null);
  const [viewing, setViewing] = useState<StudentLine | null>(null);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  const c = list.data;
  return (
    <Stack>
      <PageHeader
        title={t('classTitle', { name: c.className })}
        subtitle={t('classSubtitle', {
          year: c.schoolYear,
          teacher: c.homeroomTeacherName ?? t('noTeacher'),
        })}
        actions={
          <>
            {c.permissions.sign && (
              <ReasonButton
                leftSection={<IconSignature size={16} />}
                onClick={signModal.open}
                reason={c.students.length === 0 ? t('approveNoStudents') : null}
                testId="sign-class"
              >
                {t('sign')}
              </ReasonButton>
            )}
            {c.permissions.approve && (
              <ReasonButton
                color="teal"
                leftSection={<IconChecks size={16} />}
                onClick={approveModal.open}
                reason={approveBlocked(c, t)}
                testId="approve-class"
              >
                {t('approve')}
              </ReasonButton>
            )}
            <Button
              variant="light"
              leftSection={<IconFileTypePdf size={16} />}
              loading={classPdf.isPending}
              onClick={() => classPdf.mutate(undefined, { onError: notifyError })}
              data-testid="class-pdf"
            >
              {classPdf.progress?.total
                ? t('classPdfProgress', { done: classPdf.progress.done, total: classPdf.progress.total })
                : t('classPdf')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => downloadClassGradebook(id).catch(notifyError)}
            >
              {t('gradebook')}
            </Button>
          </>
        }
      />
      {c.students.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {c.students.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="transcript-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('fullName')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('version')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.students.map((s, i) => (
                <Table.Tr key={s.studentId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{s.fullName}</Table.Td>
                  <Table.Td>
                    <Badge color={TRANSCRIPT_STATUS_COLOR[s.status] ?? 'gray'} variant="light">
                      {t(`status_${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.version}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => downloadStudentTranscript(id, s.studentId).catch(notifyError)}
                      >
                        {t('pdf')}
                      </Button>
                      {s.versions.length > 0 && (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setViewing(s)}
                          data-testid={`versions-${s.studentId}`}
                        >
                          {t('versions')}
                        </Button>
                      )}
                      {c.permissions.correct && s.status === 'approved' && (
                        <Button size="xs" variant="subtle" color="orange" onClick={() => setCorrecting(s)}>
                          {t('correct')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ClassNotesCard classId={id} canPost={c.permissions.postNotes} />
      <ConfirmModal
        opened={signing}
        title={t('sign')}
        confirmLabel={t('sign')}
        color="blue"
        loading={sign.isPending}
        onClose={signModal.close}
        onConfirm={() =>
          sign.mutate(undefined, {
            onSuccess: (r) => {
              notifySaved(t('signed', { count: r.signed }));
              signModal.close();
            },
            onError: notifyError,
          })
        }
      >
        {t('signConfirm')}
      </ConfirmModal>
      <ConfirmModal
        opened={approving}
        title={t('approve')}
        confirmLabel={t('approve')}
        color="teal"
        loading={approve.isPending}
        onClose={approveModal.close}
        onConfirm={() =>
          approve.mutate(undefined, {
            onSuccess: (r) => {
              notifySaved(t('approved', { count: r.approved }));
              approveModal.close();
            },
            onError: notifyError,
          })
        }
      >
        {t('approveConfirm')}
      </ConfirmModal>
      <CorrectionModal student={correcting} onClose={() => setCorrecting(null)} />
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={t('versionsTitle', { name: viewing?.fullName })}
        size="lg"
      >
        {viewing && <TranscriptVersions studentId={viewing.studentId} emptyText={t('noVersions')} />}
      </Modal>
    </Stack>
  );
}

function CorrectionModal({ student, onClose }: { student: StudentLine | null; onClose: () => void }) {
  const { t } = useTranslation('transcripts');
  const correct = useCorrectTranscript();
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={student !== null}
      onClose={onClose}
      size="lg"
      title={t('correctTitle', { name: student?.fullName })}
    >
      <Stack>
        <Text size="sm">{t('correctHint')}</Text>
        {student?.transcriptId && <CorrectionPreview transcriptId={student.transcriptId} />}
        <Textarea
          label={t('reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3}
          autosize
          error={correct.error instanceof Error ? correct.error.message : undefined}
        />
        <Group justify="flex-end">
          <Button
            color="orange"
            loading={correct.isPending}
            onClick={() =>
              student?.transcriptId &&
              correct.mutate(
                { id: student.transcriptId, reason },
                {
                  onSuccess: (r) => {
                    notifySaved(t('corrected', { version: r.version }));
                    setReason('');
                    onClose();
                  },
                },
              )
            }
          >
            {t('confirmCorrect')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
