// A worker thread does not inherit the loader hooks tsx registered on the main thread (bin/truongso.mjs, vitest):
// register them here, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
