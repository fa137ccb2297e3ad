import { z } from 'zod/mini';

/**
 * zod compiles object parsers with `new Function` after probing whether `eval` is allowed; the
 * probe alone is a Content-Security-Policy violation on every load, and the policy allows no
 * `eval`. zod decides when a schema is created, so `main.tsx` imports this first, and the build
 * keeps modules in source order across chunks (vite.config.ts): otherwise the chunk holding zod
 * and the schemas runs before any line of the entry's own code (decision 011).
 */
z.config({ jitless: true });
