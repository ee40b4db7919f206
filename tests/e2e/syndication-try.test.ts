import { afterAll, beforeAll, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { demoPassword } from '../../src/app/demo.js';
import { artifactPath, launchChromium, retryBrowserTests } from '../helpers/browser.js';
import { startService, type RunningService } from '../helpers/service.js';
import { fixtureBytes, serve, startFixtureServer, type FixtureServer } from '../helpers/syndication-server.js';

/*
 * S9: 试采集 in the Admin UI. The info-construction section fills the create form of a 转载来源 for a TRS
 * list page (served from this machine, which the operator allow-lists) and, without saving, sees what it
 * would yield: titles, URLs, dates, 文号, issuers and the first item's body.
 */

let service: RunningService;
let browser: Browser;
let upstream: FixtureServer;

retryBrowserTests();
beforeAll(async () => {
  upstream = await startFixtureServer();
  const list = iconv.decode(fixtureBytes('trs-list.gbk.html'), 'gb18030').replaceAll('http://www.yn.gov.cn', upstream.origin);
  upstream.route('/trs/list.html', serve(iconv.encode(list, 'gb18030'), 'text/html'));
  upstream.route('/trs/202611/t20261118_1000001.html', serve(fixtureBytes('trs-wh.gb2312.html'), 'text/html'));
  upstream.route('*', serve('<html><body><div class="TRS_UEDITOR"><p>详情页正文</p></div></body></html>', 'text/html; charset=utf-8'));
  service = await startService({ GONGKAI_OUTBOUND_ALLOW: '127.0.0.1' });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await upstream?.close();
});

test('S9: 试采集 on the unsaved create form of a 转载来源 shows what the source would yield, and saves nothing', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${service.url}/admin/signin`);
  await page.fill('input[name=identity]', 'xinxi');
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));

  const sources = async () => {
    const answer = await page.request.post(`${service.url}/api/graphql`, {
      data: { query: '{ syndicationSourcesCount }' },
      headers: { connection: 'close' },
    });
    return ((await answer.json()) as { data: { syndicationSourcesCount: number } }).data.syndicationSourcesCount;
  };
  const before = await sources();

  await page.goto(`${service.url}/admin/syndication-sources/create`);
  await page.getByLabel('来源名称').fill('云南省民政厅·通知公告（试）');
  await page.getByRole('button', { name: /采集方式/ }).click();
  await page.getByRole('option', { name: 'HTML 列表页' }).click();
  await page.getByLabel('列表地址').fill(upstream.url('/trs/list.html'));
  await page.getByLabel('字段名与选择器').fill('{"list": {"item": "ul.list li.list-item"}}');

  await page.getByRole('button', { name: '试采集' }).click();
  const result = page.getByRole('region', { name: '试采集结果' });
  await result.getByText('列表共 3 条，试采集 3 条（未保存）').waitFor({ timeout: 30_000 });
  await expect(
    result.getByRole('link', { name: '云南省民政厅关于做好2026年社会救助兜底保障工作的通知' }).getAttribute('href'),
  ).resolves.toBe(upstream.url('/trs/202611/t20261118_1000001.html'));
  await result.getByRole('cell', { name: '云民发〔2026〕45号' }).waitFor();
  await result.getByRole('cell', { name: '云南省民政厅', exact: true }).first().waitFor();
  await result.getByText(/现就做好社会救助兜底保障工作通知如下/).waitFor();
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('syndication-try.png'), fullPage: true });

  // Still the create form: nothing was saved.
  expect(new URL(page.url()).pathname).toBe('/admin/syndication-sources/create');
  expect(await sources()).toBe(before);
}, 120_000);
