import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router';

/** One figure of a home page: a label, the number, an optional line under it; a tap opens the page behind it. */
export function StatCard(props: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  color?: string;
  to?: string;
  testId: string;
}) {
  const { label, value, hint, icon: Icon, color = 'blue', to, testId } = props;
  const body = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color={color} size="lg" aria-hidden>
        <Icon size={20} stroke={1.7} />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" c="gray.7">
          {label}
        </Text>
        <Text fw={700} size="xl" lh={1.2} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="gray.7" mt={2}>
            {hint}
          </Text>
        )}
      </div>
    </Group>
  );
  return to ? (
    <Card withBorder padding="sm" component={Link} to={to} data-testid={testId}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="sm" data-testid={testId}>
      {body}
    </Card>
  );
}
