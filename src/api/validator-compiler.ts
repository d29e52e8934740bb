import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { textFormats } from './text-schemas.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Query strings and path parameters arrive as text and are coerced to the schema's types;
// JSON bodies are not: `{"certificateBody": 42}` is a validation error, not the string "42".
const ajvOptions = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false } as const;
const coercing = withTextFormats(addFormats(new Ajv({ ...ajvOptions, coerceTypes: 'array' })));
const strict = withTextFormats(addFormats(new Ajv({ ...ajvOptions, coerceTypes: false })));

function withTextFormats(ajv: Ajv): Ajv {
  for (const [name, { validate }] of Object.entries(textFormats)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

/** fastify's schema compiler: coercing for the path, query and headers, strict for bodies. */
export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strict : coercing).compile(schema);
}
