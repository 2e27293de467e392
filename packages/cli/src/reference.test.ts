import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program.js';
import { renderCliReference } from './reference.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

describe('docs/cli.md', () => {
  it('matches the commander definitions (run `pnpm docs:cli` after changing them)', () => {
    expect(readFileSync(root('docs/cli.md'), 'utf8')).toBe(renderCliReference());
  });

  it('is deterministic and documents every command and option', () => {
    const text = renderCliReference();
    expect(renderCliReference()).toBe(text);
    const { program } = buildProgram({ env: {} });
    const check = (command: typeof program, path: string[]) => {
      for (const sub of command.commands) {
        if (sub.name() === 'help') continue;
        const name = [...path, sub.name()].join(' ');
        expect(text).toContain(`# ${name}\n`);
        for (const option of sub.options) expect(text).toContain(`\`${option.flags}\``);
        check(sub, [...path, sub.name()]);
      }
    };
    check(program, ['oriva']);
    for (const variable of ['ORIVA_API_BASE', 'ORIVA_API_KEY', 'ORIVA_APP_ID', 'ORIVA_ADMIN_TOKEN', 'ORIVA_PROFILE']) {
      expect(text).toContain(`\`${variable}\``);
    }
  });

  it('names every environment variable the CLI reads', () => {
    const text = renderCliReference();
    const sourceDir = fileURLToPath(new URL('.', import.meta.url));
    const read = new Set<string>();
    for (const file of readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = readFileSync(join(sourceDir, file), 'utf8');
      for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(match[1]!);
    }
    read.delete('HOME'); // only the fallback for XDG_CONFIG_HOME
    expect(read.size).toBeGreaterThan(5);
    for (const variable of read) expect(text, variable).toContain(`\`${variable}\``);
  });
});
