import type { EventType, Oriva } from '@oriva/sdk';
import type { CommandContext } from '../../context.js';
import { ContextualError, UserError } from '../../errors.js';
import { escapeTerminal as safe } from '../../output.js';
import { canAsk, confirm } from '../../prompt.js';
import type { Handler } from '../define.js';
import { type Declaration, readDeclarations } from './declarations.js';
import type { declaration } from './push.js';
import { type BrokenExample, breakingReport, brokenExamples, eventTypeClient, sameDeclaration } from './shared.js';

/** What pushing did to one type. `refused`: a breaking change that was not accepted. */
type Outcome = 'created' | 'changed' | 'updated' | 'unchanged' | 'refused';

interface Pushed {
  name: string;
  source: string;
  outcome: Outcome;
  /** The version on the server afterwards. */
  version: number | null;
  /** For a breaking change: the examples of the previous version the new schema rejects. */
  broken?: BrokenExample[];
}

export const run: Handler<typeof declaration> = async (ctx, [target], options) => {
  const declarations = await readDeclarations(target, ctx.cwd);
  const { oriva } = await eventTypeClient(ctx);
  const results: Pushed[] = [];
  for (const item of declarations) {
    const result = await pushOne(ctx, oriva, item, options.breaking === true);
    results.push(result);
    if (!ctx.json) ctx.write(outcomeLine(ctx, result));
  }
  const refused = results.filter((result) => result.outcome === 'refused');
  if (ctx.json) {
    ctx.printJson({ event_types: results, refused: refused.length });
  } else {
    const counts = (['created', 'changed', 'updated', 'unchanged', 'refused'] as const)
      .map((outcome) => [outcome, results.filter((result) => result.outcome === outcome).length] as const)
      .filter(([, count]) => count > 0)
      .map(([outcome, count]) => `${count} ${outcome}`);
    ctx.write(`${counts.join(', ')}\n`);
  }
  if (refused.length > 0) {
    throw new UserError(
      `${refused.length} breaking change${refused.length === 1 ? '' : 's'} not pushed: ${refused.map((result) => result.name).join(', ')}`,
      { hint: 'check what breaks above, then push again with --breaking to accept', code: 'breaking_change' },
    );
  }
  return 0;
};

async function pushOne(ctx: CommandContext, oriva: Oriva, item: Declaration, breaking: boolean): Promise<Pushed> {
  const { name, source, ...params } = item;
  const current = await currentVersion(oriva, name);
  const base = { name, source };
  if (current && sameDeclaration(item, current)) return { ...base, outcome: 'unchanged', version: current.version };
  const put = (accept: boolean) => oriva.eventTypes.put(name, params, { breaking: accept });
  try {
    const { event_type } = await put(false);
    return { ...base, outcome: outcomeOf(current, event_type), version: event_type.version };
  } catch (error) {
    const { code, fields } = error as { code?: unknown; fields?: { path: string; message: string }[] };
    if (code !== 'breaking_change' || !current) throw inFile(error, source);
    const broken = brokenExamples(fields ?? []);
    // What breaks goes to stderr, so `--json` output stays one document.
    ctx.stderr.write(breakingReport(current, item, broken, ctx.err));
    const accepted = breaking || (canAsk(ctx) && (await confirm(ctx, `Push the breaking change to ${name}?`)));
    if (!accepted) return { ...base, outcome: 'refused', version: current.version, broken };
    const { event_type } = await put(true).catch((retryError: unknown) => {
      throw inFile(retryError, source);
    });
    return { ...base, outcome: 'changed', version: event_type.version, broken };
  }
}

async function currentVersion(oriva: Oriva, name: string): Promise<EventType | null> {
  try {
    return (await oriva.eventTypes.get(name)).event_type;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

/** A new version when the schema changed; otherwise only the description, examples or deprecation did. */
function outcomeOf(before: EventType | null, after: EventType): Outcome {
  if (!before) return 'created';
  return after.version === before.version ? 'updated' : 'changed';
}

/** A refused declaration names the file it came from. */
function inFile(error: unknown, source: string): ContextualError {
  return new ContextualError(error, { details: [`declared in ${source}`] });
}

function outcomeLine(ctx: CommandContext, result: Pushed): string {
  const { out } = ctx;
  const name = out.bold(safe(result.name));
  switch (result.outcome) {
    case 'created':
      return `${out.green('✔')} ${name} created (v${result.version})\n`;
    case 'changed':
      return `${out.green('✔')} ${name} changed (v${result.version})${result.broken ? out.yellow(' breaking') : ''}\n`;
    case 'updated':
      return `${out.green('✔')} ${name} updated (v${result.version}, same schema)\n`;
    case 'unchanged':
      return `${out.dim('·')} ${name} unchanged (v${result.version})\n`;
    case 'refused':
      return `${out.red('✖')} ${name} not pushed: breaking (still v${result.version})\n`;
  }
}
