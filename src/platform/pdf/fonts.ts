import { createRequire } from 'node:module';
import path from 'node:path';

// Be Vietnam Pro (SIL OFL) as TTF from an npm package: full Vietnamese coverage, embedded (subset) in every PDF.
const require = createRequire(import.meta.url);
const fontRoot = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));

export const PDF_FONTS = {
  regular: path.join(fontRoot, '400Regular/BeVietnamPro_400Regular.ttf'),
  italic: path.join(fontRoot, '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf'),
  bold: path.join(fontRoot, '700Bold/BeVietnamPro_700Bold.ttf'),
  boldItalic: path.join(fontRoot, '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf'),
} as const;

export type PdfFont = keyof typeof PDF_FONTS;
