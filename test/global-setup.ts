import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';

/**
 * Creating a PGlite database runs initdb in WASM (seconds). Do it once per run: migrate one database, dump its
 * data folder, and let every test file start from that dump.
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({});
  const file = path.join(os.tmpdir(), `truongso-pglite-template-${process.pid}.tar`);
  try {
    await migrateToLatest(database.db as never);
    const dump = await database.dumpDataDir?.();
    if (!dump) throw new Error('template needs the PGlite engine');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
