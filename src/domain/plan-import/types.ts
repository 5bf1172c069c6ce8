// The importer's output model: the JSON contract of ../shared/spec/IMPORT.md.
// Shared by the importer (src/domain/plan-import), the documents renderer and the plans feature.

export type DueKind =
  | 'before'
  | 'on'
  | 'within-month'
  | 'within-quarter'
  | 'within-year'
  | 'range'
  | 'ongoing'
  | 'after-event';

/** A deadline as written (`phrase`) and normalised (ISO dates, `YYYY-MM-DD`). */
export type Due =
  | { phrase: string; kind: 'before' | 'on'; date: string }
  | { phrase: string; kind: 'within-month' | 'within-quarter' | 'within-year' | 'range'; from: string; to: string }
  | { phrase: string; kind: 'ongoing' }
  | { phrase: string; kind: 'after-event'; event: string };

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'resolution-date-mismatch'
  | 'resolution-number-mismatch'
  | 'invalid-date'
  | 'deadline-before-issue'
  | 'deadline-order'
  | 'missing-section'
  | 'repeated-word'
  | 'known-misspelling'
  | 'unknown-unit'
  | 'repeated-punctuation';

/**
 * A correction that is certain (a known misspelling → its correction, a repeated word → one copy):
 * replace the characters [from, to) of the normalised text (canonicalText: no BOM, LF, NFC) by
 * `replacement`. See applyFix.
 */
export interface DiagnosticFix {
  from: number;
  to: number;
  replacement: string;
}

export interface Diagnostic {
  line: number; // 1-based, in the normalised text
  column: number; // 1-based
  severity: Severity;
  code: DiagnosticCode;
  message: string; // Vietnamese
  fix?: DiagnosticFix;
}

export interface ResolutionMention {
  line: number;
  issuedOn: string;
}

export interface ImportedResolution {
  number: string; // "91-NQ/TU"
  issuedOn: string | null; // the first dated mention's date
  issuer: string | null; // "Ban Thường vụ Tỉnh ủy"
  subject: string | null;
  mentions: ResolutionMention[];
}

export interface PlanSection {
  number: string; // "I", "1", "a"
  title: string;
  line: number;
  text?: string; // the body paragraphs directly under the heading, joined by "\n\n"
  children?: PlanSection[];
}

export interface ImportedConference {
  level: 'ward' | 'grassroots';
  when: Due | null;
  venue?: string;
  participants?: string;
  audience?: string;
  reporter?: string;
}

export interface ImportedTask {
  assignee: string;
  text: string;
  line: number;
  due: Due | null;
}

export interface ImportedSignature {
  onBehalfOf: string; // "T/M BAN THƯỜNG VỤ"
  position: string; // "PHÓ BÍ THƯ"
  name: string; // "Nguyễn Mạnh Hùng"
  /** "K/T BÍ THƯ" when a deputy signs for the secretary under the authority line. */
  signingFor?: string;
}

/** Optional header block of a full document (superior body, issuer, number, place and date). */
export interface ImportedHeader {
  superior?: string;
  issuer?: string;
  number?: string; // "45-KH/ĐU"
  place?: string;
  date?: string; // ISO
}

export interface ImportedPlan {
  kind: 'ke-hoach';
  title: string | null;
  header?: ImportedHeader;
  /** Paragraphs between the title and section I ("Thực hiện Nghị quyết số …", "Ban Thường vụ … ban hành …"). */
  preamble: string[];
  resolutions: ImportedResolution[];
  sections: PlanSection[];
  conferences: ImportedConference[];
  tasks: ImportedTask[];
  selfAssessment: { regulation: string; criteriaGroups: number | null } | null;
  recipients: string[];
  signature: ImportedSignature | null;
  diagnostics: Diagnostic[];
}
