import net from 'node:net';

/**
 * A port for a server that a test starts in another process and that binds it seconds later. Taken from
 * below the kernel's ephemeral range (32768 and up), from a block of its own for each Jest worker: a port
 * picked by listening on 0 was free at the time but could be handed, before our server bound it, to a
 * fixture server of the other worker that listened on 0 (CI once saw "端口 … 已被占用" so).
 */
let nextPortInBlock = 0;
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const blockStart = 20_000 + ((worker - 1) % 16) * 500 + (process.pid % 5) * 100;
  for (let tries = 0; tries < 100; tries++) {
    const port = blockStart + (nextPortInBlock++ % 100);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port from ${blockStart}`);
}

async function canListen(port: number): Promise<boolean> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise((resolve) => server.close(resolve));
  return listening;
}
