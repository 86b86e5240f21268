import { buildWebApp } from '../cli/web.ts';

/** Builds the web app once per run so the browser tests exercise the current code. */
export default async function setup() {
  await buildWebApp();
}
