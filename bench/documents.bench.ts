// Documents targets: the plan's DOCX render (model + docx + zip) and its PDF through the warm
// LibreOffice converter, on the fixture plan.
import { Bench } from 'tinybench';
import { renderDocx } from '../src/server/documents/docx';
import { createPdfConverter } from '../src/server/documents/pdf';
import { buildPlanDocument } from '../src/server/documents/plan-document';
import { SAMPLE_HEADER, SAMPLE_PLAN } from '../src/server/documents/sample-plan';
import { report } from './support';

function median(bench: Bench, name: string): number {
  const result = bench.getTask(name)?.result;
  if (!result || !('latency' in result)) throw new Error(`${name}: ${result?.state ?? 'no result'}`);
  return result.latency.p50;
}

export async function run(): Promise<void> {
  const renderPlan = () => renderDocx(buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER));

  const docxBench = new Bench({ time: 2000, warmupTime: 500 });
  docxBench.add('plan DOCX render', renderPlan);
  await docxBench.run();
  const docxMs = median(docxBench, 'plan DOCX render');
  report('plan DOCX render', `median ${docxMs.toFixed(1)} ms`, '< 10 ms', docxMs < 10);

  const converter = createPdfConverter();
  try {
    if (!(await converter.available())) {
      console.log('- plan PDF (warm LibreOffice): skipped, LibreOffice is not installed');
      return;
    }
    const docx = await renderPlan();
    const start = performance.now();
    await converter.convert(docx); // starts the office: not part of the per-document figure
    const startMs = performance.now() - start;
    const pdfBench = new Bench({ time: 5000, warmupIterations: 3, iterations: 20 });
    pdfBench.add('plan PDF', () => converter.convert(docx).then(() => undefined));
    await pdfBench.run();
    const pdfMs = median(pdfBench, 'plan PDF');
    report(
      `plan PDF (${converter.mode()} LibreOffice converter)`,
      `median ${pdfMs.toFixed(0)} ms (first, with office start: ${startMs.toFixed(0)} ms)`,
      '< 300 ms',
      pdfMs < 300,
    );
  } finally {
    await converter.close();
  }
}
