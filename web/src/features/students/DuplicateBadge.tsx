import { Badge, Tooltip } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Marks a student whose personal ID number another student in the province also carries. */
export function DuplicateBadge({ count }: { count?: number }) {
  const { t } = useTranslation('students');
  const badge = (
    <Badge
      color="orange"
      variant="light"
      leftSection={<IconCopy size={12} />}
      data-testid="duplicate-id-badge"
    >
      {t('duplicateBadge')}
    </Badge>
  );
  return count ? <Tooltip label={t('duplicateHint', { count })}>{badge}</Tooltip> : badge;
}
