/** Replaced at build time by tsup (`define`) with the version in package.json. */
declare const __ORIVA_SDK_VERSION__: string | undefined;

/** This package's version, sent as `x-oriva-sdk: js/<version>`. Reads `0.0.0-dev` when running from source. */
export const VERSION: string = typeof __ORIVA_SDK_VERSION__ === 'string' ? __ORIVA_SDK_VERSION__ : '0.0.0-dev';
