/**
 * Writes docs/openapi.yml from the contract and regenerates the SDK's types from it.
 * A test fails when either checked-in file drifts from what this script would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiYaml, renderSdkTypes } from '../src/openapi/render.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

writeFileSync(root('docs/openapi.yml'), renderOpenApiYaml());
writeFileSync(root('packages/sdk/src/generated/api.gen.ts'), await renderSdkTypes());
console.log('wrote docs/openapi.yml and packages/sdk/src/generated/api.gen.ts');
