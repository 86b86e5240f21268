#!/usr/bin/env node
// Layering lint: the import rules the architecture promises, checked on every file rather than remembered.
//  1. src/platform never imports src/features: features declare manifests, composed above both in src/server.ts.
//  2. No import cycle between features (folder level, transitively; tests are left out, they may use anything).
//  3. src/contracts imports only zod, src/contracts and src/domain: the web app imports it too.
//  4. web/src reaches the server tree only through the #contracts/ and #domain/ aliases.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ALIASES = { '#contracts/': 'src/contracts/', '#domain/': 'src/domain/' };

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) yield full;
  }
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

/** Import specifiers of a file (static, re-export, side-effect and dynamic imports), comments left out. */
function specifiersOf(file) {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g)].map((m) => m[2]);
}

/** The repository-relative path an import points at, or null for a package. */
function resolve(file, spec) {
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  if (alias) return ALIASES[alias] + spec.slice(alias.length);
  if (!spec.startsWith('.')) return null;
  return path.relative(root, path.resolve(path.dirname(file), spec));
}

const problems = [];
const rel = (file) => path.relative(root, file);
const featureOf = (target) => target.match(/^src\/features\/([^/]+)\//)?.[1];

// 1. platform → features
for (const file of sourceFiles(path.join(root, 'src/platform'))) {
  for (const spec of specifiersOf(file)) {
    if (resolve(file, spec)?.startsWith('src/features/')) {
      problems.push(
        `${rel(file)}: imports ${spec} (the platform never imports a feature; declare it in a manifest)`,
      );
    }
  }
}

// 2. feature cycles, on the graph of feature folders
const edges = new Map();
let featureFiles = 0;
for (const file of sourceFiles(path.join(root, 'src/features'))) {
  const from = featureOf(rel(file));
  if (!from) {
    problems.push(`${rel(file)}: a file of src/features outside a feature folder`);
    continue;
  }
  if (!edges.has(from)) edges.set(from, new Map());
  if (isTest(file)) continue;
  featureFiles++;
  for (const spec of specifiersOf(file)) {
    const to = featureOf(resolve(file, spec) ?? '');
    if (to && to !== from && !edges.get(from).has(to)) edges.get(from).set(to, `${rel(file)} → ${spec}`);
  }
}
for (const cycle of cyclesOf(edges)) {
  const steps = cycle.map((name, i) => `  ${edges.get(name).get(cycle[(i + 1) % cycle.length])}`);
  problems.push(`features import each other: ${[...cycle, cycle[0]].join(' → ')}\n${steps.join('\n')}`);
}

// 3. contracts import only zod, contracts and domain (their tests may also import vitest: never bundled)
for (const file of sourceFiles(path.join(root, 'src/contracts'))) {
  if (isTest(file)) continue;
  for (const spec of specifiersOf(file)) {
    const target = resolve(file, spec);
    const allowed = target === null ? spec === 'zod' : /^src\/(contracts|domain)\//.test(target);
    if (!allowed)
      problems.push(`${rel(file)}: imports ${spec} (contracts import only zod, contracts and domain)`);
  }
}

// 4. web reaches the server only through the aliases
for (const file of sourceFiles(path.join(root, 'web/src'))) {
  for (const spec of specifiersOf(file)) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(file, spec);
    if (target.startsWith('web/')) continue;
    problems.push(
      `${rel(file)}: imports ${spec} (web imports the server only through #contracts/ and #domain/)`,
    );
  }
}

if (problems.length) {
  console.error(`Import rules broken (see scripts/check-imports.mjs):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `import check: ${edges.size} features (${featureFiles} files) without cycles, platform free of features, contracts and web imports clean`,
);

/** Each strongly connected set of more than one feature, as one cycle through it (Tarjan, then a path back). */
function cyclesOf(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (v) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
    }
    if (low.get(v) !== indexOf.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return components.map((component) => cycleThrough(graph, new Set(component), component.sort()[0]));
}

/** A shortest cycle from `start` back to itself inside one component (breadth-first). */
function cycleThrough(graph, members, start) {
  const previous = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const cycle = [v];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]));
        return cycle;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
