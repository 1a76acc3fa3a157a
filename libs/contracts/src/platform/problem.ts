import { z } from 'zod';

/** RFC 9457 problem details as the API sends them. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string(), message: z.string() })).optional(),
});
export type ProblemDocument = z.infer<typeof problemSchema>;
