/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { logIn, logOut, newPage, PHONE, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

describe('khung ứng dụng web', () => {
  const suite = setUpSuite((db) => seedSchoolWithPrincipal(db, { fullName: 'Nguyễn Thị Hạnh' }));

  it('sai mật khẩu hiện thông báo tiếng Việt; đúng thì vào trang tổng quan, rồi đăng xuất', async () => {
    const { server, browser } = suite;
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
    const { server, browser } = suite;
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
