import { IconCopy, IconHeartHandshake, IconHome, IconSchool, IconUsers } from '@tabler/icons-react';
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
const StudentsPage = lazy(() => import('../features/students/StudentsPage.tsx'));
const StudentFormPage = lazy(() => import('../features/students/StudentFormPage.tsx'));
const StudentDetailPage = lazy(() => import('../features/students/StudentDetailPage.tsx'));
const DuplicatesPage = lazy(() => import('../features/students/DuplicatesPage.tsx'));
const MyChildrenPage = lazy(() => import('../features/students/MyChildrenPage.tsx'));
const ClassesPage = lazy(() => import('../features/classes/ClassesPage.tsx'));
const ClassDetailPage = lazy(() => import('../features/classes/ClassDetailPage.tsx'));

/** Every page of the app. A feature adds its pages here; the navigation is built from `nav`. */
export const appRoutes: AppRoute[] = [
  { path: '/', component: HomePage, nav: { label: 'nav:home', icon: IconHome, group: 'main' } },
  {
    path: '/my-children',
    component: MyChildrenPage,
    nav: {
      label: 'students:navMine',
      icon: IconHeartHandshake,
      permission: 'students.read_own',
      group: 'main',
    },
  },
  {
    path: '/students',
    component: StudentsPage,
    nav: {
      label: 'nav:students',
      icon: IconUsers,
      permission: 'students.read',
      only: 'school',
      group: 'records',
    },
  },
  { path: '/students/new', component: StudentFormPage },
  {
    path: '/national-id-duplicates',
    component: DuplicatesPage,
    nav: {
      label: 'students:navDuplicates',
      icon: IconCopy,
      permission: 'students.sensitive',
      group: 'records',
    },
  },
  { path: '/students/:id', component: StudentDetailPage },
  { path: '/students/:id/edit', component: StudentFormPage },
  {
    path: '/classes',
    component: ClassesPage,
    nav: {
      label: 'nav:classes',
      icon: IconSchool,
      permission: 'classes.read',
      only: 'school',
      group: 'records',
    },
  },
  { path: '/classes/:id', component: ClassDetailPage },
];
