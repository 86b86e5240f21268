// A worker thread does not inherit the loader hooks tsx registered on the main thread (bin/truongso.mjs, vitest):
// register them here, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
// Before exceljs loads: its streaming reader must decode split UTF-8 characters (exceljs-utf8.ts).
await import('./exceljs-utf8.ts');
await import('./spreadsheet-worker.ts');
