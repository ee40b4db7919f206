import { expect, test } from '@jest/globals';
import { artifactPath, serviceAndBrowser } from '../helpers/browser.js';

const running = serviceAndBrowser();

test('the public pages render on a desktop and a 375-px phone, with nothing fetched from another host', async () => {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 800 }]] as const) {
    const page = await running.browser.newPage({ viewport });
    const hosts = new Set<string>();
    page.on('request', (req) => hosts.add(new URL(req.url()).host));
    await page.goto(`${running.service.url}/`);
    await page.screenshot({ path: artifactPath(`site-home-${device}.png`), fullPage: true });
    await page.getByRole('link', { name: '政策文件' }).first().click();
    await page.waitForURL(/\/columns\/zcwj$/);
    await page.screenshot({ path: artifactPath(`site-column-${device}.png`), fullPage: true });
    await page.getByRole('link', { name: /实施细则/ }).first().click();
    await page.waitForURL(/\/documents\//);
    await page.screenshot({ path: artifactPath(`site-document-${device}.png`), fullPage: true });
    await page.getByRole('link', { name: /解读/ }).last().click();
    await page.waitForURL(/\/interpretations\//);
    await page.screenshot({ path: artifactPath(`site-interpretation-${device}.png`), fullPage: true });
    // Nothing overflows sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect([...hosts]).toEqual([new URL(running.service.url).host]);
    await page.close();
  }
});
