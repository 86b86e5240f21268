import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootModules } from './boot-chunk.ts';
import { precompress } from './precompress.ts';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

const boot = bootModules();

/**
 * Chunks: React and the router alone (they change least, so stay cached across releases), then everything the first
 * page needs in one "boot" chunk, then one chunk per page (React.lazy in web/src/app/routes.tsx) with what only pages
 * share split automatically. Page-only libraries (recharts, react-datasheet-grid, pdfjs) stay with their pages.
 */
const chunkGroups = [
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 2,
  },
  { name: 'boot', test: (id: string) => boot.has(id) && !id.includes('node_modules'), priority: 1 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react(), boot.plugin, precompress()],
  // react-datasheet-grid's react-resize-detector 7 brought its own react-dom 18 (peer range); one React only.
  resolve: { dedupe: ['react', 'react-dom'] },
  css: { postcss: path.join(webRoot, 'postcss.config.cjs') },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
  server: { fs: { allow: [path.join(webRoot, '..')] } },
});
