// Be Vietnam Pro (OFL) as subsetted WOFF2 from @fontsource (issue 13 §6): the Vietnamese and Latin subsets of each
// weight, each face with its unicode-range, so a page fetches ~33 KB per weight instead of a 135 KB TTF. Latin-ext is
// left out on purpose: Vietnamese needs only these two subsets (ă đ ĩ ũ ơ ư and the tone marks are in "vietnamese");
// other letters fall back to the system font. The PDF documents keep the full TTF (src/platform/pdf/fonts.ts).
// Ranges copied from @fontsource/be-vietnam-pro/400.css (its per-subset files carry none).

import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import latin700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff2?url';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import vietnamese700 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff2?url';

const VIETNAMESE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

const faces: [url: string, weight: string, range: string][] = [
  [vietnamese400, '400', VIETNAMESE],
  [latin400, '400', LATIN],
  [vietnamese600, '600', VIETNAMESE],
  [latin600, '600', LATIN],
  [vietnamese700, '700', VIETNAMESE],
  [latin700, '700', LATIN],
];

const style = document.createElement('style');
style.textContent = faces
  .map(
    ([url, weight, range]) =>
      `@font-face{font-family:"Be Vietnam Pro";src:url(${url}) format("woff2");font-weight:${weight};font-display:swap;unicode-range:${range}}`,
  )
  .join('\n');
document.head.appendChild(style);
