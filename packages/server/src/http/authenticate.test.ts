import type { RouteConfig } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import { describe, expect, it } from 'vitest';
import { authorize } from './authenticate.js';
import type { Deps } from './context.js';

// Building the guard reads only the route's declaration; no request, so no dependencies are used.
const noDeps = {} as Deps;

describe('authorization from the contract', () => {
  it('builds a guard for every contract route from its security schemes', () => {
    for (const route of Object.values(routes)) expect(() => authorize(route, noDeps)).not.toThrow();
  });

  it('refuses, at start, a security scheme the contract does not define (never an open route)', () => {
    const route = { ...routes.getApp, security: [{ ApiKey: [] }] } as RouteConfig;
    expect(() => authorize(route, noDeps)).toThrow(/Unknown security scheme "ApiKey"/);
  });
});
