import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/platform/config/env.js';
import { fileOfUrl } from '../../src/site/static/core/manifest.js';
import { freePort } from './ports.js';

/*
 * Debian's nginx (apt-get install nginx, tests/prepare-machine.ts) with the shipped deploy/nginx.conf, run as
 * any user: prefix, pid, logs and temporary files in a folder of its own, in the foreground.
 */

export const nginxBinary = '/usr/sbin/nginx';
export const shippedNginxConf = path.join(projectRoot, 'deploy/nginx.conf');
export const unavailablePage = path.join(projectRoot, 'deploy/unavailable.html');

/** Whether nginx tests can run: without nginx they are skipped with a note, except under CI=true, where that fails. */
export function nginxAvailable(): boolean {
  if (fs.existsSync(nginxBinary)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${nginxBinary} is missing (apt-get install nginx)`);
  console.warn(`${nginxBinary} is missing (apt-get install nginx); the nginx tests are skipped.`);
  return false;
}

export interface NginxSettings {
  /** PUBLISH_DIR. */
  root: string;
  /** 127.0.0.1:<port> nginx listens on. */
  port: number;
  /** gongkai's port on 127.0.0.1. */
  upstreamPort: number;
  /** The addresses of $gongkai_staff (loopback ::1 stays). */
  staff: string[];
  /** Where the access and error logs go. */
  logDir: string;
}

/** One adjustable line of the shipped file replaced; a line that is not there (the file changed) is an error. */
function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const hits = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
  if (hits !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${hits}`);
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

/** The shipped server block with a test's values in its "adjust" lines. */
export function renderServerBlock(settings: NginxSettings, shipped = fs.readFileSync(shippedNginxConf, 'utf8')): string {
  let text = shipped;
  text = replaceOnce(text, /^(\s*)server 127\.0\.0\.1:3000;/, `$1server 127.0.0.1:${settings.upstreamPort};`);
  text = replaceOnce(text, /^(\s*)listen 80;.*$/, `$1listen 127.0.0.1:${settings.port};`);
  text = replaceOnce(text, /^\s*listen \[::\]:80;.*$/, '');
  text = replaceOnce(text, /^(\s*)root \/var\/lib\/gongkai\/data\/site;/, `$1root ${settings.root};`);
  text = replaceOnce(text, /^(\s*)alias \/opt\/gongkai\/deploy\/unavailable\.html;/, `$1alias ${unavailablePage};`);
  text = replaceOnce(text, /^(\s*)127\.0\.0\.1\s+1;/, settings.staff.map((address) => `$1${address} 1;`).join('\n'));
  text = replaceOnce(text, /^\s*10\.20\.0\.0\/16\s+1;.*$/, '');
  text = replaceOnce(text, /\/var\/log\/nginx\/gongkai-access\.log/, path.join(settings.logDir, 'access.log'));
  text = replaceOnce(text, /\/var\/log\/nginx\/gongkai-error\.log/, path.join(settings.logDir, 'error.log'));
  return text;
}

/** A whole nginx.conf around a server block, as Debian's /etc/nginx/nginx.conf includes sites-enabled/*. */
export function wrapServerBlock(serverBlock: string, prefix: string): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, `${name}-temp`)};`;
  return [
    `pid ${path.join(prefix, 'nginx.pid')};`,
    `error_log ${path.join(prefix, 'error.log')};`,
    'worker_processes 1;',
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  sendfile on;',
    `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
    serverBlock,
    '}',
    '',
  ].join('\n');
}

/** `nginx -t` on a whole configuration: whether it passes, and what nginx said. */
export function checkNginxConf(conf: string): { ok: boolean; output: string } {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-nginx-t-'));
  try {
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
    const run = spawnSync(nginxBinary, ['-t', '-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', path.join(prefix, 'nginx.conf')], {
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

export interface RunningNginx {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** nginx's access log (combined format). */
  accessLog: string;
  errorLog: string;
  /** The rendered configuration it runs. */
  conf: string;
  stop(): Promise<void>;
}

async function listening(port: number, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Starts nginx in the foreground with the shipped deploy/nginx.conf in front of gongkai on `upstreamPort`,
 * serving `root` (PUBLISH_DIR). `staff` defaults to 127.0.0.1 only. `serverExtra`: directives a test adds to the
 * server block, right after its root (e.g. a web server tampered with), never part of the shipped file.
 */
export async function startNginx(options: {
  root: string;
  upstreamPort: number;
  staff?: string[];
  serverExtra?: string;
}): Promise<RunningNginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-nginx-'));
  // Run as root, nginx's workers are nobody: they write their temporary files under the prefix.
  fs.chmodSync(prefix, 0o755);
  // A port found free may be bound by another process before nginx binds it; nginx then exits, and a connection
  // to the port reaches that other process. So the port counts only once nginx itself still runs on it.
  for (let attempt = 1; ; attempt++) {
    const started = await startOn(await freePort(), prefix, options);
    if (started.ok) return started.nginx;
    if (attempt === 3 || !started.bindFailed) {
      fs.rmSync(prefix, { recursive: true, force: true });
      throw new Error(started.reason);
    }
  }
}

type Attempt = { ok: true; nginx: RunningNginx } | { ok: false; bindFailed: boolean; reason: string };

async function startOn(port: number, prefix: string, options: Parameters<typeof startNginx>[0]): Promise<Attempt> {
  const settings: NginxSettings = {
    root: options.root,
    port,
    upstreamPort: options.upstreamPort,
    staff: options.staff ?? ['127.0.0.1'],
    logDir: prefix,
  };
  let serverBlock = renderServerBlock(settings);
  if (options.serverExtra) serverBlock = replaceOnce(serverBlock, /^(\s*)root [^;]*;.*$/, `$&\n$1${options.serverExtra}`);
  const conf = wrapServerBlock(serverBlock, prefix);
  const confFile = path.join(prefix, 'nginx.conf');
  const errorLog = path.join(prefix, 'error.log');
  fs.writeFileSync(confFile, conf);
  fs.rmSync(errorLog, { force: true });
  let output = '';
  const child = spawn(nginxBinary, ['-p', prefix, '-e', errorLog, '-c', confFile, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const quit = async () => {
    if (running()) {
      child.kill('SIGQUIT');
      await exited;
    }
  };
  const stop = async () => {
    await quit();
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  const up = await listening(port, 10_000);
  // nginx that failed to bind exits at once; give it that moment before trusting the port.
  if (up) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!up || !running()) {
    const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '';
    await quit();
    return {
      ok: false,
      bindFailed: /bind\(\)|Address already in use/.test(output + log),
      reason: `nginx did not start on 127.0.0.1:${port}:\n${output}\n${log}`,
    };
  }
  const nginx: RunningNginx = {
    url: `http://127.0.0.1:${port}`,
    port,
    accessLog: path.join(prefix, 'access.log'),
    errorLog: path.join(prefix, 'error.log'),
    conf,
    stop,
  };
  return { ok: true, nginx };
}

/** A PUBLISH_DIR laid out as the publisher does (fileOfUrl), for a test that has no publisher run. */
export function writePublishedFiles(root: string, files: readonly { url: string; bytes: string | Buffer }[]): void {
  for (const file of files) {
    const name = fileOfUrl(file.url);
    if (!name) throw new Error(`not a published address: ${file.url}`);
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), file.bytes);
  }
  // As in production, nginx's workers (www-data; nobody when a test runs as root) read the directory.
  fs.chmodSync(root, 0o755);
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP request from a given local address: any of 127.0.0.0/8 reaches nginx on 127.0.0.1, so a test can be a
 * visitor (e.g. 127.0.0.2) that nginx and gongkai tell apart from nginx's own 127.0.0.1, or staff on an allowed one.
 */
export function requestFrom(
  from: string,
  base: string,
  target: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${target}`,
      { method: options.method ?? 'GET', localAddress: from, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
