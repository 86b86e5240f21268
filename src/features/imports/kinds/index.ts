import { teachingAssignmentsImportKind } from '../../gradebook/assignments-import.ts';
import { registerImportKind } from '../registry.ts';
import { classesImportKind } from './classes.ts';
import { staffImportKind } from './staff.ts';
import { studentsImportKind } from './students.ts';

/**
 * The kinds of Excel import/export. A feature adds its own (e.g. the gradebook's teaching assignments) by writing
 * an ImportKind in its folder and appending one line here.
 */
registerImportKind(staffImportKind);
registerImportKind(classesImportKind);
registerImportKind(studentsImportKind);
registerImportKind(teachingAssignmentsImportKind);
