import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface Sizes {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleSizes {
  /** What index.html makes the browser fetch before the first page renders (entry, modulepreloads, stylesheets). */
  initialJs: Sizes;
  initialCss: Sizes;
  /** Every built file of the kind, lazy chunks included. */
  allJs: Sizes;
  allCss: Sizes;
  fonts: Sizes;
}

/** Sizes of a Vite build (web/dist): raw, and as gzip -9 and brotli 11 would send them. */
export function bundleSizes(dist: string): BundleSizes {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) =>
    path.join(dist, m[1] ?? ''),
  );
  const assets = fs.readdirSync(path.join(dist, 'assets')).map((name) => path.join(dist, 'assets', name));
  return {
    initialJs: sum(initial.filter((f) => f.endsWith('.js'))),
    initialCss: sum(initial.filter((f) => f.endsWith('.css'))),
    allJs: sum(assets.filter((f) => f.endsWith('.js'))),
    allCss: sum(assets.filter((f) => f.endsWith('.css'))),
    fonts: sum(assets.filter((f) => /\.(ttf|woff2?)$/.test(f))),
  };
}

function sum(files: string[]): Sizes {
  const total: Sizes = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const content = fs.readFileSync(file);
    total.raw += content.length;
    total.gzip += zlib.gzipSync(content, { level: 9 }).length;
    total.brotli += zlib.brotliCompressSync(content).length;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatSizes(label: string, sizes: BundleSizes): string[] {
  const row = (name: string, s: Sizes) =>
    `  ${name.padEnd(12)} ${String(s.files).padStart(3)} files  ${kb(s.raw).padStart(10)} raw  ${kb(s.gzip).padStart(9)} gzip  ${kb(s.brotli).padStart(9)} br`;
  return [
    label,
    row('initial JS', sizes.initialJs),
    row('initial CSS', sizes.initialCss),
    row('all JS', sizes.allJs),
    row('all CSS', sizes.allCss),
    row('fonts', sizes.fonts),
  ];
}

// `npx tsx bench/lib/bundle-sizes.ts web/dist [other/dist]`: prints the sizes of one or more builds.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const dist of process.argv.slice(2)) console.log(formatSizes(dist, bundleSizes(dist)).join('\n'));
}
