/**
 * CPU accounting for a measured run: how much of a core the server process used (from /proc, Linux only) and how
 * much the load generator (this process) used. On a shared 2-core machine these show who was the bottleneck, and
 * requests per server CPU-second is far less sensitive to neighbours than requests per wall-clock second.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 2_000 }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds used so far by `pid` (all its threads), or `undefined` where /proc is unavailable. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
    return (utime + stime) / ticksPerSecond();
  } catch {
    return undefined;
  }
}

export interface CpuWindow {
  /** Fractions of one core used during the window (1 = a full core). */
  stop(): { server: number | undefined; client: number };
}

/** Start measuring the server process `pid` and this process. */
export function startCpuWindow(pid: number | undefined): CpuWindow {
  const t0 = performance.now();
  const server0 = pid === undefined ? undefined : processCpuSeconds(pid);
  const client0 = process.cpuUsage();
  return {
    stop() {
      const wall = (performance.now() - t0) / 1_000;
      const client = process.cpuUsage(client0);
      const server1 = pid === undefined ? undefined : processCpuSeconds(pid);
      return {
        server: server0 === undefined || server1 === undefined || wall <= 0 ? undefined : (server1 - server0) / wall,
        client: wall <= 0 ? 0 : (client.user + client.system) / 1e6 / wall,
      };
    },
  };
}
