import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './format.js';

/** A value loaded from the API: loading, failed or there; `reload` fetches it again. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change; a slower earlier answer never overwrites a later one. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((previous) => ({ ...previous, error: messageOf(error), loading: false })),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

/** What a list shows while it has nothing to list: the first load, an error, or the empty note. */
export function ListState<T>({ loaded, what, empty }: { loaded: Loaded<T[]>; what: string; empty: ComponentChildren }) {
  if (loaded.error) return <ErrorNote message={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading what={what} />;
  if (loaded.data.length === 0) return <Empty>{empty}</Empty>;
  return null;
}

/** A button that runs an action once at a time and reports how it went next to it. */
export function ActionButton({
  label,
  run,
  confirm,
  class: className,
}: {
  label: string;
  /** Resolves to the line to show beside the button, if any. */
  run: () => Promise<unknown>;
  /** When set, the first press asks this and a second press within the same view runs it. */
  confirm?: string;
  class?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const press = async () => {
    if (confirm && !armed) {
      setArmed(true);
      return;
    }
    setArmed(false);
    setBusy(true);
    setResult(null);
    try {
      const text = await run();
      setResult(typeof text === 'string' && text ? { ok: true, text } : null);
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="action">
      <button type="button" class={className} disabled={busy} aria-busy={busy} onClick={press}>
        {armed ? confirm : label}
      </button>
      {result && (
        <span class={result.ok ? 'result ok' : 'result error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </span>
      )}
    </span>
  );
}

/** Text to read (JSON, a response body), labelled, shown as text and never as markup. */
export function CodeBlock({ label, text, kind }: { label: string; text: string; kind: 'json' | 'body' }) {
  return (
    <figure class="code">
      <figcaption>{label}</figcaption>
      <pre class={kind}>{text}</pre>
    </figure>
  );
}
