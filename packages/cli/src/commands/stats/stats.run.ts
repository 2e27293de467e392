import type { AdminStatsResponse, AppStatsResponse, StatsTarget } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { formatTable, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import { timeBound } from '../webhooks/shared.js';
import type { declaration } from './stats.js';

const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
const millis = (value: number | null) => (value === null ? '–' : `${value} ms`);

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const query = {
    ...(options.since === undefined ? {} : { from: timeBound('--since', options.since) }),
    ...(options.until === undefined ? {} : { to: timeBound('--until', options.until) }),
    ...(options.interval === undefined ? {} : { interval: options.interval }),
  };
  if (options.allApps) {
    const { oriva } = await createClient(ctx, 'admin');
    const report = await oriva.admin.stats(query);
    if (ctx.json) {
      ctx.printJson(report);
      return 0;
    }
    printReport(ctx, report);
    printApps(ctx, report);
    return 0;
  }
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app-or-admin');
  const report = await oriva.stats.get(query);
  if (ctx.json) {
    ctx.printJson(report);
    return 0;
  }
  printReport(ctx, report);
  return 0;
};

function printReport(ctx: CommandContext, report: AppStatsResponse | AdminStatsResponse) {
  const { totals } = report;
  ctx.write(`${ctx.out.bold('Stats')} ${report.from} → ${report.to}, by ${report.interval}\n`);
  const active = report.series.filter(
    (point) => point.events + point.notifications.created + point.webhooks.attempts + point.stream.opened > 0,
  );
  if (active.length > 0) {
    ctx.write(
      formatTable(
        ['START', 'EVENTS', 'CREATED', 'DELIVERED', 'SEEN', 'ACTED', 'WEBHOOKS OK', 'P95'],
        active.map((point) => [
          shortTime(point.start),
          String(point.events),
          String(point.notifications.created),
          String(point.notifications.delivered),
          String(point.notifications.seen),
          String(point.notifications.acted),
          `${point.webhooks.succeeded}/${point.webhooks.attempts}`,
          millis(point.webhooks.latency_ms.p95),
        ]),
        { headerStyle: ctx.out.bold },
      ),
    );
    const quiet = report.series.length - active.length;
    if (quiet > 0) ctx.write(ctx.out.dim(`${quiet} ${report.interval}s without activity not shown\n`));
  } else {
    ctx.write(ctx.out.dim('No activity in this range.\n'));
  }
  ctx.write(
    `\n${totals.events.total} events; ${totals.notifications.created} notifications created, ${totals.notifications.delivered} delivered; ` +
      `${totals.webhooks.attempts} webhook attempts (p50 ${millis(totals.webhooks.latency_ms.p50)}, p99 ${millis(totals.webhooks.latency_ms.p99)}); ` +
      `${totals.stream.opened} stream connections (peak ${totals.stream.peak})\n\n`,
  );
  ctx.write(
    formatTable(
      ['SUCCESS METRIC', 'VALUE', 'TARGET', ''],
      report.targets.map((target) => [
        target.metric,
        target.metric.endsWith('_ms') ? millis(target.value) : percent(target.value),
        `${target.comparison === 'at_least' ? '≥' : '≤'} ${target.metric.endsWith('_ms') ? `${target.target} ms` : percent(target.target)}`,
        verdict(ctx, target),
      ]),
      { headerStyle: ctx.out.bold },
    ),
  );
  const failing = totals.webhooks.failing_endpoints;
  if (failing.length > 0) {
    ctx.write(`\n${ctx.out.bold('Failing endpoints')}\n`);
    ctx.write(
      formatTable(
        ['WEBHOOK', 'FAILED', 'ATTEMPTS', 'FAILURE RATE', ''],
        failing.map((endpoint) => [
          endpoint.webhook_id,
          String(endpoint.failed),
          String(endpoint.attempts),
          percent(endpoint.failure_rate),
          endpoint.alerting ? ctx.out.red('alerting') : '',
        ]),
        { headerStyle: ctx.out.bold },
      ),
    );
  }
}

function verdict(ctx: CommandContext, target: StatsTarget) {
  if (target.met === null) return ctx.out.dim('no data');
  return target.met ? ctx.out.green('met') : ctx.out.red('missed');
}

function printApps(ctx: CommandContext, report: AdminStatsResponse) {
  if (report.apps.length === 0) return;
  ctx.write(`\n${ctx.out.bold('Apps')}\n`);
  ctx.write(
    formatTable(
      ['APP', 'EVENTS', 'CREATED', 'VIEW RATE', 'ACTION RATE', 'WEBHOOK SUCCESS'],
      report.apps.map(({ app_id, totals }) => [
        app_id,
        String(totals.events.total),
        String(totals.notifications.created),
        percent(totals.rates.view_rate),
        percent(totals.rates.action_rate),
        percent(totals.rates.webhook_success_rate),
      ]),
      { headerStyle: ctx.out.bold },
    ),
  );
}
