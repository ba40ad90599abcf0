import { z } from 'zod';

// zod 4 probes `new Function` to compile faster parsers; the Content-Security-Policy forbids eval, and the probe
// alone would report a violation. Imported first by main.tsx, before any schema runs.
z.config({ jitless: true });
