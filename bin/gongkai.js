#!/usr/bin/env node
// The `gongkai` command's program: it runs the TypeScript sources through tsx, from the project folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.dirname(fileURLToPath(import.meta.url));
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
// `syndicate` and `publish` need a small heap, which only Node's start can set: started as `node bin/gongkai.js`,
// they run under bin/gongkai, which holds the flags, while this process waits (bin/gongkai itself leaves no one waiting).
if ((command === 'syndicate' || command === 'publish') && !process.env.GONGKAI_SMALL_HEAP) {
  const child = spawn(path.join(bin, 'gongkai'), process.argv.slice(2), {
    stdio: 'inherit',
    // This Node, first on the PATH bin/gongkai looks `node` up in, with the flags this one was given.
    env: {
      ...process.env,
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      GONGKAI_NODE_ARGS: process.execArgv.join(' '),
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`gongkai: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
} else {
  process.chdir(path.dirname(bin));
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/app/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
}
