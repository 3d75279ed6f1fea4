import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 200,
    rolldownOptions: {
      // The domain package is pure: importing it does nothing by itself, so what a chunk does not
      // use of it (the decimal library behind money, for a role list) is left out of that chunk.
      treeshake: { moduleSideEffects: (id) => (/\/packages\/domain\/src\//.test(id) ? false : undefined) },
    },
  },
});
