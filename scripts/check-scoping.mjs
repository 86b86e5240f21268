#!/usr/bin/env node
// Tenant-scoping lint: every query in src/features on a table that carries unit_id must mention unit_id (or a
// scope helper) in the same statement, or carry a `// scope: <why>` comment on the line above. Scope is
// mechanical, not remembered (see ../shared/style.md).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const migrationsDir = path.join(root, 'src/platform/db/migrations');

/** Tables whose `create table` block declares a unit_id column. */
function unitOwnedTables() {
  const tables = new Set();
  for (const file of fs.readdirSync(migrationsDir)) {
    const text = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    for (const m of text.matchAll(/create table (\w+) \(([\s\S]*?)\n\s*\);/g)) {
      if (/^\s*unit_id\s/m.test(m[2])) tables.add(m[1]);
    }
  }
  tables.delete('units');
  return tables;
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield full;
  }
}

const SCOPED = /unit_id|InScope|inScope|unitsUnderPaths|scopedTo/;
const tables = unitOwnedTables();
const problems = [];
for (const file of sourceFiles(path.join(root, 'src/features'))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/(selectFrom|updateTable|deleteFrom)\(\s*'(\w+)(?: as \w+)?'/g)) {
      if (!tables.has(m[2])) continue;
      let statement = '';
      for (let j = i; j < Math.min(lines.length, i + 40); j++) {
        statement += `${lines[j]}\n`;
        if (/;\s*$/.test(lines[j])) break;
      }
      const exempt = /\/\/ scope:/.test(lines[i - 1] ?? '') || /\/\/ scope:/.test(line);
      if (!SCOPED.test(statement) && !exempt) {
        problems.push(`${path.relative(root, file)}:${i + 1}  ${m[1]}('${m[2]}') without unit_id scope`);
      }
    }
  });
}
if (problems.length) {
  console.error(
    `Unscoped queries on unit-owned tables (add a unit_id condition or a "// scope: why" comment):\n${problems.join('\n')}`,
  );
  process.exit(1);
}
console.log(`scoping check: ${tables.size} unit-owned tables, no unscoped queries`);
