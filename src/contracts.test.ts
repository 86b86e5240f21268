import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The web bundles src/contracts and what it imports. A contract that pulled in Fastify, Kysely, a platform module or
// a feature would drag the server into the browser, so contracts import only zod, other contracts and src/domain
// (which is itself pure: its rules import only zod and each other).

const SRC = path.dirname(fileURLToPath(import.meta.url));
const PURE_ROOTS = [path.join(SRC, 'contracts'), path.join(SRC, 'domain')];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g;

function resolve(from: string, specifier: string): string | null {
  if (specifier.startsWith('#contracts/'))
    return path.join(SRC, 'contracts', specifier.slice('#contracts/'.length));
  if (specifier.startsWith('#domain/')) return path.join(SRC, 'domain', specifier.slice('#domain/'.length));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier);
  return null;
}

/** The imports of the contracts and of every file they reach, that leave zod, src/contracts and src/domain. */
function impureImports(): string[] {
  const entries = fs
    .readdirSync(path.join(SRC, 'contracts'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(SRC, 'contracts', f));
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = [...entries];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      const target = resolve(file, specifier);
      const where = `${path.relative(SRC, file)} → ${specifier}`;
      if (target === null) {
        if (specifier !== 'zod') found.push(where);
      } else if (!PURE_ROOTS.some((root) => target.startsWith(root + path.sep))) {
        found.push(where);
      } else {
        queue.push(target);
      }
    }
  }
  return found;
}

describe('contracts', () => {
  it('import only zod, other contracts and src/domain, also through what they import', () => {
    expect(impureImports()).toEqual([]);
  });
});
