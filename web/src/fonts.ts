// Be Vietnam Pro (OFL), shipped as TTF in an npm package: full Vietnamese glyph coverage, no CDN needed offline.

import regular from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import semiBold from '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf?url';
import bold from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';

const faces: [string, string][] = [
  [regular, '400'],
  [semiBold, '600'],
  [bold, '700'],
];

const style = document.createElement('style');
style.textContent = faces
  .map(
    ([url, weight]) =>
      `@font-face{font-family:"Be Vietnam Pro";src:url(${url}) format("truetype");font-weight:${weight};font-display:swap}`,
  )
  .join('\n');
document.head.appendChild(style);
