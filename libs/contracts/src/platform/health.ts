import { z } from 'zod';

export const livenessSchema = z.strictObject({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;

/** Public, so it says only whether the platform answers: no version, no deployment details. */
export const readinessSchema = z.strictObject({
  status: z.literal('ready'),
  database: z.strictObject({
    status: z.literal('up'),
    latencyMs: z.number().int().nonnegative(),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
