import type { WebSocket } from 'ws';
import type { Principal } from '../../auth/principal.js';
import type { Deps } from '../../http/context.js';
import { subscriptionMatches } from '../../storage/outbox.js';
import type { StoredEvent } from '../../storage/types.js';
import type { EventBus } from './bus.js';
import { CLOSE, eventFrame, type ResumeOutcome } from './protocol.js';

export interface StreamScope {
  principal: Principal;
  /** Events visible to this connection: its app's, or its user's; optionally narrowed. */
  app_id?: string | undefined;
  user_id?: string | undefined;
}

export interface StreamLimits {
  maxReplay: number;
  maxBufferedBytes: number;
}

/**
 * One client. Resume without gap or duplicate: it subscribes to the bus first and holds live events
 * back, reads what it missed from storage, sends that, then sends the held-back events newer than
 * the last one sent, and from then on sends live.
 */
export class StreamConnection {
  alive = true;
  /** Told of each event frame handed to the socket (the hub records deliveries with it). */
  onSent?: (event: StoredEvent) => void;
  private patterns: string[];
  private live = false;
  private held: StoredEvent[] = [];
  private lastSent = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ws: WebSocket,
    readonly scope: StreamScope,
    patterns: string[],
    private readonly deps: Deps,
    bus: EventBus,
    private readonly limits: StreamLimits,
  ) {
    this.patterns = patterns;
    this.unsubscribe = bus.subscribe((events) => this.onCommitted(events));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('message', (data, isBinary) => this.onMessage(isBinary ? '' : data.toString()));
    ws.on('close', () => this.unsubscribe());
  }

  /** Replays from `since` (a position or an event id) if given, then goes live. */
  async start(since: string | undefined): Promise<void> {
    const head = await this.deps.storage.headPosition();
    let outcome: ResumeOutcome = 'none';
    let replay: StoredEvent[] = [];
    if (since !== undefined) {
      const from = await this.positionOf(since);
      if (from === undefined) {
        outcome = 'too_old';
      } else {
        const storageScope =
          this.scope.app_id !== undefined
            ? { app_id: this.scope.app_id, user_id: this.scope.user_id }
            : { user_id: this.scope.user_id! };
        replay = await this.deps.storage.eventsAfter(storageScope, from, this.limits.maxReplay + 1);
        outcome = replay.length > this.limits.maxReplay ? 'too_old' : 'complete';
        if (outcome === 'too_old') replay = [];
        else this.lastSent = from;
      }
    }
    this.deps.metrics.streamResumes.inc({ outcome });
    this.sendRaw(JSON.stringify({ control: 'ready', resume: outcome, position: head, events: this.patterns }));
    for (const event of replay) this.send(event);
    // Everything committed while replaying, once, in order.
    const held = this.held;
    this.held = [];
    this.live = true;
    for (const event of held) this.send(event);
  }

  close(code: number, reason: string): void {
    this.unsubscribe();
    this.ws.close(code, reason);
  }

  heartbeat(): void {
    if (!this.alive) {
      this.unsubscribe();
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private async positionOf(since: string): Promise<number | undefined> {
    if (/^\d+$/.test(since)) return Number(since);
    const scope = this.scope.app_id !== undefined ? { app_id: this.scope.app_id } : { user_id: this.scope.user_id! };
    return this.deps.storage.eventPosition(scope, since);
  }

  private visible(event: StoredEvent): boolean {
    if (this.scope.app_id !== undefined && event.app_id !== this.scope.app_id) return false;
    if (this.scope.user_id !== undefined && event.user_id !== this.scope.user_id) return false;
    return subscriptionMatches(this.patterns, `${event.event_category}.${event.event_type}`);
  }

  private onCommitted(events: StoredEvent[]): void {
    for (const event of events) {
      if (!this.visible(event)) continue;
      if (this.live) this.send(event);
      else this.held.push(event);
    }
  }

  private send(event: StoredEvent): void {
    if (event.position <= this.lastSent || !this.visible(event)) return;
    this.lastSent = event.position;
    this.sendRaw(eventFrame(event));
    this.onSent?.(event);
    this.deps.metrics.streamMessages.inc();
  }

  private sendRaw(frame: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    // A client that stops reading is closed rather than let its backlog grow in server memory.
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.deps.metrics.streamSlowConsumerCloses.inc();
      this.close(CLOSE.slowConsumer, `slow consumer: over ${this.limits.maxBufferedBytes} bytes unsent`);
      return;
    }
    this.ws.send(frame);
  }

  private onMessage(text: string): void {
    let message: { type?: unknown; events?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      this.sendRaw(JSON.stringify({ control: 'error', code: 'malformed_message', message: 'send JSON text frames' }));
      return;
    }
    const patterns = Array.isArray(message.events)
      ? message.events.filter((item): item is string => typeof item === 'string')
      : [];
    const invalid = patterns.find((pattern) => !PATTERN.test(pattern));
    if (invalid !== undefined) {
      this.sendRaw(
        JSON.stringify({
          control: 'error',
          code: 'invalid_pattern',
          message: `"${invalid}" is not "*", "<category>.*" or "<category>.<type>"`,
        }),
      );
      return;
    }
    if (message.type === 'subscribe') {
      this.patterns = this.patterns.includes('*') ? this.patterns : [...new Set([...this.patterns, ...patterns])];
    } else if (message.type === 'unsubscribe') {
      const removed = new Set(patterns);
      this.patterns = this.patterns.filter((pattern) => !removed.has(pattern));
    } else if (message.type === 'ping') {
      this.sendRaw(JSON.stringify({ control: 'pong' }));
      return;
    } else {
      this.sendRaw(
        JSON.stringify({
          control: 'error',
          code: 'unknown_message',
          message: 'type must be subscribe, unsubscribe or ping',
        }),
      );
      return;
    }
    this.sendRaw(JSON.stringify({ control: 'subscribed', events: this.patterns }));
  }
}

export const PATTERN = /^(\*|[a-z][a-z0-9_-]{0,63}\.(\*|[a-z][a-z0-9_-]{0,63}))$/;
