import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Outage tests stop and start their database, so they never use the shared cluster (5432) that other
 * tests run against in parallel: they get a PostgreSQL cluster of their own (and a Redis of their
 * own from `startPrivateRedis`, scale-out/cluster.test-support.ts).
 */

const CLUSTER = 'breaker';
const CLUSTER_PORT = 5433;

/** Why a PostgreSQL cluster of the test's own cannot be had here, or undefined when it can. */
export function ownClusterUnavailable(): string | undefined {
  if (!existsSync('/usr/bin/pg_ctlcluster') || !existsSync('/usr/bin/pg_createcluster')) {
    return 'pg_ctlcluster is not installed (Debian postgresql-common): the outage test needs a cluster it can stop';
  }
  if (!existsSync('/etc/postgresql') || readdirSync('/etc/postgresql').length === 0) {
    return 'no PostgreSQL version under /etc/postgresql';
  }
  return undefined;
}

export interface OwnCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Leaves the cluster as it was found: stopped again if this run started it. */
  restore(): Promise<void>;
}

/**
 * The `breaker` cluster on port 5433, made on first use with trust authentication on 127.0.0.1 (as
 * the shared cluster has), and started. Made once per machine; later runs only start it.
 */
export async function ownCluster(): Promise<OwnCluster> {
  const version = readdirSync('/etc/postgresql').sort().at(-1) as string;
  const status = async () => {
    const { stdout } = await run('pg_lsclusters', ['--no-header', version, CLUSTER]);
    const [, , port, state] = stdout.trim().split(/\s+/);
    return { port, online: state === 'online' };
  };
  // Idempotent: a test's cleanup starts the cluster again whether or not the test got that far.
  const control = async (action: 'start' | 'stop') => {
    if ((await status()).online === (action === 'start')) return;
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, CLUSTER, action]);
  };
  if (!existsSync(`/etc/postgresql/${version}/${CLUSTER}`)) {
    await run('pg_createcluster', [
      version,
      CLUSTER,
      '-p',
      String(CLUSTER_PORT),
      '--',
      '--auth-host=trust',
      '--auth-local=trust',
    ]);
  }
  const wasOnline = (await status()).online;
  await control('start');
  const { port } = await status();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => control('stop'),
    start: () => control('start'),
    restore: () => control(wasOnline ? 'start' : 'stop'),
  };
}
