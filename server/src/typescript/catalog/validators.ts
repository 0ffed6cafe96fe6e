/**
 * Schema validators (joi, zod, yup, superstruct, ajv-style wrappers) hand back the value they were
 * given, checked or coerced: `await schema.validateAsync(req.body)` is the body. Recognised by the
 * method's name on any receiver, because the schema is usually built far from where it is used and
 * its type is often unavailable. A validated string is still any string: only the schema's own
 * enumerations would bound it, and those are not read here.
 */
export const VALIDATION_METHODS: ReadonlySet<string> = new Set(['validate', 'validateAsync', 'validateSync', 'parse', 'parseAsync', 'cast']);
