/**
 * Schema validation cost on ingest: single events of a type with a declared JSON Schema, against the same events
 * of an undeclared type, on the same server (the target: ≥ 0.9×).
 *
 * Method (127.0.0.1, autocannon in the harness process, the real server in a child process under tsx): two apps on one
 * server, `bench-plain` (declares nothing) and `bench-schema` (declares `session.ended` with a schema the body
 * satisfies), the same body and headers shape; runs alternate plain, schema, plain, …, plain and each schema run is
 * divided by the mean of the plain runs beside it. Plain is the ceiling here: same process, same storage, only the
 * validation differs. Any non-2xx response or connection error fails the suite.
 */
import { ceilingSummary, cpuComparison, ratioWithRuns, serverSummary } from '../lib/alternating.js';
import { int, ms, row, targetRow } from '../lib/format.js';
import { type LoadResult, load, loadProblems } from '../lib/load.js';
import { errorMessage, machineRow, quickModeNote, suiteReport } from '../lib/report.js';
import { clip, createApp, type RunningServer, requestJson, startOriva } from '../lib/servers.js';
import type { SuiteContext, SuiteResult } from '../lib/suite.js';

const CONNECTIONS = 50;
const TARGET_RATIO = 0.9;

/** What a focus app might declare: a few typed, bounded fields, one required. */
const SCHEMA = {
  type: 'object',
  required: ['duration'],
  additionalProperties: false,
  properties: {
    duration: { type: 'integer', minimum: 0, maximum: 86_400 },
    mood: { enum: ['calm', 'focused', 'tired'] },
    note: { type: 'string', maxLength: 500 },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' } },
  },
};

const body = JSON.stringify({
  event_category: 'session',
  event_type: 'ended',
  entity_type: 'session',
  entity_id: 'sess_789',
  user_id: 'user_456',
  event_data: { duration: 1500, mood: 'focused', note: 'Deep work on the report', tags: ['writing', 'q4-report'] },
});

function line(label: string, r: LoadResult): string {
  return `  ${label.padEnd(12)} ${int(r.rps).padStart(7)} req/s   p50 ${ms(r.p50).padStart(6)}   p99 ${ms(r.p99).padStart(6)}`;
}

export default async function run(ctx: SuiteContext): Promise<SuiteResult> {
  const plan = ctx.quick
    ? { warmupSeconds: 1, durationSeconds: 3, rounds: 1 }
    : { warmupSeconds: 1, durationSeconds: 4, rounds: 3 };
  const { lines, metrics, fail } = suiteReport();
  let oriva: Awaited<ReturnType<typeof startOriva>> | undefined;
  lines.push(
    'method: one server, two apps: bench-plain (no types declared) and bench-schema (session.ended declared with a',
    `  JSON Schema the body satisfies); the same body; ${CONNECTIONS} connections; runs alternate plain, schema, …, plain,`,
    `  each ${plan.warmupSeconds} s warm-up + ${plan.durationSeconds} s measured; each schema run ÷ the mean of the plain runs beside it.`,
    ...quickModeNote(ctx.quick),
    machineRow('start'),
  );
  try {
    oriva = await startOriva().catch((err: unknown) => fail(errorMessage(err)));
    const server: RunningServer = oriva;
    const target = async (appId: string) => {
      const key = await createApp(oriva!, appId, appId);
      return {
        path: `/api/v1/apps/${appId}/events`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      };
    };
    const plain = await target('bench-plain');
    const schema = await target('bench-schema');
    const declared = await requestJson(`${server.baseUrl}/api/v1/apps/bench-schema/event-types/session.ended`, {
      method: 'PUT',
      headers: schema.headers,
      body: JSON.stringify({ schema: SCHEMA, examples: [JSON.parse(body).event_data] }),
    });
    if (declared.status !== 201) fail(`declaring session.ended → HTTP ${declared.status}: ${clip(declared.text)}`);
    // The schema must really be checked: an event that breaks it is refused.
    const refused = await requestJson(`${server.baseUrl}${schema.path}`, {
      method: 'POST',
      headers: schema.headers,
      body: body.replace('"duration":1500', '"duration":-1'),
    });
    if (refused.status !== 422) fail(`an event breaking the schema → HTTP ${refused.status}, expected 422`);

    const measure = async (side: typeof plain) => {
      const result = await load({
        url: `${server.baseUrl}${side.path}`,
        method: 'POST',
        body,
        headers: side.headers,
        connections: CONNECTIONS,
        warmupSeconds: plan.warmupSeconds,
        durationSeconds: plan.durationSeconds,
        serverPid: server.handle.pid,
      });
      server.assertAlive();
      const problems = loadProblems(result);
      if (problems !== undefined) fail(`POST ${side.path}: ${problems}`);
      return result;
    };

    const plainRuns: LoadResult[] = [];
    const schemaRuns: LoadResult[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      plainRuns.push(await measure(plain));
      lines.push(line(`plain  #${plainRuns.length}`, plainRuns.at(-1)!));
      schemaRuns.push(await measure(schema));
      lines.push(line(`schema #${schemaRuns.length}`, schemaRuns.at(-1)!));
    }
    plainRuns.push(await measure(plain));
    lines.push(line(`plain  #${plainRuns.length}`, plainRuns.at(-1)!));

    const plainStats = ceilingSummary(plainRuns, 'without a schema, mean');
    const { rps, ratios, ratio, p99 } = serverSummary(schemaRuns, plainRuns);
    const pass = ratio >= TARGET_RATIO;
    Object.assign(metrics, {
      plain_rps: plainStats.metrics.ceiling_rps,
      schema_rps: rps,
      schema_p99_ms: p99,
      schema_ratio: ratio,
      schema_ratio_target: TARGET_RATIO,
      schema_ratio_pass: pass ? 1 : 0,
    });
    lines.push(
      plainStats.line,
      row('with a schema, mean', `${int(rps)} req/s, p99 ${ms(p99)}`),
      targetRow('with / without a schema', ratioWithRuns(ratio, ratios), `≥ ${TARGET_RATIO.toFixed(2)}`, pass),
    );
    const cpu = cpuComparison(schemaRuns, plainRuns, 'schema');
    if (cpu) {
      metrics.schema_cpu_ratio = cpu.metrics.schema_cpu_ratio!;
      lines.push(cpu.line);
    }
    lines.push(machineRow('end'));
    return { name: 'ingest-schema', lines, metrics };
  } finally {
    await oriva?.stop();
  }
}
