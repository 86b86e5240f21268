import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { type LockState, type UnlockTarget, useRelock, useUnlock } from './api.ts';

/**
 * The term lock of a page — score grid (one class × subject) or conduct / attendance (the class's homeroom
 * records): why it is closed, the unlock with its reason when reopened, and for managers the buttons to unlock
 * (with a reason) or lock again.
 */
export function LockBanner({
  lock,
  canManage,
  target,
  title,
}: {
  lock: LockState;
  canManage: boolean;
  target: UnlockTarget;
  /** Title of the unlock dialog, naming the class (and subject). */
  title: string;
}) {
  const { t } = useTranslation('gradebook');
  const [opened, modal] = useDisclosure();
  const relock = useRelock();
  const homeroom = target.kind === 'homeroom';
  if (!lock.locked && !lock.pastDeadline) return null;
  return (
    <>
      {lock.unlock ? (
        <Alert color="teal" icon={<IconLockOpen size={18} />} data-testid="lock-banner">
          <Group justify="space-between">
            <Text size="sm">
              {t(homeroom ? 'homeroomUnlockedBanner' : 'unlockedBanner', { reason: lock.unlock.reason })}
            </Text>
            {canManage && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconLock size={14} />}
                loading={relock.isPending}
                onClick={() =>
                  relock.mutate(lock.unlock?.id as string, {
                    onSuccess: () => notifySaved(t('relocked')),
                    onError: notifyError,
                  })
                }
              >
                {t('relock')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : (
        <Alert color="yellow" icon={<IconLock size={18} />} data-testid="lock-banner">
          <Group justify="space-between">
            <Text size="sm">{lock.message}</Text>
            {canManage && (
              <Button size="xs" variant="light" leftSection={<IconLockOpen size={14} />} onClick={modal.open}>
                {t(homeroom ? 'unlockHomeroom' : 'unlock')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <UnlockModal opened={opened} onClose={modal.close} title={title} target={target} />
    </>
  );
}

/**
 * The unlock dialog: a required reason (≥ 5 characters, checked by the server), then POST /gradebook/unlocks.
 * `fields` lets a caller choose the target inside the dialog (class and term); the button waits for a target.
 */
export function UnlockModal({
  opened,
  onClose,
  title,
  target,
  fields,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  target: UnlockTarget | null;
  fields?: ReactNode;
}) {
  const { t } = useTranslation('gradebook');
  const [reason, setReason] = useState('');
  const unlock = useUnlock();
  const error = unlock.error instanceof ApiError ? unlock.error : null;
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {fields}
        <Textarea
          label={t('reason')}
          placeholder={t('reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error ? (error.fields.reason ?? error.message) : undefined}
          autosize
          minRows={2}
          data-autofocus
        />
        <Button
          loading={unlock.isPending}
          disabled={!target}
          onClick={() =>
            target &&
            unlock.mutate(
              { ...target, reason },
              {
                onSuccess: () => {
                  onClose();
                  setReason('');
                  notifySaved(t('unlocked'));
                },
              },
            )
          }
        >
          {t(target?.kind === 'homeroom' ? 'unlockHomeroom' : 'unlock')}
        </Button>
      </Stack>
    </Modal>
  );
}
