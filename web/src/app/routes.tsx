import { IconHome } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { lazy } from 'react';
import type { Permission } from '../../../src/platform/authz/roles.ts';

export interface AppRoute {
  path: string;
  component: ComponentType;
  nav?: {
    /** i18n key, e.g. 'nav:students'. */
    label: string;
    icon: ComponentType<{ size?: number; stroke?: number }>;
    /** Shown only when the user holds this permission on the selected unit. */
    permission?: Permission;
    /** Shown only for a school, or only for an office. */
    only?: 'school' | 'office';
    group?: 'main' | 'records' | 'admin';
  };
}

const HomePage = lazy(() => import('../features/home/HomePage.tsx'));

/** Every page of the app. A feature adds its pages here; the navigation is built from `nav`. */
export const appRoutes: AppRoute[] = [
  { path: '/', component: HomePage, nav: { label: 'nav:home', icon: IconHome, group: 'main' } },
];
