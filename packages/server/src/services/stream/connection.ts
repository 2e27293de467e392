import type { StreamClientMessage, StreamPongFrame, StreamReadyFrame, StreamSubscribedFrame } from '@oriva/contract';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Principal } from '../../auth/principal.js';
import type { StreamHubDeps } from '../../core/deps.js';
import type { StoredEvent } from '../../storage/types.js';
import type { EventBus } from './bus.js';
import { readClientMessage } from './client-messages.js';
import { CLOSE, eventFrame, MAX_CONSECUTIVE_PROTOCOL_ERRORS, type ResumeOutcome } from './protocol.js';
import { isVisible } from './visibility.js';

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
 *
 * A fault in one connection stays in it: every entry point (a frame from the client, a broadcast, the
 * heartbeat, the start) runs guarded, and a throw closes this connection with 1011 and is logged. It
 * never reaches the process, nor the bus loop that serves the other clients.
 */
export class StreamConnection {
  alive = true;
  /** Told of each event frame handed to the socket (the hub records deliveries with it). */
  onSent?: (event: StoredEvent) => void;
  private patterns: string[];
  private live = false;
  private held: StoredEvent[] = [];
  private lastSent = 0;
  private protocolErrors = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ws: WebSocket,
    readonly scope: StreamScope,
    patterns: string[],
    private readonly deps: StreamHubDeps,
    bus: EventBus,
    private readonly limits: StreamLimits,
    /** Carries the connection's request id, principal, app and user on every line. */
    private readonly log: Logger,
  ) {
    this.patterns = patterns;
    this.unsubscribe = bus.subscribe((events) => this.guarded('broadcast', () => this.onCommitted(events)));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('message', (data, isBinary) => this.guarded('message', () => this.onFrame(data, isBinary)));
    // ws reports a client's protocol faults (a frame over maxPayload, invalid UTF-8) here, then closes
    // with the matching code; an 'error' without a listener would throw out of the socket.
    ws.on('error', (error) => this.log.info({ err: error }, 'stream client protocol error'));
    ws.on('close', () => this.unsubscribe());
  }

  /** Replays from `since` (a position or an event id) if given, then goes live; a failure closes with 1011. */
  async start(since: string | undefined): Promise<void> {
    try {
      await this.replayThenGoLive(since);
    } catch (error) {
      this.fail('start', error);
    }
  }

  private async replayThenGoLive(since: string | undefined): Promise<void> {
    const head = await this.deps.storage.events.head();
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
        replay = await this.deps.storage.events.after(storageScope, from, this.limits.maxReplay + 1);
        outcome = replay.length > this.limits.maxReplay ? 'too_old' : 'complete';
        if (outcome === 'too_old') replay = [];
        else this.lastSent = from;
      }
    }
    this.deps.metrics.streamResumes.inc({ outcome });
    this.sendRaw(
      JSON.stringify({
        control: 'ready',
        resume: outcome,
        position: head,
        events: this.patterns,
      } satisfies StreamReadyFrame),
    );
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
    this.guarded('heartbeat', () => {
      if (!this.alive) {
        this.unsubscribe();
        this.ws.terminate();
        return;
      }
      this.alive = false;
      this.ws.ping();
    });
  }

  private guarded(what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.fail(what, error);
    }
  }

  private fail(what: string, error: unknown): void {
    this.log.error({ err: error }, `stream ${what} failed; closing the connection`);
    this.unsubscribe();
    try {
      this.ws.close(CLOSE.internalError, 'internal error');
    } catch {
      // Not even a close frame could be sent: drop the socket.
      this.ws.terminate();
    }
  }

  private async positionOf(since: string): Promise<number | undefined> {
    if (/^\d+$/.test(since)) return Number(since);
    const scope = this.scope.app_id !== undefined ? { app_id: this.scope.app_id } : { user_id: this.scope.user_id! };
    return this.deps.storage.events.positionOf(scope, since);
  }

  private visible(event: StoredEvent): boolean {
    return isVisible(this.scope, this.patterns, event);
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

  private onFrame(data: RawData, isBinary: boolean): void {
    // Frames already on the wire when this side closed still arrive; nothing answers them.
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (isBinary) {
      this.ws.close(CLOSE.unsupportedData, 'send JSON text frames, not binary');
      return;
    }
    const read = readClientMessage(data.toString());
    if (!read.ok) {
      this.protocolErrors++;
      if (this.protocolErrors >= MAX_CONSECUTIVE_PROTOCOL_ERRORS) {
        this.ws.close(CLOSE.policyViolation, `${MAX_CONSECUTIVE_PROTOCOL_ERRORS} invalid messages in a row`);
        return;
      }
      this.sendRaw(JSON.stringify(read.error));
      return;
    }
    this.protocolErrors = 0;
    this.onMessage(read.message);
  }

  private onMessage(message: StreamClientMessage): void {
    switch (message.type) {
      case 'ping':
        this.sendRaw(JSON.stringify({ control: 'pong' } satisfies StreamPongFrame));
        return;
      case 'subscribe':
        if (!this.patterns.includes('*')) this.patterns = [...new Set([...this.patterns, ...message.events])];
        break;
      case 'unsubscribe': {
        const removed = new Set(message.events);
        this.patterns = this.patterns.filter((pattern) => !removed.has(pattern));
        break;
      }
    }
    this.sendRaw(JSON.stringify({ control: 'subscribed', events: this.patterns } satisfies StreamSubscribedFrame));
  }
}
