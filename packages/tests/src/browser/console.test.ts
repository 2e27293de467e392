/**
 * The console (/console) in a real Chromium, against the real server and real webhook receivers: open a
 * portal link at phone width, find the failing endpoint first, read an attempt's request and response,
 * count a recover window (dry run) and retry the delivery until it succeeds. Screenshots land in
 * packages/tests/test-artifacts/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Oriva } from '@oriva/sdk';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../../console/scripts/build.js';
import { launchChromium } from './chromium.test-support.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const WAIT_MS = 10_000;
/** Where the docs' screenshots live; refreshed only when ORIVA_UPDATE_SCREENSHOTS=1, as the inbox's are. */
const DOCS_IMAGES = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

/** A full-page screenshot into the artifacts, copied over the docs' image of the same name on request. */
async function screenshot(page: Page, name: string, docsImage?: string): Promise<void> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  if (docsImage && process.env.ORIVA_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_IMAGES, { recursive: true });
    copyFileSync(path, join(DOCS_IMAGES, docsImage));
  }
}
/** Markup a receiver answers: the console must show it as text and run none of it. */
const HOSTILE_BODY = '<b>upstream exploded</b><img src=x onerror="alert(1)">';

interface Receiver {
  url: string;
  received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  /** Whether it answers 500 (with {@link HOSTILE_BODY}) or 200. */
  failing: boolean;
  close(): Promise<void>;
}

async function startReceiver(failing: boolean): Promise<Receiver> {
  const receiver = { received: [], failing } as unknown as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (receiver.failing) {
        res.writeHead(500, { 'content-type': 'text/html', 'x-receiver': 'broken-build-42' });
        res.end(HOSTILE_BODY);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in time: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let browser: Browser;
let server: TestServer;
let app: Oriva;
let healthy: Receiver;
let broken: Receiver;
let brokenWebhookId: string;
let eventId: string;

describe('the console in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildConsole();
    browser = await launchChromium();
    server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
    app = new Oriva({ apiKey: await server.createApp('work-buddy'), appId: 'work-buddy', baseUrl: server.url });
    healthy = await startReceiver(false);
    broken = await startReceiver(true);
    await app.webhooks.create({ webhook_url: healthy.url, subscribed_events: ['*'], description: 'Analytics' });
    const created = await app.webhooks.create({
      webhook_url: broken.url,
      subscribed_events: ['task.*'],
      description: 'Billing',
      max_retries: 0,
    });
    brokenWebhookId = created.webhook_id;
    const published = await app.events.publish({
      event_category: 'task',
      event_type: 'completed',
      entity_type: 'task',
      entity_id: 'task_7',
      user_id: 'user_456',
      event_data: { title: 'Ship the console' },
    });
    eventId = published.event_id;
    await until(
      async () => (await app.webhooks.deliveries.list(brokenWebhookId)).data,
      (list) => list[0]?.status === 'failed',
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await healthy?.close();
    await broken?.close();
  });

  it('opens a portal link at 390 px, finds the failing endpoint, reads the attempt, and retries it', async () => {
    const { url } = await app.portalSessions.create({ expires_in_seconds: 600 });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);

    // The token left the address bar (and so the history) as soon as the page read it.
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(page.url()).toBe(`${server.url}/console`);
    await page.getByRole('tab', { name: 'Webhooks' }).click();

    // Failing first.
    const cards = page.locator('article[data-webhook-id]');
    await expect.poll(() => cards.count(), { timeout: WAIT_MS }).toBe(2);
    await expect.poll(() => cards.first().getAttribute('data-health'), { timeout: WAIT_MS }).toBe('failing');
    expect(await cards.first().getAttribute('data-webhook-id')).toBe(brokenWebhookId);
    await page.screenshot({ path: join(ARTIFACTS, 'console-webhooks-390.png'), fullPage: true });

    await cards.first().getByRole('button', { name: 'Deliveries' }).click();
    const delivery = page.locator('details[data-delivery-id]').first();
    await delivery.waitFor();
    expect(await delivery.getAttribute('data-status')).toBe('failed');
    await delivery.locator('summary').click();

    // The request: the shared headers and the payload exactly as sent; no signing secret anywhere.
    const request = delivery.getByRole('region', { name: 'Request' });
    const deliveryId = (await delivery.getAttribute('data-delivery-id')) as string;
    await expect.poll(() => request.locator('table').textContent()).toContain(deliveryId);
    const payload = JSON.parse((await request.locator('pre.json').textContent()) ?? '') as Record<string, unknown>;
    expect(payload).toEqual(JSON.parse(broken.received[0]!.body));
    expect(payload.id).toBe(eventId);

    // The response: status, headers and the body, as text.
    const attempt = delivery.locator('li[data-attempt="1"]');
    expect(await attempt.locator('h4').textContent()).toContain('Attempt 1: 500');
    const response = attempt.getByRole('region', { name: 'Response to attempt 1' });
    expect(await response.locator('table').textContent()).toContain('broken-build-42');
    expect(await response.locator('pre.body').textContent()).toBe(HOSTILE_BODY);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/whsec_/);

    // Nothing overflows a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'console-delivery-390.png'), fullPage: true });

    // Recover: the dry run counts the one failed delivery first.
    await page.getByText('Recover failed deliveries in a time window').click();
    await page.getByRole('button', { name: 'Count failed deliveries' }).click();
    await page.getByText('1 failed delivery in this window.').waitFor();

    // The receiver is fixed; retry the delivery and watch it succeed.
    broken.failing = false;
    await delivery.getByRole('button', { name: 'Retry now' }).click();
    await until(
      async () => (await app.webhooks.deliveries.list(brokenWebhookId)).data,
      (list) => list[0]?.status === 'succeeded',
    );
    await page.getByRole('button', { name: 'Refresh' }).last().click();
    await expect
      .poll(() => page.locator('details[data-delivery-id]').first().getAttribute('data-status'), { timeout: WAIT_MS })
      .toBe('succeeded');
    expect(broken.received).toHaveLength(2);

    // Edit the endpoint: the card shows what was saved.
    await page.getByText('Edit this endpoint').click();
    await page.getByLabel('Description').fill('Billing (EU)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('article[data-webhook-id]').getByText('Billing (EU)').waitFor();
    expect((await app.webhooks.retrieve(brokenWebhookId)).webhook.description).toBe('Billing (EU)');
    expect(broken.received[1]!.headers['webhook-id']).toBe(deliveryId);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('refuses an expired link with a note, and the operator sees every app', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, colorScheme: 'dark' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const expired = `ops_${Buffer.from(JSON.stringify({ app: 'work-buddy', sid: 'x', exp: 1 })).toString('base64url')}.x`;
    await page.goto(`${server.url}/console#token=${expired}`);
    await page.getByText('This console link has expired').waitFor();

    // Dev mode: the admin token signs in as the operator, who opens any app.
    await page.getByLabel('API key or admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr[data-app-id="work-buddy"]').waitFor();
    await page.getByRole('button', { name: 'work-buddy' }).click();
    // The operator's app view starts at the same Overview, its charts in the dark theme's colours.
    await page.locator('figure[data-chart="latency"] path.line').first().waitFor({ state: 'attached' });
    const line = await page.evaluate(
      () => getComputedStyle(document.querySelector('figure[data-chart="events"] path.line') as Element).stroke,
    );
    expect(line).toBe('rgb(165, 180, 252)');
    await screenshot(page, 'console-overview-dark');
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.locator('article[data-webhook-id]').first().waitFor();
    // The section tabs take the arrow keys.
    await page.getByRole('tab', { name: 'Webhooks' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected')).toBe('true');
    const event = page.locator(`details[data-event-id="${eventId}"]`);
    await event.locator('summary').click();
    const shown = JSON.parse((await event.locator('pre.json').textContent()) ?? '') as {
      id: string;
      event_data: object;
    };
    expect(shown).toMatchObject({ id: eventId, event_data: { title: 'Ship the console' } });
    // Dark when the system is.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 18, 22)');
    await page.screenshot({ path: join(ARTIFACTS, 'console-events-dark.png'), fullPage: true });
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.locator('tr[data-key-id]').first().waitFor();
    await context.close();
  });

  it('draws the overview from the stats, redraws it after more traffic, replays an event, and counts engagement', async () => {
    await Promise.all(
      ['Water the plants', 'Stand up'].map((title, index) =>
        app.notifications.create({
          external_id: `console_${index}`,
          user_id: 'user_456',
          notification_type: 'reminder',
          title,
          body: '',
        }),
      ),
    );
    // The app records what its users did: one read, one dismissed (so both seen, one acted on).
    await app.notifications.markRead('console_0');
    await app.notifications.dismiss('console_1');
    const { url } = await app.portalSessions.create({ expires_in_seconds: 600 });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    // A chart that broke the CSP (an inline style, another origin) would show here as an error.
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);

    // Failing endpoints first: the one that failed in this hour, above the charts.
    const failingRow = page.locator('table.failing tbody tr').first();
    await failingRow.waitFor();
    expect(await failingRow.getAttribute('data-webhook-id')).toBe(brokenWebhookId);
    expect(await page.locator('tr[data-metric="webhook_success_rate"]').count()).toBe(1);

    const events = page.locator('figure[data-chart="events"]');
    const eventsLine = events.locator('path.line:not(.points)');
    const totalOf = async (chart: string) =>
      Number(
        /^([\d,]+)/
          .exec((await page.locator(`figure[data-chart="${chart}"] .chart-summary`).textContent()) ?? '')?.[1]
          ?.replace(/,/g, ''),
      );
    const attemptsOf = async () =>
      Number(
        /of ([\d,]+) attempts/
          .exec((await page.locator('figure[data-chart="success"] .chart-summary').textContent()) ?? '')?.[1]
          ?.replace(/,/g, ''),
      );
    const eventsBefore = await totalOf('events');
    const attemptsBefore = await attemptsOf();
    const lineBefore = await eventsLine.getAttribute('d');
    expect(eventsBefore).toBeGreaterThanOrEqual(1);
    expect(lineBefore).toMatch(/^M/);

    // The figures as a table, for screen readers: one row per minute of the hour.
    await events.getByText('Events per minute as a table').click();
    const minuteRows = await events.locator('tbody tr').count();
    expect(minuteRows).toBeGreaterThanOrEqual(60);
    expect(minuteRows).toBeLessThanOrEqual(61);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'console-overview-390', 'console-overview.png');

    // More traffic: five events, each delivered to the catch-all receiver; the refreshed charts show them.
    const receivedBefore = healthy.received.length;
    for (let index = 0; index < 5; index += 1) {
      await app.events.publish({
        event_category: 'task',
        event_type: 'created',
        entity_type: 'task',
        entity_id: `task_more_${index}`,
        user_id: 'user_456',
      });
    }
    await until(
      async () => healthy.received.length,
      (length) => length >= receivedBefore + 5,
    );
    await page.getByRole('button', { name: 'Refresh stats' }).click();
    await expect.poll(() => totalOf('events'), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(eventsBefore + 5);
    await expect.poll(() => attemptsOf(), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(attemptsBefore + 5);
    expect(await eventsLine.getAttribute('d')).not.toBe(lineBefore);

    // Replay the first event to the billing endpoint: a new delivery, followed until the receiver answers.
    await page.getByRole('tab', { name: 'Events' }).click();
    const event = page.locator(`details[data-event-id="${eventId}"]`);
    await event.locator('summary').click();
    const replayedBefore = broken.received.length;
    await event.getByLabel('Replay to').selectOption(brokenWebhookId);
    await event.getByRole('button', { name: 'Replay' }).click();
    const replayed = event.locator('.replayed[data-status="succeeded"]');
    await replayed.waitFor();
    const replayId = (await replayed.getAttribute('data-delivery-id')) as string;
    expect(broken.received).toHaveLength(replayedBefore + 1);
    expect(broken.received.at(-1)!.headers['webhook-id']).toBe(replayId);
    expect(JSON.parse(broken.received.at(-1)!.body)).toMatchObject({ id: eventId });
    await screenshot(page, 'console-replay-390', 'console-replay.png');

    // Engagement by notification type.
    await page.getByRole('tab', { name: 'Notifications' }).click();
    const reminders = page.locator('tr[data-notification-type="reminder"]');
    await reminders.waitFor();
    const stage = (name: string) => reminders.locator(`td[data-stage="${name}"]`).textContent();
    expect(await stage('created')).toBe('2');
    expect(await stage('seen')).toBe('2');
    expect(await stage('read')).toBe('1');
    expect(await stage('dismissed')).toBe('1');
    expect(await stage('clicked')).toBe('0');
    expect(await reminders.locator('td[data-rate="viewed"]').textContent()).toBe('100%');
    expect(await reminders.locator('td[data-rate="acted"]').textContent()).toBe('50%');
    await screenshot(page, 'console-notifications-390');
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("gives the operator every app's traffic, webhook health, stream connections and the success metrics", async () => {
    // One stream open while the operator looks: the figure is the rollup's, not a guess.
    const stream = app.stream();
    await stream.ready();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${server.url}/console`);
    await page.getByLabel('API key or admin token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const row = page.locator('tr[data-app-id="work-buddy"]');
    await row.waitFor();
    expect(Number(await row.locator('td[data-figure="events-per-minute"]').textContent())).toBeGreaterThan(0);
    expect(await page.locator(`table.failing tr[data-webhook-id="${brokenWebhookId}"]`).count()).toBe(1);
    expect(await page.locator('table.targets tbody tr').count()).toBe(5);
    expect(await page.locator('figure[data-chart]').count()).toBe(3);
    expect(await page.locator('dd[data-figure="stream"]').textContent()).toMatch(
      /^1 at most at once, [1-9]\d* opened$/,
    );
    await screenshot(page, 'console-operator', 'console-operator.png');
    stream.close();
    await context.close();
  });
});
