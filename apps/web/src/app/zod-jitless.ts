import { z } from 'zod';

// Zod compiles fast parsers with `new Function` unless told not to; under our CSP (no
// 'unsafe-eval') even its probe is reported as a violation. This module must be imported
// before anything that builds a schema, as zod reads the setting at schema creation.
z.config({ jitless: true });
