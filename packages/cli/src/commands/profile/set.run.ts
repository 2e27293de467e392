import {
  checkProfileName,
  configPath,
  isHttpUrl,
  readConfig,
  SETTING_NAMES,
  SETTINGS,
  writeConfig,
} from '../../config.js';
import { UsageError } from '../../errors.js';
import { formatPairs } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './set.js';
import { maskedSettings } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [name]) => {
  checkProfileName(name);
  const flags = ctx.flags();
  const given = SETTING_NAMES.filter((setting) => flags[setting] !== undefined);
  if (given.length === 0) {
    throw new UsageError('nothing to save', {
      hint: `pass any of --base-url, --api-key, --app-id, --admin-token, e.g. \`${ctx.command} profile set ${name} --base-url http://localhost:8787\``,
    });
  }
  if (flags.baseUrl) {
    if (!isHttpUrl(flags.baseUrl)) {
      throw new UsageError(`--base-url ${JSON.stringify(flags.baseUrl)} is not an http(s) URL`, {
        hint: 'e.g. --base-url http://localhost:8787 or --base-url https://api.example.com/api/v1',
      });
    }
  }

  const path = configPath(ctx.env);
  const config = readConfig(path);
  const profile = { ...(config.profiles[name] ?? {}) };
  const created = config.profiles[name] === undefined;
  for (const setting of given) {
    const value = flags[setting]?.trim();
    if (value) profile[setting] = value;
    else delete profile[setting];
  }
  config.profiles[name] = profile;
  writeConfig(path, config);

  const view = maskedSettings(profile);
  if (ctx.json) {
    ctx.printJson({ profile: name, path, created, settings: view });
    return 0;
  }
  const changed = given.map((setting) => SETTINGS[setting].flag).join(', ');
  ctx.write(
    `${ctx.out.green('✔')} ${created ? 'Created' : 'Updated'} profile ${ctx.out.bold(name)} (${changed}) in ${path}\n\n`,
  );
  ctx.write(formatPairs(Object.entries(view), ctx.out.dim));
  return 0;
};
