import { describe, expect, it } from 'vitest';
import { validatorCompiler } from '../../src/api/validator-compiler.js';

describe('validatorCompiler: integers of the path and the query', () => {
  const schema = {
    type: 'object',
    properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, offset: { type: 'integer' }, name: { type: 'string' } },
  };
  const params = validatorCompiler({ schema, httpPart: 'querystring' });
  const check = (data: Record<string, unknown>) => {
    const copy = { ...data };
    const valid = params(copy) as boolean;
    return { valid, value: copy, message: (params as unknown as { errors?: Array<{ message?: string }> }).errors?.[0]?.message };
  };

  // [text, valid, the coerced value]
  it.each<[string, boolean, number | undefined]>([
    ['1', true, 1],
    ['42', true, 42],
    ['007', true, 7],
    ['2147483647', true, 2147483647],
    ['2147483648', false, undefined],
    ['0', false, undefined],
    ['0x1', false, undefined],
    [' 1', false, undefined],
    ['1 ', false, undefined],
    ['1e3', false, undefined],
    ['1.0', false, undefined],
    ['+1', false, undefined],
    ['-1', false, undefined],
    ['0b1', false, undefined],
    ['0o7', false, undefined],
    ['1_000', false, undefined],
    ['١', false, undefined],
    ['', false, undefined],
    ['9'.repeat(400), false, undefined],
  ])('id %j: valid %s', (text, valid, value) => {
    const result = check({ id: text });
    expect(result.valid).toBe(valid);
    if (valid) expect(result.value.id).toBe(value);
  });

  it('allows a minus sign where the schema allows negatives', () => {
    expect(check({ offset: '-5' })).toMatchObject({ valid: true, value: { offset: -5 } });
    expect(check({ offset: '- 5' })).toMatchObject({ valid: false, message: 'must be an integer written in decimal digits only (0-9), with a minus sign if negative' });
    expect(check({ offset: '-0x5' }).valid).toBe(false);
  });

  it('says what is wrong, and checks a repeated parameter element by element', () => {
    expect(check({ id: '0x1' }).message).toBe('must be an integer written in decimal digits only (0-9)');
    expect(check({ id: ['1', '0x1'] }).valid).toBe(false);
  });

  it('leaves other properties, and JSON bodies (no coercion), as they were', () => {
    expect(check({ name: '0x1' })).toMatchObject({ valid: true, value: { name: '0x1' } });
    const body = validatorCompiler({ schema, httpPart: 'body' });
    expect(body({ id: 1000 })).toBe(true);
    expect(body({ id: '1' })).toBe(false);
  });
});
