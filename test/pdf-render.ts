import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page of a PDF rendered to PNG (pdfjs-dist drawing on @napi-rs/canvas; no browser, no system packages). */
export async function renderPdfPage(
  pdf: Buffer | Uint8Array,
  pageNumber: number,
  scale = 1,
): Promise<Buffer> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}

/** The RGBA pixels of a PNG. */
async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: context.getImageData(0, 0, image.width, image.height).data,
  };
}

/**
 * The share of pixels that differ between two PNGs of the same size: a pixel differs when any channel differs by
 * more than `threshold` (0–255), which absorbs anti-aliasing noise but not a moved or changed line of text.
 * Different sizes count as entirely different.
 */
export async function pngDifference(a: Buffer, b: Buffer, threshold = 24): Promise<number> {
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differing = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((pa.data[i + c] ?? 0) - (pb.data[i + c] ?? 0)) > threshold) {
        differing++;
        break;
      }
    }
  }
  return differing / (pa.width * pa.height);
}
