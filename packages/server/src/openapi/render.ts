import { buildOpenApiDocument } from '@oriva/contract';
import { stringify } from 'yaml';

const GENERATED_NOTICE = '# Generated from packages/contract by `pnpm openapi`. Do not edit by hand.\n';

export function renderOpenApiYaml(): string {
  return GENERATED_NOTICE + stringify(buildOpenApiDocument(), { lineWidth: 0 });
}

/** The SDK's types, generated from the same document (openapi-typescript is a dev-only dependency). */
export async function renderSdkTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  return `/* Generated from packages/contract by \`pnpm openapi\`. Do not edit by hand. */\n${astToString(ast)}`;
}
