import { Button, type ButtonProps, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/**
 * A button for an action that cannot succeed yet: disabled, with the reason written under it (not in a tooltip,
 * which a phone cannot hover) and tied to it by aria-describedby, so the user learns what to do first instead of
 * pressing and reading a refusal.
 */
export function ReasonButton({
  reason,
  children,
  onClick,
  testId,
  ...props
}: ButtonProps & { reason: string | null; children: ReactNode; onClick: () => void; testId?: string }) {
  const id = useId();
  return (
    <Stack gap={2} maw={320}>
      <Button
        {...props}
        disabled={Boolean(reason) || props.disabled}
        onClick={onClick}
        aria-describedby={reason ? id : undefined}
        data-testid={testId}
      >
        {children}
      </Button>
      {reason && (
        <Text
          id={id}
          size="xs"
          c="var(--mantine-color-orange-light-color)"
          data-testid={testId ? `${testId}-reason` : undefined}
        >
          {reason}
        </Text>
      )}
    </Stack>
  );
}
