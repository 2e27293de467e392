/** A bad setting in the environment: the message names every variable that is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
