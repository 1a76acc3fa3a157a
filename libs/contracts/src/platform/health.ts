import { z } from 'zod';

export const livenessSchema = z.strictObject({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;

export const readinessSchema = z.strictObject({
  status: z.literal('ready'),
  version: z.string(),
  database: z.strictObject({
    status: z.literal('up'),
    mode: z.enum(['embedded', 'external']),
    latencyMs: z.number().int().nonnegative(),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
