import { z } from 'zod';

/** The error body every failing route returns (for the OpenAPI document). */
export const errorBodySchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Common error responses of an authenticated route. */
export const commonErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
} as const;

/** A numeric id in a URL path. */
export const idParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });
