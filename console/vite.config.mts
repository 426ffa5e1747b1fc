import { defineConfig } from 'vite';

/** Where `npm start` serves the API, for `npm run console:dev`. */
const APP = 'http://localhost:3000';

// `vite build console` (npm run build) writes beside dist/, which `nest build` empties.
// `vite console` (npm run console:dev) serves the console with live reload in front of a running app.
export default defineConfig({
  build: { outDir: '../dist-console', emptyOutDir: true },
  server: {
    proxy: {
      '/api': APP,
      '/socket.io': { target: APP, ws: true },
    },
  },
});
