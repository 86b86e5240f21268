import { nav } from '../app/messages.ts';
import { auth } from '../auth/messages.ts';
import { classes } from '../features/classes/messages.ts';
import { home } from '../features/home/messages.ts';
import { students } from '../features/students/messages.ts';

type Catalogue = { vi: Record<string, string>; en: Record<string, string> };

/** Feature catalogues by namespace. Add a feature's messages.ts here. */
export const catalogues: Record<string, Catalogue> = { home, auth, nav, students, classes };
