/**
 * Event-type declaration files, kept in the app's repository and read by `oriva event-types push`.
 * A file is JSON (`.json`) or YAML (`.yaml`, `.yml`) and holds either one type:
 *
 *   name: session.ended
 *   description: A focus session ended.
 *   schema: { type: object, required: [duration], properties: { duration: { type: integer } } }
 *   examples: [{ duration: 1500 }]
 *   deprecated: false
 *
 * or several, under `event_types:` (a list of the same objects). A directory is read recursively:
 * every such file in it, in path order, skipping dot-files and `node_modules`. Each declaration is
 * checked here with the contract's own schemas, so a mistake names its file and field before anything is sent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError, UserError } from '../../errors.js';

/** One declared type as the API takes it, with where it was read from. */
export interface Declaration {
  name: string;
  description?: string | null | undefined;
  schema: Record<string, unknown>;
  examples?: Record<string, unknown>[] | undefined;
  deprecated?: boolean | undefined;
  /** The file it came from, relative to the working directory. */
  source: string;
}

const DECLARATION_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

const ManyDeclarations = z.strictObject({ event_types: z.array(z.unknown()).min(1) });

/** A declaration's fields: the `PUT` body of the contract, plus the name. The contract loads only when a command reads files. */
async function declarationFields() {
  const { PutEventTypeRequest, QualifiedEventType } = await import('@oriva/contract');
  return z.strictObject({ name: QualifiedEventType, ...PutEventTypeRequest.shape });
}

type DeclarationSchema = Awaited<ReturnType<typeof declarationFields>>;

/** Every declaration in `target` (a file or a directory); a name declared twice is an error. */
export async function readDeclarations(target: string, cwd: string): Promise<Declaration[]> {
  const path = resolve(cwd, target);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${target}: no such file or directory`, {
      hint: 'pass a declaration file (.json, .yaml, .yml) or a directory of them',
    });
  }
  const files = isDirectory ? declarationFiles(path) : [path];
  if (files.length === 0) {
    throw new UsageError(`${target} holds no .json, .yaml or .yml files`, {
      hint: 'put one event type per file (name, description, schema, examples), see docs/event-types.md',
    });
  }
  const fields = await declarationFields();
  const declarations = files.flatMap((file) => parseFile(file, relative(cwd, file) || file, fields));
  const seen = new Map<string, string>();
  for (const declaration of declarations) {
    const first = seen.get(declaration.name);
    if (first !== undefined) {
      throw new UsageError(`${declaration.name} is declared twice: in ${first} and in ${declaration.source}`);
    }
    seen.set(declaration.name, declaration.source);
  }
  return declarations;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return declarationFiles(path);
      return entry.isFile() && DECLARATION_EXTENSIONS.has(extname(entry.name).toLowerCase()) ? [path] : [];
    });
}

/** The declarations of one file: `{ name, … }` or `{ event_types: [{ name, … }, …] }`. */
export function parseFile(file: string, source: string, fields: DeclarationSchema): Declaration[] {
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError(`${source} is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}`, {
      details: [error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)],
    });
  }
  const many = ManyDeclarations.safeParse(value);
  if (many.success) {
    return many.data.event_types.map((item, index) => checked(fields, item, source, `event_types.${index}.`));
  }
  return [checked(fields, value, source, '')];
}

function checked(fields: DeclarationSchema, value: unknown, source: string, prefix: string): Declaration {
  const parsed = fields.safeParse(value);
  if (!parsed.success) {
    throw new UserError(`${source} is not an event-type declaration`, {
      details: parsed.error.issues.map((issue) => `${prefix}${issue.path.join('.') || '(file)'}: ${issue.message}`),
      hint: 'a declaration has name, schema and optionally description, examples, deprecated; or list several under event_types:',
      code: 'declaration_invalid',
    });
  }
  return { ...parsed.data, source };
}
