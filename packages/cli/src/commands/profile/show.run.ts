import {
  checkProfileName,
  configPath,
  DEFAULT_PROFILE,
  localDataDir,
  readConfig,
  resolveSettings,
  SETTING_NAMES,
  SETTINGS,
} from '../../config.js';
import { UserError } from '../../errors.js';
import { formatPairs, maskSecret } from '../../output.js';
import type { Handler } from '../define.js';
import { activeProfile, maskedSettings } from './shared.js';
import type { declaration } from './show.js';

export const run: Handler<typeof declaration> = async (ctx, [requested]) => {
  const flags = ctx.flags();
  const path = configPath(ctx.env);
  const config = readConfig(path);
  const active = activeProfile(flags, ctx.env);
  const name = requested === undefined ? active : checkProfileName(requested);
  const stored = config.profiles[name];
  if (!stored && name !== DEFAULT_PROFILE) {
    throw new UserError(`no profile named '${name}' in ${path}`, {
      hint: `create it with \`oriva profile set ${name} --base-url … --api-key …\``,
    });
  }
  const view = maskedSettings(stored ?? {});

  // For the active profile, also show what a command would use, and where each value comes from.
  let effective: Record<string, { value: string; source: string }> | undefined;
  if (name === active) {
    const settings = resolveSettings({ flags, env: ctx.env, config, configPath: path, cwd: ctx.cwd });
    effective = {};
    for (const setting of SETTING_NAMES) {
      const value = settings[setting];
      const source = settings.sources[setting];
      if (value === undefined || source === undefined) continue;
      const spec = SETTINGS[setting];
      effective[spec.file] = {
        value: spec.secret ? maskSecret(value) : value,
        source:
          source === 'flag'
            ? spec.flag
            : source === 'env'
              ? spec.env
              : source === 'profile'
                ? `profile ${name}`
                : source === 'local server'
                  ? `the server running on ${localDataDir(ctx.env, ctx.cwd)}`
                  : 'default',
      };
    }
  }

  if (ctx.json) {
    ctx.printJson({
      profile: name,
      path,
      active: name === active,
      exists: stored !== undefined,
      settings: view,
      ...(effective ? { effective } : {}),
    });
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.bold(`Profile ${name}`)}${name === active ? ' (active)' : ''} · ${path}\n`);
  ctx.write(
    stored && Object.keys(view).length ? formatPairs(Object.entries(view), out.dim) : out.dim('(nothing saved)\n'),
  );
  if (effective) {
    ctx.write(`\n${out.bold('In effect')} (flags > environment > profile > default)\n`);
    ctx.write(
      formatPairs(
        Object.entries(effective).map(([key, { value, source }]) => [key, `${value}  ${out.dim(`← ${source}`)}`]),
        out.dim,
      ),
    );
  }
  return 0;
};
