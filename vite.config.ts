import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** `BASE_PATH` (e.g. `/finews/`) with exactly one slash at each end. */
function getBasePath(): string {
  const raw = process.env.BASE_PATH ?? '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: getBasePath(),
  plugins: [react(), tailwindcss()],
  build: { target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
});
