import { Ajv, type ErrorObject } from 'ajv';
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

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const DECIMAL = /^[0-9]+$/;
const SIGNED_DECIMAL = /^-?[0-9]+$/;

/**
 * fastify's schema compiler: coercing for the path, query and headers, strict for bodies.
 *
 * ajv coerces a string to an integer with `Number()`, which also reads `0x1`, ` 1`, `1e3`, `1.0`
 * and `+1`: an integer property of the path, query or headers must first be written as a plain
 * decimal (digits, a minus sign only where the schema allows negatives); ajv then checks its
 * range. The property names are found once, when the route's schema is compiled.
 */
export function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  if (httpPart === 'body') return strict.compile(schema);
  const validate = coercing.compile(schema) as Validate;
  const integers = integerPropertiesOf(schema);
  if (integers.length === 0) return validate;
  const checked: Validate = (data) => {
    if (typeof data === 'object' && data !== null) {
      for (const { name, pattern } of integers) {
        const value = (data as Record<string, unknown>)[name];
        const bad = Array.isArray(value) ? value.some((v) => typeof v === 'string' && !pattern.test(v)) : typeof value === 'string' && !pattern.test(value);
        if (bad) {
          checked.errors = [
            {
              keyword: 'type',
              instancePath: `/${name}`,
              schemaPath: `#/properties/${name}/type`,
              params: { type: 'integer' },
              message: pattern === DECIMAL ? 'must be an integer written in decimal digits only (0-9)' : 'must be an integer written in decimal digits only (0-9), with a minus sign if negative',
            },
          ];
          return false;
        }
      }
    }
    const valid = validate(data);
    checked.errors = validate.errors;
    return valid;
  };
  return checked;
}

/** The integer-typed properties of an object schema, with the text each must match. */
function integerPropertiesOf(schema: object): Array<{ name: string; pattern: RegExp }> {
  const properties = (schema as { properties?: Record<string, { type?: unknown; minimum?: unknown }> }).properties ?? {};
  return Object.entries(properties)
    .filter(([, s]) => s.type === 'integer')
    .map(([name, s]) => ({ name, pattern: typeof s.minimum === 'number' && s.minimum >= 0 ? DECIMAL : SIGNED_DECIMAL }));
}
