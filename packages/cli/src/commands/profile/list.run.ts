import { configPath, readConfig } from '../../config.js';
import { formatTable } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './list.js';
import { activeProfile, maskedSettings } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx) => {
  const path = configPath(ctx.env);
  const { profiles } = readConfig(path);
  const active = activeProfile(ctx.flags(), ctx.env);
  const names = Object.keys(profiles).sort();
  if (ctx.json) {
    ctx.printJson({
      path,
      active,
      profiles: Object.fromEntries(names.map((name) => [name, maskedSettings(profiles[name] ?? {})])),
    });
    return 0;
  }
  if (names.length === 0) {
    ctx.write(`No profiles in ${path}. Save one with \`oriva profile set default --base-url … --api-key …\`.\n`);
    return 0;
  }
  const rows = names.map((name) => {
    const view = maskedSettings(profiles[name] ?? {});
    return [
      name === active ? `* ${name}` : `  ${name}`,
      view.base_url ?? '',
      view.app_id ?? '',
      view.api_key ?? '',
      view.admin_token ?? '',
    ];
  });
  ctx.write(
    formatTable(['  PROFILE', 'BASE URL', 'APP ID', 'API KEY', 'ADMIN TOKEN'], rows, { headerStyle: ctx.out.bold }),
  );
  ctx.write(ctx.out.dim(`\n* active profile · ${path}\n`));
  return 0;
};
