import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // react-datasheet-grid's react-resize-detector 7 brought its own react-dom 18 (peer range); one React only.
  resolve: { dedupe: ['react', 'react-dom'] },
  css: { postcss: path.join(webRoot, 'postcss.config.cjs') },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { fs: { allow: [path.join(webRoot, '..')] } },
});
