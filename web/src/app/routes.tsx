import { IconChecklist, IconClipboardCheck, IconHome, IconListDetails } from '@tabler/icons-react';
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
const SelfAssessmentListPage = lazy(() => import('../features/assessments/SelfAssessmentListPage.tsx'));
const AssessmentPage = lazy(() => import('../features/assessments/AssessmentPage.tsx'));
const ReviewPage = lazy(() => import('../features/assessments/ReviewPage.tsx'));
const CampaignsPage = lazy(() => import('../features/assessments/CampaignsPage.tsx'));
const CampaignBoardPage = lazy(() => import('../features/assessments/CampaignBoardPage.tsx'));
const CataloguesPage = lazy(() => import('../features/assessments/CataloguesPage.tsx'));
const PublicResultsPage = lazy(() => import('../features/assessments/PublicResultsPage.tsx'));

/** Every page of the app. A feature adds its pages here; the navigation is built from `nav`. */
export const appRoutes: AppRoute[] = [
  { path: '/', component: HomePage, nav: { label: 'nav:home', icon: IconHome, group: 'main' } },
  {
    path: '/assessments',
    component: SelfAssessmentListPage,
    nav: {
      label: 'assessments:navSelf',
      icon: IconClipboardCheck,
      permission: 'assessments.read',
      group: 'main',
    },
  },
  { path: '/assessments/:id', component: AssessmentPage },
  { path: '/assessments/:id/review', component: ReviewPage },
  {
    path: '/assessment-campaigns',
    component: CampaignsPage,
    nav: {
      label: 'assessments:navCampaigns',
      icon: IconChecklist,
      permission: 'assessments.review',
      only: 'office',
      group: 'main',
    },
  },
  { path: '/assessment-campaigns/:id', component: CampaignBoardPage },
  {
    path: '/assessment-catalogues',
    component: CataloguesPage,
    nav: {
      label: 'assessments:navCatalogues',
      icon: IconListDetails,
      permission: 'assessments.review',
      only: 'office',
      group: 'admin',
    },
  },
];

/** Pages anyone may open without logging in (published results). */
export const publicRoutes: AppRoute[] = [
  { path: '/cong-khai/danh-gia/:unitId', component: PublicResultsPage },
];
