/** Shared by the profile commands: masked views of stored settings. */
import {
  DEFAULT_PROFILE,
  type Env,
  type GlobalFlags,
  type ProfileSettings,
  SETTING_NAMES,
  SETTINGS,
} from '../../config.js';
import { maskSecret } from '../../output.js';

/** The profile in use: `--profile`, then `ORIVA_PROFILE`, then `default`. */
export function activeProfile(flags: GlobalFlags, env: Env): string {
  return flags.profile || env.ORIVA_PROFILE?.trim() || DEFAULT_PROFILE;
}

/** `{ base_url, app_id, api_key: "ok_live_…9f3c", … }`: secrets masked, unset settings left out. */
export function maskedSettings(profile: ProfileSettings): Record<string, string> {
  const view: Record<string, string> = {};
  for (const setting of SETTING_NAMES) {
    const value = profile[setting];
    if (value === undefined) continue;
    view[SETTINGS[setting].file] = SETTINGS[setting].secret ? maskSecret(value) : value;
  }
  return view;
}
