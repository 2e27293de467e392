import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOpenApiYaml, renderSdkTypes } from './render.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

describe('generated files', () => {
  it('docs/openapi.yml matches the contract (run `pnpm openapi` after changing it)', () => {
    expect(readFileSync(root('docs/openapi.yml'), 'utf8')).toBe(renderOpenApiYaml());
  });

  it("the SDK's generated types match the contract (run `pnpm openapi` after changing it)", async () => {
    expect(readFileSync(root('packages/sdk/src/generated/api.gen.ts'), 'utf8')).toBe(await renderSdkTypes());
  });
});
