import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disconnectReason, UNEXPECTED_DISCONNECT_REASONS } from './disconnect-reason.js';
import { CLOSE } from './protocol.js';

describe('disconnectReason', () => {
  it('names each close code by who ended the connection and why', () => {
    expect(disconnectReason(1000)).toBe('client_closed');
    expect(disconnectReason(CLOSE.goingAway)).toBe('going_away');
    expect(disconnectReason(1006)).toBe('abnormal');
    expect(disconnectReason(CLOSE.slowConsumer)).toBe('slow_consumer');
    expect(disconnectReason(CLOSE.policyViolation)).toBe('protocol_error');
    expect(disconnectReason(CLOSE.internalError)).toBe('server_error');
    // Any code a client invents lands in one series, not one each.
    expect(disconnectReason(4321)).toBe('other');
  });

  it('is the list the disconnect-spike alert counts (deploy/prometheus/alerts.yml)', () => {
    const alerts = readFileSync(new URL('../../../../../deploy/prometheus/alerts.yml', import.meta.url), 'utf8');
    const matchers = [...alerts.matchAll(/oriva_stream_disconnects_total\{[^}]*reason=~"([^"]+)"/g)].map((m) => m[1]);
    expect(matchers.length).toBeGreaterThan(0);
    for (const matcher of matchers)
      expect(matcher?.split('|').sort()).toEqual([...UNEXPECTED_DISCONNECT_REASONS].sort());
  });
});
