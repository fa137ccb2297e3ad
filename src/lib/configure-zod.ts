import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` after probing whether `eval` is allowed; the
 * probe alone is a Content-Security-Policy violation on every load, and the policy allows no
 * `eval`. zod decides when a schema is created, so this runs as a module script of its own before
 * `main.tsx` (index.html): in one entry, the bundler may evaluate the chunk holding zod and the
 * schemas before any line of the entry's own code (decision 011).
 */
z.config({ jitless: true });
