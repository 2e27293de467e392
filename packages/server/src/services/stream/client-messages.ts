import { StreamClientMessage, type StreamErrorFrame } from '@oriva/contract';

export type ReadMessage = { ok: true; message: StreamClientMessage } | { ok: false; error: StreamErrorFrame };

type Issue = NonNullable<ReturnType<typeof StreamClientMessage.safeParse>['error']>['issues'][number];

const KNOWN_TYPES = 'a message is {"type":"subscribe"|"unsubscribe","events":[…]} or {"type":"ping"}';

/**
 * One inbound text frame, parsed once against the contract's schema. Whatever a client sends (`null`,
 * `[]`, a number, half a JSON document) comes back as a message or as the error frame to answer with:
 * this never throws.
 */
export function readClientMessage(text: string): ReadMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: errorFrame('malformed_message', 'send one JSON object per text frame') };
  }
  const parsed = StreamClientMessage.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, error: describe(parsed.error.issues[0], value) };
}

function describe(issue: Issue | undefined, value: unknown): StreamErrorFrame {
  const path = issue?.path ?? [];
  if (path.length === 0 || path[0] === 'type') return errorFrame('unknown_message', KNOWN_TYPES, 'type');
  const where = path.join('.');
  if (path[0] === 'events' && path.length === 2 && issue?.code === 'invalid_format') {
    // Quote the offending pattern: "is not a pattern" alone leaves the client guessing which one.
    const pattern = (value as { events: unknown[] }).events[path[1] as number];
    return errorFrame(
      'invalid_pattern',
      `${JSON.stringify(pattern)} is not "*", "<category>.*" or "<category>.<type>"`,
      where,
    );
  }
  return errorFrame('invalid_message', `${where}: ${issue?.message ?? 'not valid'}`, where);
}

export function errorFrame(code: StreamErrorFrame['code'], message: string, path?: string): StreamErrorFrame {
  return { control: 'error', code, message, ...(path === undefined ? {} : { path }) };
}
