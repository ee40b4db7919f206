import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError, projectRoot } from '../config/env.js';
import {
  applyPatches,
  planPatches,
  type PackageLocator,
  type PackagePatch,
  type PatchResult,
  type StepDescription,
} from './patch-engine.js';
import { keystonePatches } from './keystone-8.1.0.js';

/**
 * The Admin UI translation step (管理后台汉化步骤): runs before `keystone build` (src/app/build.ts) and makes the
 * interface text Keystone hard-codes Chinese, by exact edits of the Keystone packages Next bundles into the
 * Admin UI (keystone-8.1.0.ts). Everything Keystone lets us configure is configured instead (labels and
 * messages in each capability's lists/, pages and components in admin/); this covers only what it does not.
 */
export const step: StepDescription = {
  name: '管理后台汉化步骤（src/platform/admin-ui）',
  remedy:
    '升级 Keystone 时，请按 README“管理后台汉化”一节为新版本重做 src/platform/admin-ui 的替换表并通过 tests/unit/platform/admin-ui-translation.test.ts，或把 Keystone 退回 package.json 中固定的版本（npm ci）。',
};

/** The helper module the edited files import (dates, pinyin order, messages), copied beside them. */
export const runtimeSource = path.join(projectRoot, 'src/platform/admin-ui/runtime/zh-cn.js');
export const runtimeFileName = 'dist/gongkai-zh-cn.js';

/** The patch table with the helper module added to the packages whose edits import it. */
export function patchTable(patches: PackagePatch[] = keystonePatches): PackagePatch[] {
  const runtime = fs.readFileSync(runtimeSource, 'utf8');
  return patches.map((patch) =>
    Object.values(patch.files).some((edits) => edits.some((edit) => edit.to.includes('./gongkai-zh-cn.js')))
      ? { ...patch, addFiles: { ...patch.addFiles, [runtimeFileName]: runtime } }
      : patch,
  );
}

/** Finds installed packages the way Node does from the project folder. */
export const fromProject: PackageLocator = (name) => {
  try {
    return path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
};

/** The site's time zone (TZ_SITE, default Asia/Shanghai): the Admin UI shows dates in it. */
export function siteTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.TZ_SITE?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('zh-CN', { timeZone: zone });
  } catch {
    throw new ConfigError(`TZ_SITE 不是有效的时区：“${zone}”（示例：Asia/Shanghai）`);
  }
  return zone;
}

/** Applies the step to the installed packages; throws an AdminUiPatchError naming the step when they are not the ones it was made for. */
export function translateAdminUi(locate: PackageLocator = fromProject): PatchResult {
  return applyPatches(locate, patchTable(), step);
}

/** Checks, without writing anything, that the step applies to the installed packages. */
export function checkAdminUiTranslation(locate: PackageLocator = fromProject): number {
  return planPatches(locate, patchTable(), step).length;
}
