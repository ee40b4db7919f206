import fs from 'node:fs';
import path from 'node:path';

/**
 * The engine of the Admin UI translation step: exact (file, literal → replacement) edits applied to the
 * files of npm packages that Next bundles into the Admin UI, guarded by the exact package versions the
 * table was made for. It is deliberately dumb: no parsing, only literals that must be found, so that any
 * change in a package under it fails the build loudly instead of leaving English (or broken code) behind.
 */

/** One edit: `from` must occur exactly `count` times (default 1) in the file at this point of the list. */
export interface Replacement {
  from: string;
  to: string;
  count?: number;
}

export interface PackagePatch {
  /** npm package name, e.g. `@keystone-6/core`. */
  name: string;
  /** The exact version the edits were made for; any other installed version fails the step. */
  version: string;
  /** Paths inside the package → the edits of that file, applied in order. */
  files: Record<string, Replacement[]>;
  /** Files added to the package (path inside the package → content), e.g. a helper module the edits import. */
  addFiles?: Record<string, string>;
}

export interface StepDescription {
  /** How the step is named in every message, e.g. `管理后台汉化步骤（src/platform/admin-ui）`. */
  name: string;
  /** What to do when the step fails because a package changed. */
  remedy: string;
}

export class AdminUiPatchError extends Error {
  override name = 'AdminUiPatchError';
}

/** The first line of every patched file: says who changed it, and lets the step recognise its own work. */
export const patchedMarker =
  '/* gongkai：此文件已由管理后台汉化步骤（src/platform/admin-ui）修改，原文件保存在同名 .gongkai-original 中 */\n';
const originalSuffix = '.gongkai-original';

function countOccurrences(text: string, literal: string): number {
  let count = 0;
  for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + literal.length)) count++;
  return count;
}

/** What went wrong with one edit. */
function mismatch(where: string, from: string, count: number, found: number): string {
  const shown = from.length > 120 ? `${from.slice(0, 120)}…` : from;
  return `${where} 中应有 ${count} 处 ${JSON.stringify(shown)}，实际找到 ${found} 处`;
}

/** Applies the edits of one file to its original text; collects every literal not found as many times as expected. */
export function replaceLiterals(original: string, replacements: Replacement[], where: string): { text: string; problems: string[] } {
  let text = original;
  const problems: string[] = [];
  for (const { from, to, count = 1 } of replacements) {
    const found = countOccurrences(text, from);
    if (found !== count) {
      problems.push(mismatch(where, from, count, found));
      continue;
    }
    text = text.split(from).join(to);
  }
  return { text: patchedMarker + text, problems };
}

function literalsError(problems: string[], step: StepDescription): AdminUiPatchError {
  const listed = problems
    .slice(0, 10)
    .map((p) => `  - ${p}`)
    .join('\n');
  const more = problems.length > 10 ? `\n  …另有 ${problems.length - 10} 处` : '';
  return new AdminUiPatchError(
    `${step.name}失败：要替换的原文与制作替换表时不同（${problems.length} 处）：\n${listed}${more}\n${step.remedy}`,
  );
}

function readVersion(packageDir: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

interface PlannedWrite {
  file: string;
  content: string;
  /** The original text to keep beside the file, when it is not kept yet. */
  saveOriginal?: string;
}

/** Where an installed package lives: its folder, or undefined when it is not installed. */
export type PackageLocator = (name: string) => string | undefined;

/** Packages under one node_modules folder (for tests and fixtures). */
export function inFolder(nodeModules: string): PackageLocator {
  return (name) => path.join(nodeModules, name);
}

/**
 * Works out every file the step writes, without writing anything: so a version or literal that does not
 * match leaves the installed packages as they were.
 */
export function planPatches(locate: PackageLocator, patches: PackagePatch[], step: StepDescription): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const problems: string[] = [];
  for (const patch of patches) {
    const packageDir = locate(patch.name) ?? path.join('node_modules', patch.name);
    const installed = readVersion(packageDir);
    if (installed === undefined) {
      throw new AdminUiPatchError(`${step.name}失败：找不到 ${patch.name}（${packageDir}）。请先在项目目录执行 npm ci。`);
    }
    if (installed !== patch.version) {
      throw new AdminUiPatchError(
        `${step.name}是为 ${patch.name} ${patch.version} 制作的，当前安装的是 ${installed}：构建已停止，以免管理后台出现英文或损坏。${step.remedy}`,
      );
    }
    for (const [relative, replacements] of Object.entries(patch.files)) {
      const file = path.join(packageDir, relative);
      const where = `${patch.name}/${relative}`;
      if (!fs.existsSync(file))
        throw new AdminUiPatchError(`${step.name}失败：${patch.name} ${installed} 中没有文件 ${relative}。${step.remedy}`);
      const kept = file + originalSuffix;
      let original: string;
      let saveOriginal: string | undefined;
      if (fs.existsSync(kept)) {
        original = fs.readFileSync(kept, 'utf8');
      } else {
        original = fs.readFileSync(file, 'utf8');
        if (original.startsWith(patchedMarker)) {
          throw new AdminUiPatchError(
            `${step.name}失败：${where} 已被修改过，但原文件 ${path.basename(kept)} 不见了。请删除 node_modules 后重新执行 npm ci。`,
          );
        }
        saveOriginal = original;
      }
      const { text, problems: found } = replaceLiterals(original, replacements, where);
      problems.push(...found);
      writes.push({ file, content: text, saveOriginal });
    }
    for (const [relative, content] of Object.entries(patch.addFiles ?? {})) {
      writes.push({ file: path.join(packageDir, relative), content });
    }
  }
  if (problems.length) throw literalsError(problems, step);
  return writes;
}

export interface PatchResult {
  /** Files written by this run (empty when everything was already in place). */
  written: string[];
  /** Every file the step manages. */
  files: string[];
}

/**
 * Applies the patches: idempotent (a second run writes nothing), and always from the original text, so a
 * changed table is applied afresh rather than on top of an earlier run.
 */
export function applyPatches(locate: PackageLocator, patches: PackagePatch[], step: StepDescription): PatchResult {
  const writes = planPatches(locate, patches, step);
  const written: string[] = [];
  for (const { file, content, saveOriginal } of writes) {
    if (saveOriginal !== undefined) fs.writeFileSync(file + originalSuffix, saveOriginal);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    fs.writeFileSync(file, content);
    written.push(file);
  }
  return { written, files: writes.map((w) => w.file) };
}

/** Puts the original files back (for development; `npm ci` does the same). */
export function restorePatches(locate: PackageLocator, patches: PackagePatch[]): string[] {
  const restored: string[] = [];
  for (const patch of patches) {
    const packageDir = locate(patch.name);
    if (!packageDir) continue;
    for (const relative of Object.keys(patch.files)) {
      const file = path.join(packageDir, relative);
      if (!fs.existsSync(file + originalSuffix)) continue;
      fs.renameSync(file + originalSuffix, file);
      restored.push(file);
    }
    for (const relative of Object.keys(patch.addFiles ?? {})) fs.rmSync(path.join(packageDir, relative), { force: true });
  }
  return restored;
}
