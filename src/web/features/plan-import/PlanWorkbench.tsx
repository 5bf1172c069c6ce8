// The two sides of working on a plan's text, shared by the import page and a draft plan's page:
// the text with its numbered lines and diagnostics, and the plan the importer reads from it.
// Side by side on wide screens, one above the other on phones.
import { useRef, type ReactNode } from 'react';
import { Grid, Stack } from '@mantine/core';
import { applyFix, type DiagnosticFix } from '../../../domain/plan-import';
import { vi } from '../../i18n/vi';
import type { Analysis } from './analysis';
import { DiagnosticList, PlanTextEditor, type PlanTextEditorHandle } from './PlanTextEditor';
import { PlanStructure } from './PlanStructure';
import classes from './PlanWorkbench.module.css';

interface Props {
  id: string;
  text: string;
  onChange?: (text: string) => void;
  analysis: Analysis;
  readOnly?: boolean;
  label?: string;
  description?: string;
  placeholder?: string;
  /** Under the text: buttons (save, create) and their messages. */
  actions?: ReactNode;
  /** Heading level of the two panels (diagnostics, plan read): 2 on a page of its own, 3 inside a section. */
  level?: 2 | 3;
}

export function PlanWorkbench({ id, text, onChange, analysis, readOnly = false, label = vi.planImport.text, description, placeholder, actions, level = 2 }: Props) {
  const editor = useRef<PlanTextEditorHandle>(null);
  // Diagnostics belong to the text analysed; while the user types, lines may have moved a little.
  // A plan no longer edited (submitted, approved, issued) still shows them: the leadership reads
  // them before approving.
  const diagnostics = analysis.plan?.diagnostics ?? [];
  const jump = (line: number) => editor.current?.jumpTo(line);
  // A one-click fix applies to the text it was found in, then the text is checked again.
  const fix = !readOnly && onChange ? (f: DiagnosticFix) => !analysis.pending && onChange(applyFix(analysis.analysedText, f)) : undefined;
  return (
    <Grid gap={{ base: 'lg', md: 'xl' }}>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="md" className={classes.text}>
          <PlanTextEditor
            ref={editor}
            id={id}
            label={label}
            description={description}
            value={text}
            onChange={onChange}
            diagnostics={diagnostics}
            readOnly={readOnly}
            placeholder={placeholder}
          />
          {actions}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="xl">
          {text.trim() !== '' && <DiagnosticList diagnostics={diagnostics} onJump={jump} onFix={fix} pending={analysis.pending} level={level} />}
          <PlanStructure plan={analysis.plan} onJump={jump} headingId={`${id}-structure`} level={level} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
