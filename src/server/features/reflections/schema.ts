import { z } from 'zod';
import { isValidIsoDate } from '../../../domain/dates';
import { studyAttendances } from '../../../domain/study-record';
import { reviewResults } from './tables';

const LONG = 20_000;
const isoDate = z.string().refine(isValidIsoDate, 'Ngày không hợp lệ (YYYY-MM-DD).');

export const reflectionIdParams = z.object({ id: z.uuid() });
export const memberIdParams = z.object({ id: z.uuid() });
export const unitIdParams = z.object({ id: z.uuid() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const listQuery = z.object({ unitId: z.uuid().optional() });

export const createBody = z.object({ id: z.uuid(), reflection: z.string().max(LONG), commitment: z.string().max(LONG) });
export const updateBody = z.object({ version: z.number().int().min(1), reflection: z.string().max(LONG).optional(), commitment: z.string().max(LONG).optional() });
export const reviewBody = z.object({ version: z.number().int().min(1), result: z.enum(reviewResults), comment: z.string().max(4000).nullish() });
export const deadlineBody = z.object({ dueOn: isoDate, version: z.number().int().min(0) });

const review = z.object({ result: z.enum(reviewResults), resultName: z.string(), comment: z.string().nullable(), reviewerName: z.string().nullable(), reviewedAt: z.string().nullable() });

export const reflectionSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  cellId: z.uuid(),
  reflection: z.string(),
  commitment: z.string(),
  submittedAt: z.string(),
  late: z.boolean(),
  review: review.nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});

const attachment = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() });

export const myStudyResponse = z.object({
  member: z.object({ id: z.uuid(), fullName: z.string(), cellName: z.string() }).nullable(),
  plans: z.array(
    z.object({
      planId: z.uuid(),
      planNumber: z.string().nullable(),
      planTitle: z.string(),
      issuedOn: z.string().nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
      resolutions: z.array(
        z.object({ id: z.uuid(), kind: z.string(), number: z.string(), issuedOn: z.string().nullable(), issuer: z.string(), subject: z.string(), content: z.string(), attachments: z.array(attachment) }),
      ),
      reflection: reflectionSchema.nullable(),
    }),
  ),
});

export const planReflectionsResponse = z.object({
  planId: z.uuid(),
  deadline: z.string().nullable(),
  deadlineSetByWard: z.boolean(),
  deadlineVersion: z.number(),
  canSetDeadline: z.boolean(),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      canReview: z.boolean(),
      counts: z.object({ members: z.number(), submitted: z.number(), late: z.number(), passed: z.number(), failed: z.number(), waiting: z.number() }),
      members: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), exempt: z.boolean(), reflection: reflectionSchema.nullable() })),
    }),
  ),
});

export const deadlineResponse = z.object({ dueOn: z.string().nullable(), setByWard: z.boolean(), version: z.number() });

/** The stable answer of GET /api/members/:id/record (with a few fields more for the pages). */
export const recordResponse = z.object({
  year: z.number(),
  member: z.object({ id: z.uuid(), fullName: z.string(), cellId: z.uuid(), cellName: z.string() }),
  resolutions: z.array(
    z.object({
      number: z.string(),
      resolutionId: z.uuid(),
      subject: z.string(),
      planId: z.uuid(),
      planNumber: z.string().nullable(),
      issuedOn: z.string().nullable(),
      attendance: z.enum(studyAttendances).nullable(),
      reflection: z.object({ submittedAt: z.string(), late: z.boolean(), review: review.nullable() }).nullable(),
      /** best: the counted score, 0–1 (best or last attempt as the ward chose); null while none is finished. */
      quiz: z.object({ best: z.number().nullable(), attempts: z.number() }).nullable(),
    }),
  ),
});
