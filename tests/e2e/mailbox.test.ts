import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { formatChinaTime } from '../../src/platform/calendar/china-time.js';
import { issueFormToken } from '../../src/platform/public-forms/guard.js';
import { artifactPath, seriousViolations, serviceAndBrowser } from '../helpers/browser.js';
import { serviceDemoClock } from '../helpers/service.js';

// S11, N5, N15: the 领导信箱 as a citizen uses it, in Chromium: the column of published replies, a letter
// refused once and corrected with nothing retyped, the query code, and the look-up by that code.
const running = serviceAndBrowser();
// The secret `startService` gives the server: a token issued a minute ago stands for a person who took
// a minute to write, without the test waiting for the guard's 3 seconds.
const secret = 'e2e-secret-that-is-long-enough-0000000';

const backdateToken = (page: Page) =>
  page
    .locator('input[name=form_token]')
    .evaluate((input, token) => ((input as HTMLInputElement).value = token), issueFormToken('mailbox', secret, Date.now() - 60_000));

test('S11: a citizen writes to the 领导信箱, is refused once without losing the text, and looks the letter up by its query code', async () => {
  const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const base = running.service.url;

  // N5: the column lists published replies; each shows both times and the replying department.
  await page.goto(`${base}/columns/ldxx-mail`);
  await page.getByRole('link', { name: /老年助餐点/ }).click();
  await page.waitForURL(/\/mailbox\/\w+$/);
  await page.getByText('答复单位').waitFor();
  const reply = await page.locator('main').innerText();
  // The demo's letter and reply, as dated on the day the service seeded it.
  const demo = await serviceDemoClock(running.service);
  expect(reply).toMatch(new RegExp(`留言时间\\s+${formatChinaTime(demo.instant('2026-10-20T20:05:00+08:00'))}`));
  expect(reply).toMatch(new RegExp(`答复时间\\s+${formatChinaTime(demo.instant('2026-11-03T10:20:00+08:00'))}`));
  expect(reply).toContain('李**');
  expect(reply).toContain('139****5678');
  expect(reply).not.toMatch(/李秀兰|13912345678/);
  await page.screenshot({ path: artifactPath('mailbox-reply.png'), fullPage: true });
  expect({ page: 'mailbox-reply', violations: await seriousViolations(page) }).toEqual({ page: 'mailbox-reply', violations: [] });

  await page.goto(`${base}/mailbox/new`);
  await page.getByText('任何情况下都不会在网站上公开').waitFor();
  await page.getByLabel('姓名 *').fill('段春梅');
  await page.getByLabel('联系方式 *').fill('我家楼下');
  await page.getByLabel('留言类别 *').selectOption({ label: '建议' });
  await page.getByLabel('标题 *').fill('建议延长婚姻登记处周末服务时间');
  await page.getByLabel('留言内容 *').fill('婚姻登记处周六只开放半天，上班族预约困难，建议周六全天开放。');
  await backdateToken(page);
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('提交未成功，请修改以下内容').waitFor();
  await page.screenshot({ path: artifactPath('mailbox-form-refused.png'), fullPage: true });
  expect({ page: 'mailbox-form-refused', violations: await seriousViolations(page) }).toEqual({
    page: 'mailbox-form-refused',
    violations: [],
  });
  // Everything typed is still there; only the contact needs fixing.
  expect(await page.getByLabel('标题 *').inputValue()).toBe('建议延长婚姻登记处周末服务时间');
  expect(await page.getByLabel('留言内容 *').inputValue()).toContain('建议周六全天开放');
  expect(await page.getByLabel('留言类别 *').inputValue()).toBe('suggestion');
  expect(await page.getByLabel('联系方式 *').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('联系方式 *').fill('13800009999');
  await backdateToken(page);
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('heading', { name: '来信已收到' }).waitFor();
  const code = await page.locator('#query-code').innerText();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  // The code is shown on the answer to the post and is in no URL.
  expect(page.url()).not.toContain(code);
  await page.screenshot({ path: artifactPath('mailbox-thanks.png'), fullPage: true });
  expect({ page: 'mailbox-thanks', violations: await seriousViolations(page) }).toEqual({ page: 'mailbox-thanks', violations: [] });

  await page.getByRole('link', { name: '来信查询' }).click();
  await page.getByLabel('查询码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('办理状态').waitFor();
  expect(page.url()).not.toContain(code);
  const status = await page.locator('main').innerText();
  expect(status).toContain('待分办');
  expect(status).toContain('建议延长婚姻登记处周末服务时间');
  expect(status).not.toContain('13800009999');
  await page.screenshot({ path: artifactPath('mailbox-query.png'), fullPage: true });
  expect({ page: 'mailbox-query', violations: await seriousViolations(page) }).toEqual({ page: 'mailbox-query', violations: [] });
  await page.close();
});

test('N16: the mailbox pages fit a 375-px phone', async () => {
  const page = await running.browser.newPage({ viewport: { width: 375, height: 800 } });
  for (const [name, path] of [
    ['list', '/mailbox'],
    ['form', '/mailbox/new'],
    ['query', '/mailbox/query'],
  ]) {
    await page.goto(`${running.service.url}${path}`);
    await page.screenshot({ path: artifactPath(`mailbox-${name}-phone.png`), fullPage: true });
    expect({ name, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1) }).toEqual({
      name,
      fits: true,
    });
    expect({ name, violations: await seriousViolations(page) }).toEqual({ name, violations: [] });
  }
  await page.close();
});
