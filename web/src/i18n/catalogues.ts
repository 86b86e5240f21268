import { nav } from '../app/messages.ts';
import { auth } from '../auth/messages.ts';
import { assessments } from '../features/assessments/messages.ts';
import { home } from '../features/home/messages.ts';

type Catalogue = { vi: Record<string, string>; en: Record<string, string> };

/** Feature catalogues by namespace. Add a feature's messages.ts here. */
export const catalogues: Record<string, Catalogue> = { home, auth, nav, assessments };
