import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Every demo account has this password (printed by `npm start`; never use the demo data in production). */
export const DEMO_PASSWORD = 'truongso-demo';

/** The demo accounts, one per role, in the order `npm start` prints them. */
export const DEMO_LOGINS = [
  { username: 'admin', role: 'Quản trị hệ thống (Bộ GD&ĐT)' },
  { username: 'so.admin', role: 'Quản trị Sở GD&ĐT' },
  { username: 'so.chuyenvien', role: 'Chuyên viên Sở GD&ĐT' },
  { username: 'phong.chuyenvien', role: 'Chuyên viên Phòng GD&ĐT Bình Minh' },
  { username: 'hieutruong', role: 'Hiệu trưởng THCS Lê Quý Đôn' },
  { username: 'phohieutruong', role: 'Phó hiệu trưởng' },
  { username: 'cntt', role: 'Cán bộ CNTT / thống kê' },
  { username: 'totruong', role: 'Tổ trưởng tổ Khoa học tự nhiên' },
  { username: 'giaovien', role: 'Giáo viên, chủ nhiệm lớp 6A1' },
  { username: 'hieutruong.tieuhoc', role: 'Hiệu trưởng Tiểu học Kim Đồng' },
  { username: 'giaovien.tieuhoc', role: 'GV chủ nhiệm, Tiểu học Kim Đồng' },
  { username: 'nhanvien', role: 'Nhân viên văn thư' },
  { username: 'phuhuynh', role: 'Cha mẹ học sinh (hai con)' },
  { username: 'hocsinh', role: 'Học sinh lớp 8A2' },
] as const;

/** The demo accounts that exist in this database (none once an administrator removed or renamed them). */
export async function demoLogins(db: Kysely<DB>): Promise<{ role: string; username: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where(
      'username',
      'in',
      DEMO_LOGINS.map((l) => l.username),
    )
    .where('is_active', '=', true)
    .execute();
  const present = new Set(rows.map((r) => r.username));
  return DEMO_LOGINS.filter((l) => present.has(l.username)).map((l) => ({
    role: l.role,
    username: l.username,
  }));
}

/** Whether the database holds any unit at all (a fresh install has none and gets the demo data). */
export async function hasAnyUnit(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
