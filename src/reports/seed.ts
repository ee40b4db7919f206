import type { Context } from '../platform/db/prisma.js';
import { generateAnnualReport, type AnnualReportItem } from './annual-data.js';
import { checkText } from './annual-report-actions.js';
import { annualReportTiming } from './core/annual-report.js';
import { generateSelfInspection } from './self-inspection-cms.js';
import { selfInspectionText } from './core/self-inspection.js';
import type { DemoClock } from '../platform/demo/clock.js';

/*
 * Demo (N14, S4, S12): the bureau's annual report for last year, written and published on 23 January
 * like the real one (2025's, as of the story day), its tables generated from the demo data; a
 * half-year self-inspection; the responsibility for disclosure in 网站设置. Both recur every year on
 * their day, so they move by whole years to their latest occurrence before the day of seeding.
 */

const overview2025 = [
  '2025年，临沧市民政局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和省、市关于政务公开工作的部署，围绕社会救助、养老服务、社会事务、社会组织管理等民政重点工作，持续推进决策、执行、管理、服务、结果公开。',
  '（一）主动公开。通过门户网站主动公开政府信息，及时公开城乡低保、特困人员救助供养、临时救助等社会救助政策和资金发放情况，按季度公示临时救助对象（对个人信息作脱敏处理）。',
  '（二）依申请公开。严格按照法定时限和程序办理政府信息公开申请，做到依法受理、按时答复、规范送达。',
  '（三）政府信息管理。落实公文公开属性源头认定和保密审查制度，拟不公开的公文须说明理由并经局办公室审核；各科室每半年开展一次自查。',
  '（四）平台建设。规范门户网站栏目设置，坚持每日监测，及时更新政策文件、政策解读和办事指南。',
  '（五）监督保障。明确分管局领导和局办公室负责政务公开工作，将政务公开纳入年度绩效考核，分值占比不低于4%。',
].join('\n');

const problems2025 = [
  '一是政策解读形式仍较单一，图解、视频等形式运用不足。二是个别科室对公开属性认定把握不准，存在理由填写不规范的情况。',
  '2026年，我局将加强政策解读的多样化表达，组织开展政务公开业务培训，规范公开属性认定和不公开理由说明，提升政务公开工作质量。',
].join('\n');

const otherMatters2025 = '2025年，我局未收取政府信息公开信息处理费。政务公开工作在局年度绩效考核中的分值占比为5%。';

export async function seedDemoReports(context: Context, clock: DemoClock): Promise<Record<string, number>> {
  const prisma = context.sudo().prisma;
  const created = { AnnualReport: 0, SelfInspection: 0 };
  // 第二十条第（一）项: the bureau's normative documents among the demo documents.
  for (const number of ['临民办发〔2017〕21号', '临民发〔2026〕12号'].map(clock.text)) {
    await prisma.document.updateMany({
      where: { documentNumber: number, regulatoryKind: null },
      data: { regulatoryKind: 'normativeDocument' },
    });
  }
  const settings = await prisma.siteSettings.findFirst({ select: { id: true, disclosureLeader: true } });
  if (settings && !settings.disclosureLeader) {
    await prisma.siteSettings.update({
      where: { id: settings.id },
      data: {
        disclosureLeader: '赵建国（副局长）',
        disclosureOffice: '局办公室',
        disclosureStaff: '张丽、刘静',
        disclosureAssessmentWeight: '5',
      },
    });
  }
  // S4: 社会救助科's self-inspection of a first half year, generated on 3 July, awaiting its conclusion.
  const inspection = clock.everyYear('2026-07-03');
  const half = `${2026 + inspection.shiftYears}-H1`;
  const assistance = await prisma.department.findFirst({ where: { code: 'assistance' }, select: { id: true } });
  if (assistance && !(await prisma.selfInspection.count({ where: { key: `${assistance.id}:${half}` } }))) {
    created.SelfInspection++;
    const generatedAt = inspection.instant('2026-07-03T10:00:00+08:00');
    const contents = await generateSelfInspection(context, assistance.id, half, generatedAt);
    await prisma.selfInspection.create({
      data: {
        title: inspection.text('社会救助科2026年上半年政府信息公开自查'),
        department: { connect: { id: assistance.id } },
        half,
        key: `${assistance.id}:${half}`,
        contents: contents as object,
        contentsText: selfInspectionText(contents),
        generatedAt,
      },
    });
  }
  // Last year's report, published on 23 January; before that day of a year, the year before's.
  const annual = clock.everyYear('2026-01-23');
  const year = 2025 + annual.shiftYears;
  if (await prisma.annualReport.count({ where: { year } })) return created;
  created.AnnualReport++;
  const item = (await prisma.annualReport.create({
    data: {
      year,
      title: annual.text('2025年政府信息公开工作年度报告'),
      overview: annual.text(overview2025),
      problems: annual.text(problems2025),
      otherMatters: annual.text(otherMatters2025),
      licensing: 46,
      penalty: 2,
      enforcement: 0,
      feesTenThousandYuan: '0',
      reviewUpheld: 1,
    },
  })) as AnnualReportItem;
  const report = await generateAnnualReport(context, item);
  const publishedAt = annual.instant('2026-01-23T10:00:00+08:00');
  // Published only when it adds up, as the 发布 action would (N14).
  await prisma.annualReport.update({
    where: { id: item.id },
    data: {
      snapshot: report as object,
      generatedAt: annual.instant('2026-01-22T16:00:00+08:00'),
      checkPassed: report.failures.length === 0,
      checkResult: checkText(report.failures),
      ...(report.failures.length
        ? {}
        : {
            publishedAt,
            publicationNote: annualReportTiming({ year, today: annual.day('2026-01-23'), publishedOn: annual.day('2026-01-23') }).message,
          }),
    },
  });
  return created;
}
