#!/usr/bin/env node
// The `gongkai` command. It runs the TypeScript sources through tsx, from the project folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `gongkai syndicate` and `gongkai publish` run in a process of their own with a small young generation: a
// run allocates a lot per item or page that dies young, and with V8's default (16 MB semi-spaces) much of it is
// promoted and the old generation grows by a hundred MB or more before it is collected. The old generation keeps
// room for a large upstream page (a 15 MB page and its tree); Prisma's query compiler (WebAssembly) stays on its
// baseline code, some 15 MB less than optimized, and two malloc arenas serve the threads that write files
// (glibc makes one a thread otherwise). This process only waits (README, 命令行).
const RUN_HEAP = ['--max-semi-space-size=1', '--max-old-space-size=256', '--no-wasm-tier-up'];
const SMALL_HEAP_COMMANDS = new Set(['syndicate', 'publish']);
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (SMALL_HEAP_COMMANDS.has(command) && !process.env.GONGKAI_SMALL_HEAP) {
  const child = spawn(process.execPath, [...RUN_HEAP, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { MALLOC_ARENA_MAX: '2', ...process.env, GONGKAI_SMALL_HEAP: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`gongkai: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
} else {
  process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/app/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
