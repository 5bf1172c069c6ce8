// The importer's JSON contract (IMPORT.md) as a zod schema: the API's serializer and its OpenAPI doc.
import { z } from 'zod';

const iso = z.string();
const due = z.union([
  z.object({ phrase: z.string(), kind: z.enum(['before', 'on']), date: iso }),
  z.object({ phrase: z.string(), kind: z.enum(['within-month', 'within-quarter', 'within-year', 'range']), from: iso, to: iso }),
  z.object({ phrase: z.string(), kind: z.literal('ongoing') }),
  z.object({ phrase: z.string(), kind: z.literal('after-event'), event: z.string() }),
]);

type Section = { number: string; title: string; line: number; text?: string; children?: Section[] };
const section: z.ZodType<Section> = z.lazy(() =>
  z.object({ number: z.string(), title: z.string(), line: z.number(), text: z.string().optional(), children: z.array(section).optional() }),
);

export const importedPlanSchema = z.object({
  kind: z.literal('ke-hoach'),
  title: z.string().nullable(),
  header: z
    .object({ superior: z.string().optional(), issuer: z.string().optional(), number: z.string().optional(), place: z.string().optional(), date: z.string().optional() })
    .optional(),
  preamble: z.array(z.string()),
  resolutions: z.array(
    z.object({
      number: z.string(),
      issuedOn: iso.nullable(),
      issuer: z.string().nullable(),
      subject: z.string().nullable(),
      mentions: z.array(z.object({ line: z.number(), issuedOn: iso })),
    }),
  ),
  sections: z.array(section),
  conferences: z.array(
    z.object({
      level: z.enum(['ward', 'grassroots']),
      when: due.nullable(),
      venue: z.string().optional(),
      participants: z.string().optional(),
      audience: z.string().optional(),
      reporter: z.string().optional(),
    }),
  ),
  tasks: z.array(z.object({ assignee: z.string(), text: z.string(), line: z.number(), due: due.nullable() })),
  selfAssessment: z.object({ regulation: z.string(), criteriaGroups: z.number().nullable() }).nullable(),
  recipients: z.array(z.string()),
  signature: z.object({ onBehalfOf: z.string(), position: z.string(), name: z.string() }).nullable(),
  diagnostics: z.array(
    z.object({ line: z.number(), column: z.number(), severity: z.enum(['error', 'warning', 'info']), code: z.string(), message: z.string() }),
  ),
});

export const importTextBody = z.object({ text: z.string() });

export const vocabularyResponse = z.object({ data: z.record(z.string(), z.unknown()), version: z.number().int() });
export const vocabularyBody = z.object({ version: z.number().int().min(0), data: z.unknown() });
