// The plan's text with numbered lines, each line that carries a diagnostic coloured by its severity
// and the word it points at underlined. No editor library: a plain textarea (so typing, pasting,
// undo, spell-check settings and screen readers behave as everywhere) laid over a mirror of its
// own text that wraps identically and draws the numbers and colours behind it.
import { forwardRef, memo, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Badge, Button, Group, Input, Stack, Text, Title } from '@mantine/core';
import { ruleNames, type Diagnostic, type DiagnosticFix, type Severity } from '../../../domain/plan-import';
import { vi } from '../../i18n/vi';
import classes from './PlanTextEditor.module.css';

const t = vi.planImport;
const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface PlanTextEditorHandle {
  /** Puts the caret on a line, selects it and scrolls it into view. */
  jumpTo: (line: number) => void;
}

interface Props {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange?: (value: string) => void;
  diagnostics: Diagnostic[];
  readOnly?: boolean;
  placeholder?: string;
}

/** The worst severity per line, and the diagnostics of each line. */
function byLine(diagnostics: Diagnostic[]) {
  const map = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) map.set(d.line, [...(map.get(d.line) ?? []), d]);
  return map;
}

const worst = (list: Diagnostic[] | undefined): Severity | undefined =>
  list?.reduce<Severity | undefined>((w, d) => (!w || rank[d.severity] > rank[w] ? d.severity : w), undefined);

/** The line's text with the word at each diagnostic's column wrapped in a mark. */
function MirrorText({ text, marks }: { text: string; marks: Diagnostic[] | undefined }) {
  if (!text) return <>{'\u200b'}</>;
  if (!marks?.length) return <>{text}</>;
  const spans: { from: number; to: number; severity: Severity }[] = [];
  for (const d of [...marks].sort((a, b) => a.column - b.column)) {
    const from = Math.max(0, d.column - 1);
    if (from >= text.length || spans.some((s) => from < s.to)) continue;
    let to = from;
    while (to < text.length && !/[\s,.;:()]/u.test(text[to]!)) to++;
    if (to === from) to = Math.min(text.length, from + 1);
    spans.push({ from, to, severity: d.severity });
  }
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.from > at) parts.push(text.slice(at, s.from));
    parts.push(
      <span key={i} className={classes.mark} data-severity={s.severity}>
        {text.slice(s.from, s.to)}
      </span>,
    );
    at = s.to;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** One line of the mirror; memoised, so that typing re-renders only the lines that changed. */
const MirrorRow = memo(function MirrorRow({ number, text, marks, current }: { number: number; text: string; marks: Diagnostic[] | undefined; current: boolean }) {
  return (
    <div className={classes.row} data-severity={worst(marks)} data-current={current || undefined}>
      <span className={classes.number}>{number}</span>
      <span className={classes.text}>
        <MirrorText text={text} marks={marks} />
      </span>
    </div>
  );
});

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export const PlanTextEditor = forwardRef<PlanTextEditorHandle, Props>(function PlanTextEditor(
  { id, label, description, value, onChange, diagnostics, readOnly = false, placeholder },
  ref,
) {
  const frameRef = useRef<HTMLDivElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [caretLine, setCaretLine] = useState<number | null>(null);
  const lines = useMemo(() => value.split('\n'), [value]);
  const perLine = useMemo(() => byLine(diagnostics), [diagnostics]);

  const jumpTo = useCallback((line: number) => {
    const input = inputRef.current;
    const frame = frameRef.current;
    if (!input || !frame) return;
    const text = input.value;
    let start = 0;
    for (let i = 1; i < line; i++) {
      const next = text.indexOf('\n', start);
      if (next === -1) break;
      start = next + 1;
    }
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    input.focus({ preventScroll: true });
    input.setSelectionRange(start, end);
    setCaretLine(line);
    const row = mirrorRef.current?.children[line - 1] as HTMLElement | undefined;
    if (row) frame.scrollTop = Math.max(0, row.offsetTop - frame.clientHeight / 3);
    frame.scrollIntoView({ block: 'nearest' });
  }, []);

  useImperativeHandle(ref, () => ({ jumpTo }), [jumpTo]);

  const trackCaret = (event: React.SyntheticEvent<HTMLTextAreaElement>) => {
    const el = event.currentTarget;
    setCaretLine(lineOfOffset(el.value, el.selectionStart));
  };

  const here = caretLine !== null ? perLine.get(caretLine) : undefined;
  const descriptionId = `${id}-description`;
  const caretId = `${id}-caret`;

  return (
    <Input.Wrapper label={label} description={description} id={id} labelProps={{ htmlFor: id }} descriptionProps={{ id: descriptionId }}>
      <div ref={frameRef} className={classes.frame} data-plan-frame data-readonly={readOnly || undefined} style={{ marginTop: 6 }}>
        <div className={classes.sheet}>
          <div ref={mirrorRef} className={classes.mirror} aria-hidden="true" data-plan-mirror>
            {lines.map((line, i) => (
              <MirrorRow key={i} number={i + 1} text={line} marks={perLine.get(i + 1)} current={caretLine === i + 1} />
            ))}
          </div>
          <textarea
            ref={inputRef}
            id={id}
            className={classes.input}
            value={value}
            readOnly={readOnly}
            placeholder={placeholder}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            wrap="soft"
            aria-describedby={`${description ? descriptionId : ''} ${caretId}`.trim()}
            onChange={(e) => onChange?.(e.currentTarget.value)}
            onSelect={trackCaret}
            onFocus={trackCaret}
          />
        </div>
      </div>
      <Text id={caretId} fz="sm" mt={6} mih="1.5em" c={here ? undefined : 'dimmed'}>
        {caretLine !== null &&
          (here ? (
            <>
              {t.caretLine(caretLine)}{' '}
              {here.map((d, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <strong>{t.severity[d.severity]}</strong>: {d.message}
                </span>
              ))}
            </>
          ) : (
            t.caretClean(caretLine)
          ))}
      </Text>
    </Input.Wrapper>
  );
});

/** The rule's Vietnamese name; the code stays in a tooltip (and in the API). */
export const ruleNameOf = (code: string) => ruleNames[code as keyof typeof ruleNames] ?? code;

/**
 * The diagnostics, in line order, each a button that takes the editor to its line, with its rule's
 * Vietnamese name and, where the correction is certain and the text may be edited, a one-click fix.
 */
export function DiagnosticList({
  diagnostics,
  onJump,
  onFix,
  pending = false,
  level = 2,
}: {
  diagnostics: Diagnostic[];
  onJump: (line: number) => void;
  /** Applies a diagnostic's fix to the text; absent where the text is read-only. */
  onFix?: (fix: DiagnosticFix) => void;
  pending?: boolean;
  level?: 2 | 3;
}) {
  const sorted = useMemo(() => [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || rank[b.severity] - rank[a.severity]), [diagnostics]);
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return (
    <Stack gap="xs">
      <Group gap="xs" justify="space-between">
        <Title order={level} id="plan-diagnostics-title">
          {t.diagnosticsTitle}
        </Title>
        <Text fz="sm" aria-live="polite">
          {pending ? t.analysing : t.diagnosticsCount(count('error'), count('warning'), count('info'))}
        </Text>
      </Group>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t.noDiagnostics}</Text>
      ) : (
        <ul className={classes.list} aria-labelledby="plan-diagnostics-title">
          {sorted.map((d, i) => (
            <li key={`${d.line}-${d.column}-${d.code}-${i}`} className={classes.entry}>
              <button type="button" className={classes.item} data-severity={d.severity} data-code={d.code} onClick={() => onJump(d.line)}>
                <Group gap="xs" component="span" wrap="wrap">
                  <Badge color={t.severityColor[d.severity]} component="span">
                    {t.severity[d.severity]}
                  </Badge>
                  <Text span fw={600}>
                    {t.at(d.line, d.column)}
                  </Text>
                  <span className={classes.code} title={d.code}>
                    {ruleNameOf(d.code)}
                  </span>
                </Group>
                <Text span display="block" mt={4}>
                  {d.message}
                </Text>
              </button>
              {onFix && d.fix && (
                <Button
                  size="compact-sm"
                  variant="light"
                  className={classes.fix}
                  disabled={pending}
                  onClick={() => onFix(d.fix!)}
                  aria-label={t.fixLabel(d.line, d.fix.replacement)}
                >
                  {t.fix}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
