/**
 * Fixture sites for the monitor: a healthy civil-affairs site where no rule fires, and the pieces
 * the other fixtures add to it (hijacked pages, veto conditions).
 */
import type { OwnSiteKnowledge } from '../../src/monitor/core/types.js';
import { daysAgo, listPage, page, type Routes } from './monitor-fixtures.js';

const docTitles = [
  '全市养老服务工作推进会召开',
  '市民政局开展冬季救助专项行动',
  '婚姻登记窗口推出预约服务',
  '关于开展2026年度社会组织年报工作的通知',
  '关于公布第二批养老机构名单的公告',
  '关于殡葬服务收费标准的公示',
  '临沧市最低生活保障实施办法',
  '临沧市临时救助实施细则',
  '临沧市特困人员供养服务规范',
  '市民政局干部任免公示',
  '2026年公开招聘工作人员公告',
  '拟任职人员公示',
  '临沧市民政事业发展“十五五”规划',
  '2026年政务公开工作要点',
  '养老服务体系建设三年行动计划',
];
/** Days before NOW of each document (fresh enough for every column kind). */
const docAges = [1, 3, 5, 10, 40, 90, 20, 60, 150, 100, 200, 300, 30, 200, 360];

export const healthyColumns = [
  { slug: 'news', name: '民政动态', kind: 'news' as const, docs: [1, 2, 3] },
  { slug: 'notice', name: '通知公告', kind: 'notice' as const, docs: [4, 5, 6] },
  { slug: 'policy', name: '政策文件', kind: 'policy' as const, docs: [7, 8, 9] },
  { slug: 'personnel', name: '人事信息', kind: 'personnel' as const, docs: [10, 11, 12] },
  { slug: 'plan', name: '规划计划', kind: 'plan' as const, docs: [13, 14, 15] },
];

const doc = (n: number) => ({ href: `/documents/${n}`, title: docTitles[n - 1], date: daysAgo(docAges[n - 1]) });

/** A healthy site: fresh columns, full footer, search, interpretation linked both ways, no scripts. */
export function healthySite(externalOrigin: string, extraHomeLinks = ''): Routes {
  const routes: Routes = {
    '/robots.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /admin/\n');
    },
    '/': page({
      title: '首页',
      body: `
<nav>${healthyColumns.map((c) => `<a href="/columns/${c.slug}">${c.name}</a>`).join(' ')} <a href="/interpretations/1">政策解读</a></nav>
${healthyColumns
  .slice(0, 3)
  .map(
    (c) =>
      `<section><h2>${c.name}</h2><ul>${c.docs.map((n) => `<li><a href="${doc(n).href}">${doc(n).title}</a> <time>${doc(n).date}</time></li>`).join('')}</ul></section>`,
  )
  .join('\n')}
<p>相关网站：<a href="${externalOrigin}/">中国政府网</a></p>
${extraHomeLinks}`,
      footer: { errorReportHref: `${externalOrigin}/zhaocuo` },
    }),
  };
  for (const c of healthyColumns)
    routes[`/columns/${c.slug}`] = listPage(c.name, c.docs.map(doc), { footer: { errorReportHref: `${externalOrigin}/zhaocuo` } });
  docTitles.forEach((title, i) => {
    const n = i + 1;
    routes[`/documents/${n}`] = page({
      title,
      metadata: { article: { date: doc(n).date, url: `http://mzj.lincang.gov.cn/documents/${n}` } },
      body: `<p class="date">发布日期：${doc(n).date}</p><p>为进一步做好民政服务工作，现将有关事项通知如下。请各县（区）民政局结合实际认真贯彻落实。</p>${n === 7 ? '<h2>相关解读</h2><ul><li><a href="/interpretations/1">《临沧市最低生活保障实施办法》政策解读</a></li></ul>' : ''}`,
      footer: { errorReportHref: `${externalOrigin}/zhaocuo` },
    });
  });
  routes['/interpretations/1'] = page({
    title: '《临沧市最低生活保障实施办法》政策解读',
    metadata: { article: { date: doc(7).date, url: 'http://mzj.lincang.gov.cn/interpretations/1' } },
    body: `<p>发布日期：${doc(7).date}</p><p class="source">解读文件：<a href="/documents/7">《临沧市最低生活保障实施办法》</a></p><p>一、制定背景。二、主要内容。三、保障对象和标准。</p>`,
    footer: { errorReportHref: `${externalOrigin}/zhaocuo` },
  });
  return routes;
}

/** The other host the healthy site links to (中国政府网 and the 找错 platform). */
export function externalSite(): Routes {
  return {
    '/': page({ title: '中国政府网', body: '<p>中华人民共和国中央人民政府门户网站</p>' }),
    '/zhaocuo': page({ title: '我为政府网站找错', body: '<p>政府网站找错平台</p>' }),
  };
}

/** What the CMS would say about the healthy site: everything in order. */
export function healthyKnowledge(): OwnSiteKnowledge {
  return {
    homeLatestDate: daysAgo(1),
    columns: healthyColumns.map((c) => ({
      id: c.slug,
      name: c.name,
      kind: c.kind,
      url: `/columns/${c.slug}`,
      itemDates: c.docs.map((n) => doc(n).date),
    })),
    messages: [
      {
        id: 'm1',
        title: '低保申请流程咨询',
        submittedAt: '2026-10-01T02:00:00Z',
        repliedAt: '2026-10-08T02:00:00Z',
        publishedAt: '2026-10-09T02:00:00Z',
        showsSubmittedTime: true,
        showsReplyTime: true,
      },
      { id: 'm2', title: '养老补贴发放时间', submittedAt: '2026-11-20T02:00:00Z' },
    ],
    documents: [{ id: '7', title: docTitles[6], url: '/documents/7', publishedAt: doc(7).date, interpretationIds: ['1'] }],
    interpretations: [
      { id: '1', title: '《临沧市最低生活保障实施办法》政策解读', url: '/interpretations/1', publishedAt: doc(7).date, documentIds: ['7'] },
    ],
    nonPublicDocuments: [{ id: '99', title: '内部工作方案（不公开）' }],
  };
}
