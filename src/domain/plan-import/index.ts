// Plan import: turns the text of a "Kế hoạch tổ chức tuyên truyền, quán triệt và học tập Nghị
// quyết …" into the structured plan of IMPORT.md and lints it. Pure: no I/O, no framework; the
// same code runs in the browser, the server and the command line.
//
// Pipeline: normalise (BOM, CRLF, NFC, Markdown) → outline (header, title, preamble, sections,
// end matter) → readers (resolutions, conferences, tasks, recipients, signature) → lint.

import { displayText } from './blocks';
import { readConferences } from './conferences';
import { readHeader } from './header';
import { lint } from './lint';
import { canonicalText, normalise } from './normalise';
import { buildOutline, type OutlineNode } from './outline';
import { readRecipients } from './recipients';
import { collectResolutions, findMentions, findSelfAssessment } from './resolutions';
import { readSignature } from './signature';
import { readTasks } from './tasks';
import { capitalise, foldKey } from './text';
import type { DiagnosticFix, ImportedPlan, PlanSection } from './types';
import { defaultVocabulary, type Vocabulary } from './vocabulary';

export * from './types';
export * from './acknowledgements';
export { RULE_NAMES as ruleNames } from './lint/context';
export { canonicalText } from './normalise';
export { defaultVocabulary, loadVocabulary, mergeVocabulary, parseVocabulary, type Vocabulary } from './vocabulary';

export interface ImportOptions {
  /** Unit names of the organisation the plan is imported into; enables the `unknown-unit` rule. */
  units?: string[];
  /** The genre's vocabulary (default: the base vocabulary). */
  vocabulary?: Vocabulary;
}

function toSection(node: OutlineNode): PlanSection {
  const section: PlanSection = { number: node.number, title: node.title, line: node.line.number };
  const text = node.blocks.map(displayText).join('\n\n');
  if (text) section.text = text;
  if (node.children.length > 0) section.children = node.children.map(toSection);
  return section;
}

const vocabularyKeys = new WeakMap<Vocabulary, Set<string>>();

/** Folded names of the vocabulary's units and groups (cached per vocabulary), plus the organisation's units. */
function unitKeys(vocabulary: Vocabulary, units: string[] | undefined): Set<string> {
  let keys = vocabularyKeys.get(vocabulary);
  if (!keys) {
    keys = new Set([...vocabulary.units, ...vocabulary.unitGroups].map(foldKey));
    vocabularyKeys.set(vocabulary, keys);
  }
  return units?.length ? new Set([...keys, ...units.map(foldKey)]) : keys;
}

export function importPlan(text: string, options: ImportOptions = {}): ImportedPlan {
  const vocabulary = options.vocabulary ?? defaultVocabulary;
  const doc = normalise(text);
  const outline = buildOutline(doc.lines);
  const mentions = findMentions(doc, outline.allBlocks, outline.title);
  const resolutions = collectResolutions(mentions);
  const conferences = readConferences(outline.sections);
  const knownUnits = unitKeys(vocabulary, options.units);
  const tasks = readTasks(outline.sections, knownUnits);
  const recipients = readRecipients(outline.endMatter);
  const signature = readSignature(outline.endMatter);
  const header = readHeader(outline.headerLines);

  const diagnostics = lint({ doc, outline, mentions, resolutions, tasks, conferences, recipients, signature, vocabulary, units: options.units });

  const plan: ImportedPlan = {
    kind: 'ke-hoach',
    title: outline.title ? capitalise(outline.title.text) : null,
    preamble: outline.preamble.map(displayText),
    resolutions,
    sections: outline.sections.map(toSection),
    conferences: conferences.map((c) => c.conference),
    tasks: tasks.map((t) => t.task),
    selfAssessment: findSelfAssessment(outline.allBlocks),
    recipients: recipients.recipients,
    signature,
    diagnostics,
  };
  if (header) plan.header = header;
  return plan;
}

/**
 * The text with a diagnostic's fix applied. The fix's offsets are in the normalised text, so the
 * answer is normalised too (LF line ends, NFC): what the editor shows after a one-click fix.
 */
export function applyFix(text: string, fix: DiagnosticFix): string {
  const canonical = canonicalText(text);
  return canonical.slice(0, fix.from) + fix.replacement + canonical.slice(fix.to);
}
