import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChalkboard,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconCopy,
  IconDatabase,
  IconFileCertificate,
  IconFileImport,
  IconHeartHandshake,
  IconHistory,
  IconHome,
  IconListDetails,
  IconMessage,
  IconNotebook,
  IconReportAnalytics,
  IconSchool,
  IconTable,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { lazy } from 'react';
import type { Permission, Role } from '#contracts/roles.ts';
import { loadHomePage } from './preload.ts';

export const NAV_GROUPS = ['main', 'records', 'gradebook', 'results', 'dx', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

const FAMILY: readonly Role[] = ['guardian', 'student'];

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
    /** The menu's area (issue 13 §3): the main items on top, then Hồ sơ, Sổ điểm, Kết quả, Chuyển đổi số, Quản trị. */
    group?: NavGroup;
    /**
     * Shown only to users holding one of these roles somewhere: family pages are for families, not for an
     * administrator whose permissions happen to include them.
     */
    roles?: readonly Role[];
  };
}

const NotificationSettingsPage = lazy(() => import('../features/notifications/NotificationSettingsPage.tsx'));
const UnsubscribePage = lazy(() => import('../features/notifications/UnsubscribePage.tsx'));
const HomePage = lazy(loadHomePage);
const StaffPage = lazy(() => import('../features/staff/StaffPage.tsx'));
const StaffingPage = lazy(() => import('../features/staffing/StaffingPage.tsx'));
const DepartmentsPage = lazy(() => import('../features/departments/DepartmentsPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx'));
const SchoolYearsPage = lazy(() => import('../features/school-years/SchoolYearsPage.tsx'));
const StudentsPage = lazy(() => import('../features/students/StudentsPage.tsx'));
const StudentFormPage = lazy(() => import('../features/students/StudentFormPage.tsx'));
const StudentDetailPage = lazy(() => import('../features/students/StudentDetailPage.tsx'));
const DuplicatesPage = lazy(() => import('../features/students/DuplicatesPage.tsx'));
const MyChildrenPage = lazy(() => import('../features/students/MyChildrenPage.tsx'));
const ClassesPage = lazy(() => import('../features/classes/ClassesPage.tsx'));
const ClassDetailPage = lazy(() => import('../features/classes/ClassDetailPage.tsx'));
const SelfAssessmentListPage = lazy(() => import('../features/dx-assessments/SelfAssessmentListPage.tsx'));
const AssessmentPage = lazy(() => import('../features/dx-assessments/AssessmentPage.tsx'));
const ReviewPage = lazy(() => import('../features/dx-assessments/ReviewPage.tsx'));
const CampaignsPage = lazy(() => import('../features/dx-assessments/CampaignsPage.tsx'));
const CampaignBoardPage = lazy(() => import('../features/dx-assessments/CampaignBoardPage.tsx'));
const CataloguesPage = lazy(() => import('../features/dx-assessments/CataloguesPage.tsx'));
const PublicResultsPage = lazy(() => import('../features/dx-assessments/PublicResultsPage.tsx'));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx'));
const MyClassesPage = lazy(() => import('../features/gradebook/MyClassesPage.tsx'));
const AssignmentsPage = lazy(() => import('../features/gradebook/AssignmentsPage.tsx'));
const ScoreGridPage = lazy(() => import('../features/gradebook/ScoreGridPage.tsx'));
const AttendancePage = lazy(() => import('../features/gradebook/AttendancePage.tsx'));
const ConductPage = lazy(() => import('../features/gradebook/ConductPage.tsx'));
const ResultsPage = lazy(() => import('../features/results/ResultsPage.tsx'));
const PromotionListPage = lazy(() => import('../features/results/PromotionListPage.tsx'));
const PrimaryEvaluationPage = lazy(() => import('../features/results/PrimaryEvaluationPage.tsx'));
const PrimarySupportPage = lazy(() => import('../features/results/PrimarySupportPage.tsx'));
const RolloverPage = lazy(() => import('../features/results/RolloverPage.tsx'));
const ContactBookPage = lazy(() => import('../features/contact-book/ContactBookPage.tsx'));
const ClassNotesPage = lazy(() => import('../features/contact-book/ClassNotesPage.tsx'));
const TranscriptsPage = lazy(() => import('../features/transcripts/TranscriptsPage.tsx'));
const ClassTranscriptsPage = lazy(() => import('../features/transcripts/ClassTranscriptsPage.tsx'));
const MyTranscriptsPage = lazy(() => import('../features/transcripts/MyTranscriptsPage.tsx'));
const DashboardPage = lazy(() => import('../features/dx-assessments/DashboardPage.tsx'));
const QuestionBankPage = lazy(() => import('../features/question-bank/QuestionBankPage.tsx'));
const QuestionFormPage = lazy(() => import('../features/question-bank/QuestionFormPage.tsx'));
const QuestionImportPage = lazy(() => import('../features/question-bank/ImportPage.tsx'));
const OverviewPage = lazy(() => import('../features/gradebook/OverviewPage.tsx'));

/** Every page of the app. A feature adds its pages here; the navigation is built from `nav`. */
export const appRoutes: AppRoute[] = [
  { path: '/', component: HomePage, nav: { label: 'nav:home', icon: IconHome, group: 'main' } },
  {
    path: '/staff',
    component: StaffPage,
    nav: { label: 'nav:staff', icon: IconUsers, permission: 'staff.read', group: 'records' },
  },
  {
    path: '/quotas',
    component: StaffingPage,
    nav: { label: 'nav:staffing', icon: IconTable, permission: 'staff.read', group: 'records' },
  },
  {
    path: '/departments',
    component: DepartmentsPage,
    nav: {
      label: 'staff:navDepartments',
      icon: IconUsersGroup,
      permission: 'staff.read',
      only: 'school',
      group: 'records',
    },
  },
  {
    path: '/my-children',
    component: MyChildrenPage,
    nav: {
      label: 'students:navMine',
      icon: IconHeartHandshake,
      permission: 'students.read_own',
      group: 'main',
      roles: FAMILY,
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
  {
    path: '/units',
    component: UnitsPage,
    nav: {
      label: 'nav:units',
      icon: IconBuildingCommunity,
      permission: 'units.read',
      only: 'office',
      group: 'admin',
    },
  },
  {
    path: '/assessments',
    component: SelfAssessmentListPage,
    nav: {
      label: 'assessments:navSelf',
      icon: IconClipboardCheck,
      permission: 'assessments.read',
      group: 'dx',
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
      group: 'dx',
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
      group: 'dx',
    },
  },
  {
    path: '/school-years',
    component: SchoolYearsPage,
    nav: {
      label: 'nav:schoolYears',
      icon: IconCalendarEvent,
      permission: 'school_years.manage',
      group: 'admin',
    },
  },
  {
    path: '/users',
    component: UsersPage,
    nav: { label: 'nav:users', icon: IconUserShield, permission: 'users.read', group: 'admin' },
  },
  {
    path: '/audit',
    component: AuditPage,
    nav: { label: 'nav:audit', icon: IconHistory, permission: 'audit.read', group: 'admin' },
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
  {
    path: '/imports',
    component: ImportPage,
    nav: {
      label: 'imports:nav',
      icon: IconFileImport,
      permission: 'imports.run',
      only: 'school',
      group: 'records',
    },
  },
  {
    path: '/gradebook',
    component: MyClassesPage,
    nav: {
      label: 'gradebook:navMine',
      icon: IconNotebook,
      permission: 'gradebook.enter',
      only: 'school',
      group: 'gradebook',
    },
  },
  {
    path: '/gradebook/assignments',
    component: AssignmentsPage,
    nav: {
      label: 'gradebook:navAssignments',
      icon: IconChalkboard,
      permission: 'gradebook.manage',
      only: 'school',
      group: 'gradebook',
    },
  },
  { path: '/gradebook/classes/:classId/subjects/:subjectCode', component: ScoreGridPage },
  {
    path: '/question-bank',
    component: QuestionBankPage,
    nav: {
      label: 'questionBank:nav',
      icon: IconDatabase,
      permission: 'question_bank.use',
      group: 'gradebook',
    },
  },
  { path: '/question-bank/new', component: QuestionFormPage },
  { path: '/question-bank/import', component: QuestionImportPage },
  { path: '/question-bank/:id', component: QuestionFormPage },
  { path: '/gradebook/classes/:classId/attendance', component: AttendancePage },
  { path: '/gradebook/classes/:classId/conduct', component: ConductPage },
  {
    path: '/results',
    component: ResultsPage,
    nav: {
      label: 'results:nav',
      icon: IconReportAnalytics,
      permission: 'classes.read',
      only: 'school',
      group: 'results',
    },
  },
  { path: '/results/promotion-list', component: PromotionListPage },
  { path: '/results/classes/:classId/primary', component: PrimaryEvaluationPage },
  { path: '/results/classes/:classId/primary-support', component: PrimarySupportPage },
  { path: '/results/rollover', component: RolloverPage },
  {
    path: '/contact-book',
    component: ContactBookPage,
    nav: {
      label: 'contactBook:nav',
      icon: IconNotebook,
      permission: 'students.read_own',
      group: 'main',
      roles: FAMILY,
    },
  },
  {
    path: '/class-notes',
    component: ClassNotesPage,
    nav: {
      label: 'contactBook:nav',
      icon: IconMessage,
      permission: 'gradebook.enter',
      only: 'school',
      group: 'gradebook',
    },
  },
  {
    path: '/my-transcripts',
    component: MyTranscriptsPage,
    nav: {
      label: 'transcripts:navMine',
      icon: IconFileCertificate,
      permission: 'students.read_own',
      group: 'main',
      roles: FAMILY,
    },
  },
  {
    path: '/transcripts',
    component: TranscriptsPage,
    nav: {
      label: 'transcripts:nav',
      icon: IconFileCertificate,
      permission: 'classes.read',
      only: 'school',
      group: 'results',
    },
  },
  { path: '/transcripts/:id', component: ClassTranscriptsPage },
  {
    path: '/assessment-dashboard',
    component: DashboardPage,
    nav: {
      label: 'dxDashboard:nav',
      icon: IconChartBar,
      permission: 'assessments.read',
      only: 'office',
      group: 'dx',
    },
  },
  { path: '/gradebook/classes/:classId/overview', component: OverviewPage },
  { path: '/notifications/settings', component: NotificationSettingsPage },
];

/** Pages anyone may open without logging in (published results). */
export const publicRoutes: AppRoute[] = [
  { path: '/cong-khai/danh-gia/:unitId', component: PublicResultsPage },
  { path: '/unsubscribe', component: UnsubscribePage },
];
