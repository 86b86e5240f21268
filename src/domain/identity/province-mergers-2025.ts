/**
 * The 34 provinces and centrally-run cities since 1 July 2025, and which pre-2025 provinces formed each one.
 *
 * Source: Nghị quyết 202/2025/QH15 (12 June 2025) on reorganising provincial-level units, as reported by the press
 * and provinces (e.g. nghean24h.vn/34-tinh-thanh-du-kien-hoat-dong-ngay-tu-ngay-172025-a753727.html,
 * sotuphap.kontum.gov.vn, znews.vn). Eleven units were not merged; 52 were merged into 23; local governments of the
 * new units started on 1 July 2025. Former provinces are given by their birth-registration codes
 * (`province-codes.ts`): ID numbers issued before the merger keep the old code for life.
 *
 * `confirmed: false` marks a grouping we saw only in the Party's plan (Nghị quyết 60-NQ/TW) or from memory, not in a
 * report of the resolution itself — check it against the resolution before relying on it.
 */
export interface ProvinceSince2025 {
  name: string;
  kind: 'city' | 'province';
  /** Birth-registration codes of the pre-2025 provinces it was formed from (itself, when not merged). */
  formedFrom: readonly string[];
  confirmed: boolean;
}

export const PROVINCES_SINCE_2025: readonly ProvinceSince2025[] = [
  // Not merged (11). Thừa Thiên Huế had already become the centrally-run city of Huế on 1 January 2025.
  { name: 'Hà Nội', kind: 'city', formedFrom: ['001'], confirmed: true },
  { name: 'Huế', kind: 'city', formedFrom: ['046'], confirmed: true },
  { name: 'Lai Châu', kind: 'province', formedFrom: ['012'], confirmed: true },
  { name: 'Điện Biên', kind: 'province', formedFrom: ['011'], confirmed: true },
  { name: 'Sơn La', kind: 'province', formedFrom: ['014'], confirmed: true },
  { name: 'Lạng Sơn', kind: 'province', formedFrom: ['020'], confirmed: true },
  { name: 'Quảng Ninh', kind: 'province', formedFrom: ['022'], confirmed: true },
  { name: 'Thanh Hóa', kind: 'province', formedFrom: ['038'], confirmed: true },
  { name: 'Nghệ An', kind: 'province', formedFrom: ['040'], confirmed: true },
  { name: 'Hà Tĩnh', kind: 'province', formedFrom: ['042'], confirmed: true },
  { name: 'Cao Bằng', kind: 'province', formedFrom: ['004'], confirmed: true },
  // Merged (23), in the order of Article 1 of the resolution.
  { name: 'Tuyên Quang', kind: 'province', formedFrom: ['002', '008'], confirmed: true },
  { name: 'Lào Cai', kind: 'province', formedFrom: ['015', '010'], confirmed: true },
  { name: 'Thái Nguyên', kind: 'province', formedFrom: ['006', '019'], confirmed: true },
  { name: 'Phú Thọ', kind: 'province', formedFrom: ['026', '017', '025'], confirmed: true },
  { name: 'Bắc Ninh', kind: 'province', formedFrom: ['024', '027'], confirmed: true },
  { name: 'Hưng Yên', kind: 'province', formedFrom: ['034', '033'], confirmed: true },
  { name: 'Hải Phòng', kind: 'city', formedFrom: ['030', '031'], confirmed: true },
  { name: 'Ninh Bình', kind: 'province', formedFrom: ['035', '036', '037'], confirmed: true },
  { name: 'Quảng Trị', kind: 'province', formedFrom: ['044', '045'], confirmed: true },
  { name: 'Đà Nẵng', kind: 'city', formedFrom: ['049', '048'], confirmed: true },
  { name: 'Quảng Ngãi', kind: 'province', formedFrom: ['062', '051'], confirmed: true },
  { name: 'Gia Lai', kind: 'province', formedFrom: ['064', '052'], confirmed: false },
  { name: 'Khánh Hòa', kind: 'province', formedFrom: ['058', '056'], confirmed: false },
  { name: 'Lâm Đồng', kind: 'province', formedFrom: ['068', '067', '060'], confirmed: true },
  { name: 'Đắk Lắk', kind: 'province', formedFrom: ['066', '054'], confirmed: true },
  { name: 'Hồ Chí Minh', kind: 'city', formedFrom: ['079', '074', '077'], confirmed: true },
  { name: 'Đồng Nai', kind: 'province', formedFrom: ['075', '070'], confirmed: true },
  { name: 'Tây Ninh', kind: 'province', formedFrom: ['072', '080'], confirmed: true },
  { name: 'Cần Thơ', kind: 'city', formedFrom: ['092', '094', '093'], confirmed: true },
  { name: 'Vĩnh Long', kind: 'province', formedFrom: ['083', '086', '084'], confirmed: true },
  { name: 'Đồng Tháp', kind: 'province', formedFrom: ['082', '087'], confirmed: true },
  { name: 'Cà Mau', kind: 'province', formedFrom: ['095', '096'], confirmed: true },
  { name: 'An Giang', kind: 'province', formedFrom: ['091', '089'], confirmed: true },
];

/** The post-2025 province that a pre-2025 birth-registration code now belongs to, or undefined for other codes. */
export function provinceSince2025(birthProvinceCode: string): ProvinceSince2025 | undefined {
  return PROVINCES_SINCE_2025.find((province) => province.formedFrom.includes(birthProvinceCode));
}
