import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

const DEFAULT_PORT = 3000;
const port = Number.parseInt(process.env.PORT ?? '', 10) || DEFAULT_PORT;

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  // Pre-bundled at start, so the first page load in dev does not trigger a reload.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      'react-router',
      'react-i18next',
      'i18next',
      'urql',
      '@urql/exchange-graphcache',
    ],
  },
});
