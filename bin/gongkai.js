#!/usr/bin/env node
// The `gongkai` command. It runs the TypeScript sources through tsx, from the project folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `gongkai syndicate` runs in a process of its own with a small V8 heap: a run allocates some 0.8 MB
// per item that dies young, and V8's default limits let the process grow by hundreds of MB before
// collecting it (README, 命令行). This process only waits for it, having loaded nothing else.
const RUN_HEAP = ['--max-semi-space-size=1', '--max-old-space-size=96'];
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command === 'syndicate' && !process.env.GONGKAI_SMALL_HEAP) {
  const child = spawn(process.execPath, [...RUN_HEAP, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GONGKAI_SMALL_HEAP: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
} else {
  process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/app/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
