import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '#contracts/roles.ts';
import { useWorkspace } from '../app/workspace.tsx';

/** Renders children only when the user holds the permission on the selected unit (the server checks too). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (!workspace.unit) return null;
  if (!workspace.can(permission)) return <Alert color="yellow">{t('forbidden')}</Alert>;
  return <>{children}</>;
}
