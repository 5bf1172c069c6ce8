// The answers' serialiser (decision 038): which zod schemas compile to fast-json-stringify, and that the
// compiled function writes what zod's serialiser writes — only declared fields, in the schema's order.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSerializerCompiler, plainJsonSchema } from './serializer';
import { reportDetailSchema, rubricResponse } from './features/reports/schema';

const serialiser = (schema: z.ZodType, crossCheck = true) =>
  createSerializerCompiler({ crossCheck })({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

describe('plainJsonSchema', () => {
  it('declares required only the keys before the first optional one, in the schema’s order', () => {
    const schema = z.object({ a: z.string(), b: z.number().optional(), c: z.boolean(), d: z.date().nullable() });
    expect(plainJsonSchema(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' }, c: { type: 'boolean' }, d: { type: ['string', 'null'], format: 'date-time' } },
      required: ['a'],
    });
  });

  it('leaves to zod what is not plain data: unions, records, transforms, passthrough objects, number enums', () => {
    for (const schema of [
      z.union([z.string(), z.number()]),
      z.record(z.string(), z.number()),
      z.string().transform((s) => s.length),
      z.object({ a: z.string() }).passthrough(),
      z.object({ nested: z.object({ b: z.string().default('x') }) }),
      z.literal([1, 'a']),
    ]) {
      expect(plainJsonSchema(schema as never)).toBeNull();
    }
  });

  it('compiles the answers of the hot writes: a cell report (its creation, every report route) and a rubric', () => {
    expect(plainJsonSchema(reportDetailSchema as never)).not.toBeNull();
    expect(plainJsonSchema(rubricResponse as never)).not.toBeNull();
  });
});

describe('the compiled serialiser', () => {
  const schema = z.object({ id: z.string(), name: z.string(), note: z.string().optional(), at: z.date(), tags: z.array(z.enum(['a', 'b'])), parent: z.object({ id: z.string() }).nullable() });
  const row = { id: '1', name: 'Nguyễn Văn "Hùng" <b>', at: new Date('2026-05-20T01:02:03Z'), tags: ['a'], parent: { id: '2', secret: 'x' }, passwordHash: 'never' };

  it('writes the bytes zod writes, without undeclared fields, with or without the optional one', () => {
    for (const data of [row, { ...row, note: 'ghi chú' }]) {
      const written = serialiser(schema)(data);
      expect(written).toBe(JSON.stringify(schema.parse(data)));
      expect(written).not.toContain('passwordHash');
      expect(written).not.toContain('secret');
    }
  });

  it('under the cross-check, refuses an answer outside its schema as zod does', () => {
    expect(() => serialiser(schema)({ ...row, tags: ['c'] })).toThrow();
  });
});
