/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvince, buildUser } from '../test/factories.ts';
import { type E2EServer, launchBrowser, logIn, logOut, newPage, PHONE } from './harness.ts';

describe('khung ứng dụng web', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerWithUsers();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function startServerWithUsers() {
    const { startServer } = await import('./harness.ts');
    const s = await startServer();
    const units = await buildProvince(s.db);
    await buildUser(s.db, {
      unit: units.schoolA,
      username: 'hieutruong',
      fullName: 'Nguyễn Thị Hạnh',
      roles: [{ role: 'principal' }],
    });
    return s;
  }

  it('sai mật khẩu hiện thông báo tiếng Việt; đúng thì vào trang tổng quan, rồi đăng xuất', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill('hieutruong');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('không đúng');
    await logIn(page, server.url, 'hieutruong');
    await page.getByText('Xin chào, Nguyễn Thị Hạnh').waitFor();
    expect(await page.getByText('Hiệu trưởng').first().isVisible()).toBe(true);
    await logOut(page);
    await context.close();
  });

  it('dùng được trên màn hình điện thoại: menu gập lại, mở bằng nút', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'hieutruong');
    const menu = page.getByRole('button', { name: 'Mở menu' });
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    await page.getByRole('link', { name: 'Tổng quan' }).waitFor({ state: 'visible' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await context.close();
  });
});
