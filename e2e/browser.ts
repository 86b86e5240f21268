import { type Browser, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../test/factories.ts';

// What the E2E suite and scripts/axe-pages.ts share (no vitest here: the script runs outside it).

/** Debian's chromium, with the flags this closed network needs (no background connections). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1366, height: 800 } } as const;

/** Logs in through the login form, as a user would. */
export async function logIn(page: Page, baseUrl: string, login: string, password = TEST_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}
