#!/usr/bin/env node
// The `gongkai` command. It runs the TypeScript sources through tsx, from the project folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
register();
const { main } = await import('../src/app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
