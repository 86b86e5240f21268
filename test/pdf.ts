import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF, page by page joined (tests check names with diacritics survive). */
export async function extractPdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return (await extractPdfPages(pdf)).join('\n');
}

/** The text of each page of a PDF, NFC (tests that check what every page says). */
export async function extractPdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.map((page) => page.normalize('NFC'));
}
