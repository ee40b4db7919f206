import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactPath, launchChromium, retryBrowserTests, signInThroughApi } from '../helpers/browser.js';
import { startService, type RunningService } from '../helpers/service.js';
import { serve, startFixtureServer, type FixtureServer } from '../helpers/syndication-server.js';

/*
 * Issue 16, finding 7, as the info-construction section (xinxi) at a desktop width and a phone's:
 * 转载来源 without programming — the schedule is a plain choice (cron only under 自定义（高级）), each
 * selector is explained with an example and 试采集 sits right under it; 转载审核 shows the upstream body as
 * the public page would and its attachments as named links. The upstream is a fixture server on this machine.
 * Screenshots: test-artifacts/issue16-sources-*.png.
 */

jest.setTimeout(180_000);
retryBrowserTests();
let service: RunningService;
let browser: Browser;
let upstream: FixtureServer;
let attempts = 0;

const TITLE = '关于公布2026年临时救助标准的通知';
const PDF = Buffer.from('%PDF-1.4\n%救助标准表\n', 'utf8');

beforeAll(async () => {
  upstream = await startFixtureServer();
  upstream.route(
    '/list.html',
    serve(
      `<html><body><ul class="list"><li><a href="/a/1.html">${TITLE}</a><span class="date">2026-11-20</span></li>` +
        `<li><a href="/a/2.html">关于做好冬季困难群众救助工作的通知</a><span class="date">2026-11-18</span></li></ul></body></html>`,
      'text/html; charset=utf-8',
    ),
  );
  upstream.route(
    '/a/1.html',
    serve(
      `<html><body><h1>${TITLE}</h1><div class="TRS_UEDITOR"><p>各县（区）民政局：</p>` +
        '<table><tr><th>县（区）</th><th>临时救助人次</th></tr><tr><td>临翔区</td><td>1200</td></tr><tr><td>凤庆县</td><td>980</td></tr></table>' +
        '<p onclick="alert(1)">请遵照执行。</p><script>document.title="x"</script>' +
        '<p><a href="/files/biao.pdf">附件：临时救助标准表</a></p></div></body></html>',
      'text/html; charset=utf-8',
    ),
  );
  upstream.route('/files/biao.pdf', serve(PDF, 'application/pdf'));
  upstream.route(
    '*',
    serve('<html><body><div class="TRS_UEDITOR"><p>冬季救助工作正文。</p></div></body></html>', 'text/html; charset=utf-8'),
  );
  service = await startService({ GONGKAI_OUTBOUND_ALLOW: '127.0.0.1' });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await upstream?.close();
});

async function signedIn(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 800 } });
  const page = await context.newPage();
  await signInThroughApi(page, service.url, 'xinxi');
  return { context, page };
}

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post(`${service.url}/api/graphql`, { data: { query, variables }, headers: { connection: 'close' } });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.each([1280, 375] as const)('at %i px', (width) => {
  test('7. 转载来源: the schedule is a plain choice, selectors are explained, 试采集 shows what the values as typed yield', async () => {
    const { context, page } = await signedIn(width);
    await page.goto(`${service.url}/admin/syndication-sources/create`);

    // 采集计划: plain choices, the default one picked; cron only appears under 自定义（高级）.
    const schedule = page.getByRole('radiogroup', { name: '采集计划' });
    await schedule.waitFor();
    await expect(schedule.getByRole('radio', { name: '白天每两小时（8:15 至 20:15）' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('cron 表达式').count()).resolves.toBe(0);
    await schedule.getByRole('radio', { name: '自定义（高级）' }).click();
    await expect(page.getByLabel('cron 表达式').inputValue()).resolves.toBe('15 8-20/2 * * *');
    await schedule.getByRole('radio', { name: '每天 8:00 和 14:00' }).click();
    await expect(schedule.getByRole('radio', { name: '每天 8:00 和 14:00' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('cron 表达式').count()).resolves.toBe(0);
    await schedule.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`issue16-sources-schedule-${width}.png`) });

    // Selectors: explained for the chosen 采集方式, with examples, and no pointer to a README.
    await page.getByLabel('来源名称').fill(`民政局·通知公告（${width}）`);
    await page.getByRole('button', { name: /采集方式/ }).click();
    await page.getByRole('option', { name: 'HTML 列表页' }).click();
    const help = page.getByRole('region', { name: '选择器说明' });
    await help.getByRole('cell', { name: '列表里的每一条（必填）' }).waitFor();
    await help.getByRole('cell', { name: 'div.TRS_UEDITOR' }).waitFor();
    expect(await page.getByText(/README/).count()).toBe(0);
    await page.getByLabel('列表地址').fill(upstream.url('/list.html'));
    await page.getByLabel('字段名与选择器').fill('{"list": {"item": "ul.list li"}');
    await page.getByText(/格式不正确：请检查引号、逗号和括号/).waitFor();
    await page.getByLabel('字段名与选择器').fill('{"list": {"item": "ul.list li", "date": "span.date"}}');

    // 试采集 with the values as typed: titles, dates and links, nothing saved.
    await page.getByRole('button', { name: '试采集', exact: true }).click();
    const result = page.getByRole('region', { name: '试采集结果' });
    await result.getByText('列表共 2 条，试采集 2 条（未保存）').waitFor({ timeout: 30_000 });
    await expect(result.getByRole('link', { name: TITLE }).getAttribute('href')).resolves.toBe(upstream.url('/a/1.html'));
    await result.getByRole('cell', { name: /2026\/11\/20/ }).waitFor();
    await result.getByText(/请遵照执行/).waitFor();
    await expect(
      result.getByRole('list', { name: '附件' }).getByRole('link', { name: '临时救助标准表' }).getAttribute('href'),
    ).resolves.toBe(upstream.url('/files/biao.pdf'));
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`issue16-sources-try-${width}.png`) });

    // A selector that finds nothing: a Chinese reason, not an empty table.
    await page.getByLabel('字段名与选择器').fill('{"list": {"item": "ul.nothing li"}}');
    await page.getByRole('button', { name: '试采集', exact: true }).click();
    const reason = page.getByRole('region', { name: '试采集结果' }).getByText(/^失败：/);
    await reason.waitFor({ timeout: 30_000 });
    expect(await reason.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await context.close();
  });

  test('7. 转载审核: the upstream body shows as the public page would, attachments as links with their names', async () => {
    const { context, page } = await signedIn(width);
    // The source is made and run once, by the first width; the same document from a second source would
    // be a duplicate (dedup), not a second item.
    const itemsTitled = async () =>
      (
        await graphql<{ upstreamItems: { id: string }[] }>(
          page,
          `query($title: String!) { upstreamItems(where: { title: { equals: $title } }) { id } }`,
          {
            title: TITLE,
          },
        )
      ).upstreamItems;
    if ((await itemsTitled()).length === 0) {
      const { columns } = await graphql<{ columns: { id: string }[] }>(page, '{ columns(where: { slug: { equals: "gwy" } }) { id } }');
      const { createSyndicationSource } = await graphql<{ createSyndicationSource: { id: string } }>(
        page,
        `mutation($data: SyndicationSourceCreateInput!) { createSyndicationSource(data: $data) { id } }`,
        {
          data: {
            // A key of its own on every attempt: a retried attempt must not collide with an earlier one's.
            key: `mzj-tzgg-${++attempts}`,
            name: '民政局·通知公告',
            level: 'city',
            adapter: 'html-list',
            listUrls: upstream.url('/list.html'),
            selectors: { list: { item: 'ul.list li', date: 'span.date' } },
            schedule: '0 8 * * *',
            policy: 'review',
            targetColumn: { connect: { id: columns[0].id } },
          },
        },
      );
      await graphql(page, `mutation($id: ID!) { runNowSyndicationSource(where: { id: $id }) { id } }`, { id: createSyndicationSource.id });
    }
    const upstreamItems = await itemsTitled();
    expect(upstreamItems).toHaveLength(1);

    await page.goto(`${service.url}/admin/upstream-items/${upstreamItems[0].id}`);
    const body = page.getByRole('article', { name: '正文预览' });
    await body.waitFor();
    // Rendered, not source: a real table with its cells; no markup shown as text, no script or handler kept.
    await body.getByRole('cell', { name: '临翔区' }).waitFor();
    await page.screenshot({ path: artifactPath(`issue16-sources-review-${width}.png`), fullPage: true });
    // Cell by cell: a row's innerText has no separator between its cells while the page's styles are still applying.
    const rows = await body.evaluate((el) =>
      [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()).join(' ')),
    );
    expect(rows).toEqual(['县（区） 临时救助人次', '临翔区 1200', '凤庆县 980']);
    const text = await body.innerText();
    expect(text).not.toMatch(/<\/?(p|table|td)\b/);
    expect(await body.innerHTML()).not.toMatch(/<script|onclick/);
    expect(await page.getByText('<p>各县（区）民政局：</p>').count()).toBe(0);

    // Attachments: a link named as upstream named it, to the local copy, which serves the same bytes.
    const attachments = page.getByRole('group', { name: '附件' });
    const link = attachments.getByRole('link', { name: /临时救助标准表/ });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/media\/[\w.-]+\.pdf$/);
    const file = await page.request.get(`${service.url}${href}`);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    expect(await attachments.innerText()).not.toContain('[]');
    await body.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath(`issue16-sources-review-${width}.png`), fullPage: true });
    await context.close();
  });
});
