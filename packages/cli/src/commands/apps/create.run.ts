import { createClient } from '../../client.js';
import { formatPairs } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './create.js';
import { describeApp, describeKey } from './describe.js';

export const run: Handler<typeof declaration> = async (ctx, [appId], options) => {
  const { oriva } = await createClient(ctx, 'admin');
  const result = await oriva.apps.create({
    app_id: appId,
    name: options.name,
    ...(options.iconUrl === undefined ? {} : { icon_url: options.iconUrl }),
  });
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.green('✔')} Registered app ${out.bold(result.app.app_id)} (${result.app.name})\n\n`);
  ctx.write(formatPairs(describeApp(result.app), out.dim));
  ctx.write(`\n${out.bold('API key')} ${out.yellow('(shown once: only its hash is stored, copy it now)')}\n`);
  ctx.write(`  ${result.api_key.key}\n\n`);
  ctx.write(formatPairs(describeKey(result.api_key), out.dim));
  const settings = ctx.settings();
  // A server found through its server.json is found again after a restart on another port: do not pin it.
  const found = settings.sources.baseUrl === 'default' || settings.sources.baseUrl === 'local server';
  const baseUrl = found ? '' : ` --base-url ${settings.baseUrl}`;
  ctx.write(
    `\nNext: save it in a profile so other commands use it:\n  ${ctx.command} profile set ${settings.profile}${baseUrl} --app-id ${result.app.app_id} --api-key ${result.api_key.key}\n`,
  );
  return 0;
};
