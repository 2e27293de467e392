import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { errors, type FieldError } from '../core/errors.js';
import type { AppEnv } from './context.js';

/** Maps zod issues to `{ path, code, message }`, one entry per offending field. */
export function fieldErrorsFrom(error: ZodError): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields.push({ path: path ? `${path}.${key}` : key, code: 'unknown_field', message: 'is not a known field' });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    fields.push({
      path,
      code: missing ? 'required' : (customCode(issue) ?? issue.code),
      message: missing ? 'is required' : issue.message,
    });
  }
  return fields;
}

/** A contract refinement names its own stable code (`invalid_string`, `too_deep`) instead of zod's `custom`. */
function customCode(issue: ZodError['issues'][number]): string | undefined {
  const code = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The OpenAPIHono hook: every schema failure becomes a 400 `validation_failed` naming the fields. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input type
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw errors.validation(fieldErrorsFrom(result.error as ZodError));
};
