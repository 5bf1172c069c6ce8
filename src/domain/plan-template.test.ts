import { describe, expect, it } from 'vitest';
import { importPlan } from './plan-import';
import { defaultSchedule, planTemplate, retargetPlanSource, type ResolutionFacts } from './plan-template';
import { planFixture } from '../../test/support/fixtures';

const fixture = planFixture;
const r91: ResolutionFacts = {
  number: '91-NQ/TU',
  issuedOn: '2026-05-12',
  issuer: 'Ban Thường vụ Tỉnh ủy',
  subject: 'tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030',
};
const r95: ResolutionFacts = { number: '95-NQ/TU', issuedOn: '2026-09-03', issuer: 'Ban Chấp hành Đảng bộ tỉnh', subject: 'phát triển du lịch cộng đồng gắn với bảo tồn văn hóa dân tộc Tày giai đoạn 2026 - 2030' };

describe('plan template', () => {
  it('fills the genre’s template with the resolution and imports cleanly', () => {
    const schedule = defaultSchedule(r95.issuedOn, '2026-09-10');
    expect(schedule).toEqual({ studyMonth: { month: 10, year: 2026 }, reportDue: '2026-11-05' });
    const text = planTemplate(r95, {
      venue: 'Hội trường trụ sở Đảng ủy phường',
      communeWord: 'phường',
      ...schedule,
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Mạnh Hùng' },
    });
    const plan = importPlan(text);
    expect(plan.resolutions.map((r) => [r.number, r.issuedOn, r.issuer])).toEqual([['95-NQ/TU', '2026-09-03', 'Ban Chấp hành Đảng bộ tỉnh']]);
    expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV']);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(4);
    expect(plan.tasks.find((t) => t.due?.kind === 'before')?.due).toMatchObject({ date: '2026-11-05' });
    expect(plan.signature).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Mạnh Hùng' });
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('cloning a plan for another resolution', () => {
  it('rewrites number, date, issuer and subject everywhere, keeping the rest', () => {
    const text = retargetPlanSource(fixture, r91, r95);
    expect(text).not.toContain('91-NQ/TU');
    expect(text).not.toContain('12/5/2026');
    const plan = importPlan(text);
    expect(plan.resolutions.map((r) => r.number)).toEqual(['95-NQ/TU']);
    expect(plan.resolutions[0]).toMatchObject({ issuedOn: '2026-09-03', issuer: 'Ban Chấp hành Đảng bộ tỉnh' });
    expect(plan.title).toContain('phát triển du lịch cộng đồng');
    expect(plan.tasks.length).toBe(importPlan(fixture).tasks.length);
  });
});
