// The structured content of a plan: the importer's model without its diagnostics and header
// (numbers, dates and recipients are columns and rows of their own once a plan is a record).
import type { ImportedPlan } from '../../../domain/plan-import/types';

export type PlanBody = Pick<ImportedPlan, 'preamble' | 'sections' | 'conferences' | 'tasks' | 'selfAssessment' | 'signature' | 'resolutions'>;

export function bodyFromImport(plan: ImportedPlan): PlanBody {
  const { preamble, sections, conferences, tasks, selfAssessment, signature, resolutions } = plan;
  return { preamble, sections, conferences, tasks, selfAssessment, signature, resolutions };
}
