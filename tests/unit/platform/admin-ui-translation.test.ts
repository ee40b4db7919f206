import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  AdminUiPatchError,
  applyPatches,
  inFolder,
  patchedMarker,
  planPatches,
  restorePatches,
  type PackagePatch,
} from '../../../src/platform/admin-ui/patch-engine.js';
import { checkAdminUiTranslation, fromProject, patchTable, siteTimeZone, step } from '../../../src/platform/admin-ui/index.js';
import { keystonePatches } from '../../../src/platform/admin-ui/keystone-8.1.0.js';
import { build } from '../../../src/app/build.js';

// Issue 9: the build step that makes Keystone's hard-coded interface text Chinese. It must apply to the
// Keystone it was made for, be idempotent, and fail loudly — naming itself — on anything else.

let root: string;
const file = () => path.join(root, '@keystone-6/core/dist/page.js');
const original =
  'import { jsx } from \'react/jsx-runtime\';\nconst a = jsx(Button, { children: "Save" });\nconst b = jsx(Button, { children: "Cancel" });\nconst c = jsx(Button, { children: "Cancel" });\n';

function fixturePackage(version: string) {
  fs.mkdirSync(path.join(root, '@keystone-6/core/dist'), { recursive: true });
  fs.writeFileSync(path.join(root, '@keystone-6/core/package.json'), JSON.stringify({ name: '@keystone-6/core', version }));
  fs.writeFileSync(file(), original);
}

const table = (
  edits = [
    { from: 'children: "Save"', to: 'children: "保存"' },
    { from: 'children: "Cancel"', to: 'children: "取消"', count: 2 },
  ],
): PackagePatch[] => [
  { name: '@keystone-6/core', version: '8.1.0', files: { 'dist/page.js': edits }, addFiles: { 'dist/helper.js': 'export const x = 1;\n' } },
];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-admin-ui-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the translation step on a fixture package', () => {
  test('applies every edit, keeps the original beside the file and adds the helper module', () => {
    fixturePackage('8.1.0');
    const result = applyPatches(inFolder(root), table(), step);
    const patched = fs.readFileSync(file(), 'utf8');
    expect(patched.startsWith(patchedMarker)).toBe(true);
    expect(patched).toContain('children: "保存"');
    expect(patched.match(/children: "取消"/g)).toHaveLength(2);
    expect(patched).not.toMatch(/Save|Cancel/);
    expect(fs.readFileSync(`${file()}.gongkai-original`, 'utf8')).toBe(original);
    expect(fs.readFileSync(path.join(root, '@keystone-6/core/dist/helper.js'), 'utf8')).toBe('export const x = 1;\n');
    expect(result.written).toHaveLength(2);
  });

  test('is idempotent: a second run writes nothing and changes nothing', () => {
    fixturePackage('8.1.0');
    applyPatches(inFolder(root), table(), step);
    const once = fs.readFileSync(file(), 'utf8');
    expect(applyPatches(inFolder(root), table(), step).written).toEqual([]);
    expect(fs.readFileSync(file(), 'utf8')).toBe(once);
  });

  test('applies a changed table to the original text, not on top of the earlier run', () => {
    fixturePackage('8.1.0');
    applyPatches(inFolder(root), table(), step);
    applyPatches(
      inFolder(root),
      table([
        { from: 'children: "Save"', to: 'children: "存盘"' },
        { from: 'children: "Cancel"', to: 'children: "取消"', count: 2 },
      ]),
      step,
    );
    const patched = fs.readFileSync(file(), 'utf8');
    expect(patched).toContain('children: "存盘"');
    expect(patched.split(patchedMarker)).toHaveLength(2);
    expect(restorePatches(inFolder(root), table())).toEqual([file()]);
    expect(fs.readFileSync(file(), 'utf8')).toBe(original);
  });

  test('fails on any other version of the package, naming the step and both versions, and writes nothing', () => {
    fixturePackage('8.2.0');
    const run = () => applyPatches(inFolder(root), table(), step);
    expect(run).toThrow(AdminUiPatchError);
    expect(run).toThrow('管理后台汉化步骤（src/platform/admin-ui）是为 @keystone-6/core 8.1.0 制作的，当前安装的是 8.2.0');
    expect(fs.readFileSync(file(), 'utf8')).toBe(original);
    expect(fs.existsSync(`${file()}.gongkai-original`)).toBe(false);
  });

  test('fails on a literal that is missing or found a different number of times, listing each, and writes nothing', () => {
    fixturePackage('8.1.0');
    const edits = [
      { from: 'children: "Save"', to: 'children: "保存"' },
      { from: 'children: "Delete"', to: 'children: "删除"' },
      { from: 'children: "Cancel"', to: 'children: "取消"' },
    ];
    let message = '';
    try {
      applyPatches(inFolder(root), table(edits), step);
    } catch (error) {
      expect(error).toBeInstanceOf(AdminUiPatchError);
      message = (error as Error).message;
    }
    expect(message).toContain('管理后台汉化步骤（src/platform/admin-ui）失败');
    expect(message).toContain('@keystone-6/core/dist/page.js 中应有 1 处 "children: \\"Delete\\""，实际找到 0 处');
    expect(message).toContain('@keystone-6/core/dist/page.js 中应有 1 处 "children: \\"Cancel\\""，实际找到 2 处');
    expect(message).toContain('README');
    expect(fs.readFileSync(file(), 'utf8')).toBe(original);
    expect(fs.existsSync(path.join(root, '@keystone-6/core/dist/helper.js'))).toBe(false);
  });

  test('refuses a file edited by an earlier run whose original is gone', () => {
    fixturePackage('8.1.0');
    fs.writeFileSync(file(), patchedMarker + original);
    expect(() => applyPatches(inFolder(root), table(), step)).toThrow('原文件 page.js.gongkai-original 不见了');
  });

  test('says which package is missing', () => {
    expect(() => applyPatches(inFolder(root), table(), step)).toThrow('找不到 @keystone-6/core');
  });
});

describe('the table for Keystone 8.1.0', () => {
  test('applies to the installed packages: every literal is found exactly as often as stated', () => {
    expect(checkAdminUiTranslation()).toBeGreaterThan(30);
  });

  test('every edited file still parses as a JavaScript module', () => {
    for (const { file: edited, content } of planPatches(fromProject, patchTable(), step)) {
      if (!edited.endsWith('.js')) continue;
      expect(() => new vm.SourceTextModule(content, { identifier: edited })).not.toThrow();
    }
  });

  test('leaves no English text in the strings it writes (only code, which it copies)', () => {
    for (const patch of keystonePatches) {
      for (const edits of Object.values(patch.files)) {
        for (const { to } of edits) {
          // The quoted strings of the replacement, without template parts (${…}), Keystone's message placeholders
          // ({singular}), import paths and identifiers.
          const strings = [...to.matchAll(/(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((m) =>
            m[2].replace(/\$\{[^}]*\}/g, '').replace(/\{[A-Za-z|]+\}/g, ''),
          );
          for (const text of strings.filter((s) => !/^\.\/|^react|^@|^about:|^query |^[a-z][\w-]*$|^[A-Z]\w*$|^\d/.test(s))) {
            expect({ text, english: text.match(/[A-Za-z]{2,}/g) }).toEqual({ text, english: null });
          }
        }
      }
    }
  });

  test('is made for the versions package.json and the lockfile install', () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).dependencies as Record<string, string>;
    const locked = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package-lock.json'), 'utf8')).packages as Record<
      string,
      { version: string }
    >;
    for (const patch of keystonePatches) {
      // Exact pins, or a ~ range whose newer patch releases the step then refuses until the table is checked.
      expect(`${patch.name} ${pinned[patch.name].replace(/^~/, '')}`).toBe(`${patch.name} ${patch.version}`);
      expect(`${patch.name} ${locked[`node_modules/${patch.name}`].version}`).toBe(`${patch.name} ${patch.version}`);
    }
  });

  test('a build against another Keystone version stops before building, with a message naming the step', async () => {
    fs.mkdirSync(path.join(root, '@keystone-6/core'), { recursive: true });
    fs.writeFileSync(path.join(root, '@keystone-6/core/package.json'), JSON.stringify({ version: '8.2.0' }));
    await expect(build({ ui: true }, inFolder(root))).rejects.toThrow(
      /^管理后台汉化步骤（src\/platform\/admin-ui）是为 @keystone-6\/core 8\.1\.0 制作的，当前安装的是 8\.2\.0/,
    );
  });
});

describe('the site time zone', () => {
  test('is Asia/Shanghai (UTC+8) unless TZ_SITE says otherwise', () => {
    expect(siteTimeZone({})).toBe('Asia/Shanghai');
    expect(siteTimeZone({ TZ_SITE: 'Asia/Urumqi' })).toBe('Asia/Urumqi');
  });

  test('a zone that does not exist stops the build with what to write', () => {
    expect(() => siteTimeZone({ TZ_SITE: 'Beijing' })).toThrow('TZ_SITE 不是有效的时区：“Beijing”（示例：Asia/Shanghai）');
  });
});
