import { Button, Group, Paper, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type Ref, useId } from 'react';

/**
 * The save action of a page that edits a class list (score grid, conduct), kept on screen: sticky at the bottom of
 * the viewport, so a teacher on a phone does not scroll past 45 students to find it. The status says what is unsaved
 * ("3 ô chưa lưu"); when there is nothing to save, or the input cannot be saved yet, the button is disabled and the
 * status is the reason, tied to the button by aria-describedby (as in ReasonButton).
 */
export function SaveBar({
  status,
  reason,
  label,
  onSave,
  loading,
  testId,
  barRef,
  buttonRef,
}: {
  /** What is unsaved, shown while the button can be pressed. */
  status: string;
  /** Why the button is disabled, or null when it can be pressed. */
  reason: string | null;
  label: string;
  onSave: () => void;
  loading?: boolean;
  testId: string;
  /** The bar itself (focusable from script): where the keyboard lands when it leaves a grid with nothing to save. */
  barRef?: Ref<HTMLDivElement>;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const id = useId();
  return (
    <Paper
      ref={barRef}
      tabIndex={-1}
      pos="sticky"
      bottom={0}
      p="xs"
      withBorder
      shadow="sm"
      // Above the grid's sticky header and name column (z-index 30–40), below menus and modals.
      style={{ zIndex: 90 }}
      data-testid={`${testId}-bar`}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text
          id={id}
          size="sm"
          aria-live="polite"
          fw={reason ? undefined : 600}
          c={reason ? undefined : 'var(--mantine-color-orange-light-color)'}
          data-testid={`${testId}-status`}
        >
          {reason ?? status}
        </Text>
        <Button
          ref={buttonRef}
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={onSave}
          loading={loading}
          disabled={Boolean(reason)}
          aria-describedby={id}
          data-testid={testId}
          style={{ flexShrink: 0 }}
        >
          {label}
        </Button>
      </Group>
    </Paper>
  );
}
