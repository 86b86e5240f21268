import { nav } from '../app/messages.ts';
import { auth } from '../auth/messages.ts';
import { audit } from '../features/audit/messages.ts';
import { classes } from '../features/classes/messages.ts';
import { contactBook } from '../features/contact-book/messages.ts';
import { departments } from '../features/departments/messages.ts';
import { dxDashboard } from '../features/dx-assessments/dashboard-messages.ts';
import { assessments } from '../features/dx-assessments/messages.ts';
import { gradebook } from '../features/gradebook/messages.ts';
import { home } from '../features/home/messages.ts';
import { imports } from '../features/imports/messages.ts';
import { notifications } from '../features/notifications/messages.ts';
import { questionBank } from '../features/question-bank/messages.ts';
import { results } from '../features/results/messages.ts';
import { schoolYears } from '../features/school-years/messages.ts';
import { staff } from '../features/staff/messages.ts';
import { staffing } from '../features/staffing/messages.ts';
import { students } from '../features/students/messages.ts';
import { transcripts } from '../features/transcripts/messages.ts';
import { units } from '../features/units/messages.ts';
import { users } from '../features/users/messages.ts';

type Catalogue = { vi: Record<string, string>; en: Record<string, string> };

/** Feature catalogues by namespace. Add a feature's messages.ts here. */
export const catalogues: Record<string, Catalogue> = {
  home,
  auth,
  nav,
  staff,
  staffing,
  departments,
  users,
  audit,
  units,
  schoolYears,
  students,
  classes,
  assessments,
  imports,
  gradebook,
  results,
  contactBook,
  notifications,
  transcripts,
  dxDashboard,
  questionBank,
};
