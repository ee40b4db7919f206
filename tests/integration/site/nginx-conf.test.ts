import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { largestUploadBytes } from '../../../src/platform/media/rules.js';
import { securityHeaders } from '../../../src/platform/page-cache/cache.js';
import {
  checkNginxConf,
  nginxAvailable,
  renderServerBlock,
  shippedNginxConf,
  unavailablePage,
  wrapServerBlock,
} from '../../helpers/nginx.js';

/*
 * Issue 20, production layout: the shipped deploy/nginx.conf is valid for Debian's nginx as it stands, and
 * says what gongkai says (the public pages' security headers, the largest upload). Serving is tested with a
 * running nginx in front of gongkai in tests/e2e/nginx.test.ts.
 */

const shipped = fs.readFileSync(shippedNginxConf, 'utf8');
const available = nginxAvailable();

describe('deploy/nginx.conf', () => {
  (available ? test : test.skip)('passes nginx -t as Debian includes it from sites-enabled, and with a test’s values', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-nginx-conf-'));
    try {
      // Only the log folder moves (a non-root run cannot open /var/log/nginx); everything else as shipped.
      const asShipped = checkNginxConf(wrapServerBlock(shipped.replaceAll('/var/log/nginx/', `${prefix}/`), prefix));
      expect(asShipped.output).toMatch(/syntax is ok/);
      expect(asShipped.ok).toBe(true);
      const rendered = renderServerBlock({ root: prefix, port: 8080, upstreamPort: 3000, staff: ['10.0.0.0/8'], logDir: prefix }, shipped);
      expect(checkNginxConf(wrapServerBlock(rendered, prefix)).ok).toBe(true);
      // A broken file fails (the check can fail).
      expect(checkNginxConf(wrapServerBlock(rendered.replace('try_files $gongkai_file', 'try_filez $gongkai_file'), prefix)).ok).toBe(
        false,
      );
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  test('sends the security headers gongkai sends with its public pages', () => {
    const values = Object.fromEntries(
      [...shipped.matchAll(/^map \$upstream_addr \$gongkai_(\w+)\s*\{\s*""\s+"([^"]+)";/gm)].map((m) => [m[1], m[2]]),
    );
    expect(values).toEqual({
      csp: securityHeaders['Content-Security-Policy'],
      nosniff: securityHeaders['X-Content-Type-Options'],
      referrer_policy: securityHeaders['Referrer-Policy'],
      frame_options: securityHeaders['X-Frame-Options'],
    });
    expect(Object.keys(securityHeaders).sort()).toEqual(
      [...shipped.matchAll(/^\s*add_header ([\w-]+) \$gongkai_(?!cache_control)\w+ always;/gm)].map((m) => m[1]).sort(),
    );
  });

  test('lets /api/graphql carry the largest upload the media rules accept', () => {
    const api = /location \^~ \/api\/ \{[^}]*\}[^}]*client_max_body_size (\d+)m;/.exec(shipped);
    expect(api).not.toBeNull();
    expect(Number(api![1]) * 1024 * 1024).toBeGreaterThan(largestUploadBytes);
  });

  test('the unavailable page is Chinese and stands alone (no stylesheet, script or image to fetch from gongkai)', () => {
    const page = fs.readFileSync(unavailablePage, 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('服务暂时不可用');
    expect(page).not.toMatch(/<(link|script|img)\b/);
  });
});
