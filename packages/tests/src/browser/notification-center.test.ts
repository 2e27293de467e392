/**
 * The notification center (/inbox) in a real Chromium, against the real server: live updates from
 * the stream, actions reaching other pages and the owning app's webhook, mutes, a server restart,
 * and hostile text. Screenshots land in packages/tests/test-artifacts/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Oriva } from '@oriva/sdk';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkBuddy } from '../../../../examples/work-buddy/src/app.js';
import { buildNotificationCenter } from '../../../notification-center/scripts/build.js';
import { launchChromium } from './chromium.test-support.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../../../docs/images/notification-center.png', import.meta.url));
/** Every wait is bounded well under the test's own timeout. */
const WAIT_MS = 10_000;
/** Work Buddy's icon, answered inside the browser: the test never reaches the network. */
const WORK_BUDDY_ICON = 'https://icons.example/work-buddy.svg';
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80"><rect width="80" height="80" rx="16" fill="#6d28d9"/><circle cx="40" cy="40" r="20" fill="none" stroke="#fff" stroke-width="8"/><circle cx="40" cy="40" r="6" fill="#fbbf24"/></svg>';

let browser: Browser;
let server: TestServer;
let workBuddy: Oriva;
let workBuddyKey: string;
let hugo: Oriva;
const contexts: BrowserContext[] = [];

interface OpenedPage {
  page: Page;
  /** Messages of every alert/confirm/prompt the page tried to show. */
  dialogs: string[];
}

/** Opens /inbox signed in as `userId` (dev mode: `?user=` mints a token) and waits for the live stream. */
async function openInbox(
  baseUrl: string,
  userId: string,
  viewport = { width: 1100, height: 760 },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  await context.route('https://icons.example/**', (route) =>
    route.fulfill({ body: ICON_SVG, contentType: 'image/svg+xml' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${baseUrl}/inbox?user=${encodeURIComponent(userId)}`);
  await waitLive(page);
  return { page, dialogs };
}

async function waitLive(page: Page): Promise<void> {
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: WAIT_MS });
}

const item = (page: Page, title: string) => page.locator('li[data-notification-id]', { hasText: title });

async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function appClient(baseUrl: string, apiKey: string, appId: string): Oriva {
  return new Oriva({ apiKey, appId, baseUrl, maxRetries: 0 });
}

let sequence = 0;
function notify(app: Oriva, userId: string, fields: { title: string } & Record<string, unknown>) {
  sequence += 1;
  return app.notifications.create({
    external_id: `nc_${sequence}_${Date.now()}`,
    user_id: userId,
    notification_type: 'reminder',
    body: '',
    ...fields,
  });
}

/**
 * Writes while the page's server is down: another server on the same data directory but another
 * port (so the page cannot reach it) creates the notifications, then stops.
 */
async function createWhileDown(
  dataDir: string,
  env: Record<string, string>,
  apiKey: string,
  appId: string,
  userId: string,
  titles: string[],
): Promise<void> {
  const side = await startTestServer(env, { dataDir });
  try {
    const app = appClient(side.url, apiKey, appId);
    for (const title of titles) await notify(app, userId, { title });
  } finally {
    await side.close();
  }
}

describe('the notification center in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildNotificationCenter();
    browser = await launchChromium();
    server = await startTestServer();
    workBuddyKey = await server.createApp('work-buddy', 'Work Buddy');
    const iconSet = await server.request('/api/v1/apps/work-buddy', {
      method: 'PATCH',
      token: server.adminToken,
      json: { icon_url: WORK_BUDDY_ICON },
    });
    expect(iconSet.status).toBe(200);
    workBuddy = appClient(server.url, workBuddyKey, 'work-buddy');
    hugo = appClient(server.url, await server.createApp('hugo', 'Hugo'), 'hugo');
  }, 30_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('signs in with the dev user picker and shows the empty state', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${server.url}/inbox`);
    const field = page.getByLabel('User id');
    expect(await field.inputValue()).toBe('user_456');
    await field.fill('user_picker');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitLive(page);
    await page.getByText("You're all caught up.").waitFor();
    expect(await page.locator('.user strong').textContent()).toBe('user_picker');
    // The user is remembered for the picker's list.
    expect(await page.evaluate(() => localStorage.getItem('oriva.inbox.recent-users'))).toContain('user_picker');
  });

  it('signs in with a pasted JWT, and sends an expired one back to the sign-in form', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('button', { name: 'Paste a token instead' }).click();
    await page.getByLabel('User token (JWT)').fill(await server.userToken('user_jwt', -3600));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your session expired' }).waitFor();

    await page.getByRole('button', { name: 'Paste a token instead' }).click();
    await page.getByLabel('User token (JWT)').fill(await server.userToken('user_jwt'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitLive(page);
    expect(await page.locator('.user strong').textContent()).toBe('user_jwt');
  });

  it('shows notifications from two apps as they are created, without a reload', async () => {
    const { page } = await openInbox(server.url, 'user_live');
    await page.getByText("You're all caught up.").waitFor();

    await notify(workBuddy, 'user_live', {
      title: 'Session starting in 10 minutes',
      body: 'Your session with Sarah starts soon',
      priority: 'high',
      action_url: 'workbuddy://session/789',
      action_label: 'View Session',
    });
    await notify(hugo, 'user_live', { title: 'Hugo finished your summary', body: 'Three key points from today.' });
    for (const title of ['Digest ready: Monday', 'Digest ready: Tuesday', 'Digest ready: Wednesday']) {
      await notify(hugo, 'user_live', { title, notification_type: 'digest', group_key: 'digest', priority: 'low' });
    }

    await item(page, 'Session starting in 10 minutes').waitFor();
    await item(page, 'Hugo finished your summary').waitFor();
    const digest = item(page, 'Digest ready: Wednesday');
    await digest.waitFor();
    expect(await digest.textContent()).toContain('3 notifications in this group');
    expect(await page.locator('li[data-notification-id]').count()).toBe(3);
    expect(await item(page, 'Session starting in 10 minutes').locator('.app').textContent()).toBe('Work Buddy');
    expect(await item(page, 'Hugo finished your summary').locator('.app').textContent()).toBe('Hugo');
    await page.waitForFunction(
      () => document.querySelector('#unread-badge')?.getAttribute('data-count') === '5',
      null,
      {
        timeout: WAIT_MS,
      },
    );
    expect(await page.locator('#announcer').textContent()).toMatch(/^New notification from /);
    // Grouped, the cards add up to the badge: the digest card counts its group's three unread.
    expect(await digest.getAttribute('data-unread')).toBe('3');
    expect(await digest.locator('.group-unread').textContent()).toBe('3 unread');
    const shown = await page
      .locator('.feed > .list > li[data-notification-id]')
      .evaluateAll((cards) => cards.reduce((sum, card) => sum + Number(card.getAttribute('data-unread')), 0));
    expect(shown).toBe(5);
    // Work Buddy's own icon; Hugo has none, so its initial on Hugo's own colour.
    const session = item(page, 'Session starting in 10 minutes');
    await page.waitForFunction(
      () => (document.querySelector('li[data-app-id="work-buddy"] .icon img') as HTMLImageElement | null)?.complete,
      null,
      { timeout: WAIT_MS },
    );
    expect(await session.locator('.icon img').getAttribute('src')).toBe(WORK_BUDDY_ICON);
    expect(await session.locator('.icon img').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(80);
    const hugoColour = await item(page, 'Hugo finished your summary')
      .locator('.icon.initial')
      .getAttribute('data-colour');
    expect(hugoColour).toMatch(/^hsl\(/);
    expect(await item(page, 'Hugo finished your summary').locator('.icon.initial').textContent()).toBe('H');
    // High priority stands out, and a card has one primary action, the rest quieter.
    expect(await session.locator('.priority.high').textContent()).toBe('high');
    expect(await session.locator('.actions button.primary').allTextContents()).toEqual(['View Session']);
    expect(await session.locator('.actions button.quiet').count()).toBe(2);

    const path = await screenshot(page, 'notification-center');
    // The README's picture is refreshed on request only, so a test run never leaves the checkout modified.
    if (process.env.ORIVA_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      copyFileSync(path, DOCS_SCREENSHOT);
    }

    // A collapsed group opens to show the rest, and closes again.
    const toggle = digest.getByRole('button', { name: /^Show the 2 earlier in this group/ });
    await toggle.click();
    await digest.locator('.members li', { hasText: 'Digest ready: Monday' }).waitFor();
    expect(await digest.locator('.members li').count()).toBe(2);
    await screenshot(page, 'group-expanded');
    await digest.getByRole('button', { name: /^Hide the 2 earlier/ }).click();
    await digest.locator('.members').waitFor({ state: 'detached' });
  });

  it('a dismissal on one page vanishes from another and reaches Work Buddy as a verified notification.dismissed', async () => {
    // The example app: creates notifications through the SDK, and verifies every webhook it receives.
    const buddy = await startWorkBuddy({ orivaBaseUrl: server.url, apiKey: workBuddyKey });
    try {
      const remind = (taskId: string, title: string) =>
        fetch(`${buddy.url}/tasks/${taskId}/remind`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user_id: 'user_two_pages', external_id: `wb_two_pages_${taskId}`, title }),
        });
      expect((await remind('plan', 'Review the quarterly plan')).status).toBe(201);
      expect((await remind('standup', 'Standup moved to 10:30')).status).toBe(201);

      const first = await openInbox(server.url, 'user_two_pages');
      const second = await openInbox(server.url, 'user_two_pages');
      await item(second.page, 'Review the quarterly plan').waitFor();

      await first.page.getByRole('button', { name: 'Dismiss: Review the quarterly plan' }).click();
      await item(first.page, 'Review the quarterly plan').waitFor({ state: 'detached' });
      // The other page learns of it from the stream.
      await item(second.page, 'Review the quarterly plan').waitFor({ state: 'detached' });
      expect(await item(second.page, 'Standup moved to 10:30').count()).toBe(1);
      await screenshot(second.page, 'dismissed-on-another-page');

      const delivered = await buddy.waitForEvent(
        (event) => event.event_type === 'notification.dismissed' && event.entity_id === 'wb_two_pages_plan',
        WAIT_MS,
      );
      expect(delivered).toMatchObject({
        event_category: 'notification',
        app_id: 'work-buddy',
        user_id: 'user_two_pages',
      });
      expect(delivered.event_data).toMatchObject({
        status: 'dismissed',
        dismissed_from: 'oriva_core',
        changed_by: 'user',
      });
      expect(buddy.notifications.get('wb_two_pages_plan')?.status).toBe('dismissed');
      expect(buddy.notifications.get('wb_two_pages_standup')?.status).toBe('unread');
    } finally {
      await buddy.close();
    }
  });

  it("follows the app's own changes (update, read, delete) and records a click that opens the action", async () => {
    const { notification_id } = await notify(workBuddy, 'user_app_side', {
      title: 'Draft title',
      action_url: 'https://workbuddy.example/session/42',
      action_label: 'Open session',
    });
    const other = await notify(workBuddy, 'user_app_side', { title: 'Read me elsewhere' });
    const doomed = await notify(workBuddy, 'user_app_side', { title: 'About to be deleted' });
    const { page } = await openInbox(server.url, 'user_app_side');
    await item(page, 'About to be deleted').waitFor();

    await workBuddy.notifications.update(notification_id, { title: 'Final title' });
    await item(page, 'Final title').waitFor();
    await workBuddy.notifications.update(other.notification_id, { status: 'read' });
    await page.locator(`li[data-notification-id="${other.notification_id}"][data-status="read"]`).waitFor();
    await workBuddy.notifications.delete(doomed.notification_id);
    await item(page, 'About to be deleted').waitFor({ state: 'detached' });

    // Only https and app deep links open; the popup is answered locally, never from the network.
    await page.context().route('https://workbuddy.example/**', (route) => route.fulfill({ body: 'session' }));
    const [popup] = await Promise.all([
      page.context().waitForEvent('page', { timeout: WAIT_MS }),
      page.getByRole('button', { name: 'Open session' }).click(),
    ]);
    expect(popup.url()).toBe('https://workbuddy.example/session/42');
    await page.locator(`li[data-notification-id="${notification_id}"][data-status="clicked"]`).waitFor();
    const { notification } = await workBuddy.notifications.retrieve(notification_id);
    expect(notification.status).toBe('clicked');
  });

  it('works from the keyboard: focus moves to the next card after a dismissal, or the previous when it was the last', async () => {
    await notify(hugo, 'user_keyboard', { title: 'Oldest one' });
    await notify(hugo, 'user_keyboard', { title: 'Middle one' });
    await notify(hugo, 'user_keyboard', { title: 'Newest one' });
    const { page } = await openInbox(server.url, 'user_keyboard');
    await item(page, 'Oldest one').waitFor();
    const focusedCard = (title: string) =>
      page.waitForFunction(
        (expected) =>
          document.activeElement?.closest('li[data-notification-id]')?.querySelector('h3')?.textContent === expected,
        title,
        { timeout: WAIT_MS },
      );

    await page.getByRole('button', { name: 'Dismiss: Middle one' }).focus();
    await page.keyboard.press('Enter');
    await item(page, 'Middle one').waitFor({ state: 'detached' });
    await focusedCard('Oldest one');
    expect(await page.locator('#announcer').textContent()).toBe('Dismissed: Middle one');

    // The last card leaves: focus goes up to the one before it.
    await page.getByRole('button', { name: 'Dismiss: Oldest one' }).focus();
    await page.keyboard.press('Enter');
    await item(page, 'Oldest one').waitFor({ state: 'detached' });
    await focusedCard('Newest one');
  });

  it('undo brings a dismissed notification back as it was, and the server never hears of that dismissal', async () => {
    const kept = await notify(workBuddy, 'user_undo', { title: 'Undo me' });
    const gone = await notify(workBuddy, 'user_undo', { title: 'Dismiss me for real' });
    const { page } = await openInbox(server.url, 'user_undo');
    await item(page, 'Undo me').waitFor();
    // Read first: undo must bring it back read, which the API's "restore" (to unread) could not.
    await page.getByRole('button', { name: 'Mark read: Undo me' }).click();
    await page.locator(`li[data-notification-id="${kept.notification_id}"][data-status="read"]`).waitFor();

    await page.getByRole('button', { name: 'Dismiss: Undo me' }).click();
    await item(page, 'Undo me').waitFor({ state: 'detached' });
    await page.locator('#undo-toast').waitFor();
    await screenshot(page, 'undo-toast');
    await page.getByRole('button', { name: 'Undo dismiss: Undo me' }).click();
    await page.locator(`li[data-notification-id="${kept.notification_id}"][data-status="read"]`).waitFor();
    await page.locator('#undo-toast').waitFor({ state: 'detached' });
    // Focus returns to the card that came back.
    await page.waitForFunction(
      (id) => document.activeElement?.closest('li[data-notification-id]')?.getAttribute('data-notification-id') === id,
      kept.notification_id,
      { timeout: WAIT_MS },
    );

    // A dismissal left alone is sent once its window has passed; the undone one, started earlier, never was.
    await page.getByRole('button', { name: 'Dismiss: Dismiss me for real' }).click();
    await expect
      .poll(async () => (await workBuddy.notifications.retrieve(gone.notification_id)).notification.status, {
        timeout: WAIT_MS,
      })
      .toBe('dismissed');
    expect((await workBuddy.notifications.retrieve(kept.notification_id)).notification.status).toBe('read');
    expect(await item(page, 'Undo me').count()).toBe(1);
  });

  it('loads more beyond the first 100, after the cursor, and moves focus to the first new one', async () => {
    for (let index = 1; index <= 103; index++) {
      await notify(hugo, 'user_many', { title: `Item ${String(index).padStart(3, '0')}` });
    }
    const { page } = await openInbox(server.url, 'user_many');
    await item(page, 'Item 103').waitFor();
    const cards = page.locator('.feed > .list > li[data-notification-id]');
    expect(await cards.count()).toBe(100);
    expect(await item(page, 'Item 003').count()).toBe(0);

    await page.getByRole('button', { name: 'Load more' }).click();
    await item(page, 'Item 001').waitFor();
    expect(await cards.count()).toBe(103);
    await page.waitForFunction(
      () =>
        document.activeElement?.closest('li[data-notification-id]')?.querySelector('h3')?.textContent === 'Item 003',
      null,
      { timeout: WAIT_MS },
    );
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // A live refresh keeps both pages.
    await notify(hugo, 'user_many', { title: 'Item 104' });
    await item(page, 'Item 104').waitFor();
    expect(await cards.count()).toBe(104);
    expect(await item(page, 'Item 001').count()).toBe(1);
  }, 60_000);

  it('on a 390 × 844 phone the first card starts within the top 250 px, and no button wraps', async () => {
    await notify(hugo, 'user_phone', { title: 'Hugo finished your summary', body: 'Three key points from today.' });
    await notify(workBuddy, 'user_phone', {
      title: 'Payment failed: update your card',
      body: 'Your subscription could not be renewed.',
      priority: 'urgent',
      action_url: 'https://workbuddy.example/billing',
      action_label: 'Update card',
    });
    const { page } = await openInbox(server.url, 'user_phone', { width: 390, height: 844 });
    const first = page.locator('.feed > .list > li[data-notification-id]').first();
    await first.waitFor();
    const title = await first.locator('h3').boundingBox();
    expect(title).not.toBeNull();
    expect(title!.y + title!.height).toBeLessThanOrEqual(250);
    // Urgent stands out: its own border colour, not the unread one.
    expect(await first.getAttribute('data-priority')).toBe('urgent');
    const border = (locator: typeof first) => locator.evaluate((card) => getComputedStyle(card).borderLeftColor);
    expect(await border(first)).not.toBe(await border(item(page, 'Hugo finished your summary')));

    const wrapped = await page.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((button) => button.getClientRects().length > 0)
        .filter((button) => {
          const range = document.createRange();
          range.selectNodeContents(button);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return lines.size > 1;
        })
        .map((button) => button.textContent),
    );
    expect(wrapped).toEqual([]);
    // The app list folds away on a phone, one tap from the mutes.
    await page.getByText('Apps', { exact: true }).click();
    await page.getByRole('button', { name: 'Mute Hugo' }).waitFor();
    await screenshot(page, 'phone');
  });

  it('mark all read clears the badge', async () => {
    await notify(workBuddy, 'user_read_all', { title: 'First unread' });
    await notify(hugo, 'user_read_all', { title: 'Second unread' });
    const { page } = await openInbox(server.url, 'user_read_all');
    const badge = page.locator('#unread-badge');
    await page.waitForFunction(
      () => document.querySelector('#unread-badge')?.getAttribute('data-count') === '2',
      null,
      {
        timeout: WAIT_MS,
      },
    );
    expect(await badge.isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await badge.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelectorAll('li[data-status="unread"]').length === 0, null, {
      timeout: WAIT_MS,
    });
    // Still hidden once the feed is fetched again from the server.
    await page.reload();
    await waitLive(page);
    await item(page, 'First unread').waitFor();
    expect(await badge.isHidden()).toBe(true);
    expect(await item(page, 'First unread').getAttribute('data-status')).toBe('read');
  });

  it('muting an app hides its notifications, and unmuting brings them back', async () => {
    await notify(workBuddy, 'user_mute', { title: 'Work Buddy keeps talking' });
    await notify(hugo, 'user_mute', { title: 'Hugo has news' });
    const { page } = await openInbox(server.url, 'user_mute');
    await item(page, 'Hugo has news').waitFor();

    await page.getByRole('button', { name: 'Mute Hugo' }).click();
    await item(page, 'Hugo has news').waitFor({ state: 'detached' });
    expect(await item(page, 'Work Buddy keeps talking').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Unmute Hugo' }).getAttribute('aria-pressed')).toBe('true');
    // A new notification from the muted app stays hidden too.
    await notify(hugo, 'user_mute', { title: 'Hugo again' });
    await notify(workBuddy, 'user_mute', { title: 'Work Buddy after the mute' });
    await item(page, 'Work Buddy after the mute').waitFor();
    expect(await item(page, 'Hugo again').count()).toBe(0);
    await screenshot(page, 'muted-app');

    await page.getByRole('button', { name: 'Unmute Hugo' }).click();
    await item(page, 'Hugo again').waitFor();
  });

  it('reconnects after a server restart and shows a notification created meanwhile', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-inbox-restart-'));
    let first: TestServer | undefined = await startTestServer({}, { dataDir });
    let second: TestServer | undefined;
    try {
      const apiKey = await first.createApp('work-buddy', 'Work Buddy');
      await notify(appClient(first.url, apiKey, 'work-buddy'), 'user_restart', { title: 'Before the restart' });
      const { page } = await openInbox(first.url, 'user_restart');
      await item(page, 'Before the restart').waitFor();

      const port = first.port;
      await first.close();
      first = undefined;
      await page.locator('#connection:not([data-state="live"])').waitFor();

      await createWhileDown(dataDir, {}, apiKey, 'work-buddy', 'user_restart', ['Sent while you were away']);
      second = await startTestServer({ ORIVA_PORT: String(port) }, { dataDir });

      await item(page, 'Sent while you were away').waitFor({ timeout: 15_000 });
      await waitLive(page);
      // The stream resumed after its last position: the missed event was replayed, not refetched.
      expect(await page.locator('#connection').getAttribute('data-resume')).toBe('complete');
      expect(await item(page, 'Before the restart').count()).toBe(1);
      await screenshot(page, 'after-restart');
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 45_000);

  it('refetches the feed when the server cannot replay everything missed (too_old)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-inbox-too-old-'));
    // Replays at most one missed event: a reconnect after several resumes with `too_old`.
    const env = { ORIVA_STREAM_MAX_REPLAY: '1' };
    let first: TestServer | undefined = await startTestServer(env, { dataDir });
    let second: TestServer | undefined;
    try {
      const apiKey = await first.createApp('hugo', 'Hugo');
      const { page } = await openInbox(first.url, 'user_too_old');
      await page.getByText("You're all caught up.").waitFor();
      const port = first.port;
      await first.close();
      first = undefined;
      await page.locator('#connection:not([data-state="live"])').waitFor();

      await createWhileDown(dataDir, env, apiKey, 'hugo', 'user_too_old', ['Missed one', 'Missed two', 'Missed three']);
      second = await startTestServer({ ...env, ORIVA_PORT: String(port) }, { dataDir });

      for (const title of ['Missed one', 'Missed two', 'Missed three']) {
        await item(page, title).waitFor({ timeout: 15_000 });
      }
      await waitLive(page);
      expect(await page.locator('#connection').getAttribute('data-resume')).toBe('too_old');
    } finally {
      await first?.close();
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 45_000);

  it('renders hostile text as literal text and runs none of it', async () => {
    const title = '<img src=x onerror=alert(1)>';
    const body = '<script>alert(2)</script> & <b>bold</b>';
    const { page, dialogs } = await openInbox(server.url, 'user_hostile');
    await notify(workBuddy, 'user_hostile', { title, body });

    const hostile = page.locator('li[data-notification-id]').first();
    await hostile.waitFor();
    expect(await hostile.locator('h3').textContent()).toBe(title);
    expect(await hostile.locator('.body').textContent()).toBe(body);
    expect(await page.locator('.list img[src="x"], .list script, .list b').count()).toBe(0);
    // The announcement of the new notification is text too.
    expect(await page.locator('#announcer').textContent()).toContain(title);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile-text');
  });
});
