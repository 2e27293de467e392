import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP link to a service (PostgreSQL, Redis) that a test can cut, as when the service's host goes
 * away: open connections are dropped and new ones refused until `restore()` listens again on the same
 * port, so the server under test can reconnect (or close its pool cleanly).
 *
 * @example
 * const link = await cuttableLink(new URL(process.env.ORIVA_TEST_DATABASE_URL!));
 * // point the server at 127.0.0.1:${link.port} …
 * link.cut();
 * await link.restore();
 */
export async function cuttableLink(target: URL, defaultPort = 5432) {
  const sockets = new Set<Socket>();
  let listener: Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      listener = createServer((client) => {
        const upstream = connect(Number(target.port || defaultPort), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => {});
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(port, '127.0.0.1', () => resolve((listener!.address() as AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    cut() {
      listener?.close();
      for (const socket of sockets) socket.destroy();
    },
    restore: () => listen(port),
  };
}

/** Drops a PostgreSQL schema a test made, on a connection of its own. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
