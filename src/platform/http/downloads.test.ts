import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendFile } from './downloads.ts';

describe('Content-Disposition of downloads (RFC 6266)', () => {
  it('keeps the Vietnamese name in filename* and gives old clients an unaccented ASCII fallback', () => {
    expect(contentDisposition('Học bạ Nguyễn Văn An.pdf')).toBe(
      `attachment; filename="Hoc_ba_Nguyen_Van_An.pdf"; filename*=UTF-8''${encodeURIComponent('Học bạ Nguyễn Văn An.pdf')}`,
    );
    expect(contentDisposition('Đánh giá ĐỢT 1.xlsx')).toContain('filename="Danh_gia_DOT_1.xlsx"');
  });

  it('a name typed in decomposed form (NFD) is sent composed (NFC)', () => {
    const name = 'Sổ điểm 6A1.xlsx';
    expect(contentDisposition(name.normalize('NFD'))).toBe(contentDisposition(name));
  });

  it('quotes and backslashes cannot close the ASCII parameter', () => {
    const header = contentDisposition('Lớp "6A" \\ mới.pdf');
    expect(header).toContain('filename="Lop_6A_moi.pdf"');
    expect(header).toContain("filename*=UTF-8''L%E1%BB%9Bp%20%226A%22%20%5C%20m%E1%BB%9Bi.pdf");
  });

  it('a CR/LF in the name cannot inject a header line', () => {
    const header = contentDisposition('a.pdf\r\nSet-Cookie: x=1');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a.pdf_Set-Cookie_x_1"');
    expect(header).toContain("filename*=UTF-8''a.pdf%0D%0ASet-Cookie%3A%20x%3D1");
  });

  it("percent-encodes ' ( ) * in filename*, which encodeURIComponent leaves as they are", () => {
    expect(contentDisposition("Bảng (bản 2) 'cuối'*.pdf")).toContain(
      "filename*=UTF-8''B%E1%BA%A3ng%20%28b%E1%BA%A3n%202%29%20%27cu%E1%BB%91i%27%2A.pdf",
    );
  });

  it('sendFile sends the bytes with their type, the disposition and nosniff', async () => {
    const app = Fastify();
    app.get('/file', (_req, reply) =>
      sendFile(reply, { fileName: 'Học bạ.pdf', content: Buffer.from('%PDF') }, 'application/pdf'),
    );
    const res = await app.inject({ url: '/file' });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(contentDisposition('Học bạ.pdf'));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe('%PDF');
    await app.close();
  });
});
