import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx, readTrueFalseKey } from './docx.ts';

/** A paragraph from pieces: plain strings, or [text, 'u' | 'b'] for underlined / bold runs. */
function p(...pieces: (string | [string, 'u' | 'b'])[]): Paragraph {
  return new Paragraph({
    children: pieces.map((piece) =>
      typeof piece === 'string'
        ? new TextRun(piece)
        : new TextRun({ text: piece[0], ...(piece[1] === 'u' ? { underline: {} } : { bold: true }) }),
    ),
  });
}

function table(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [p(text)] })) }),
    ),
  });
}

/** A test paper as a Vietnamese teacher types it: header, four sections, the key tables at the end. */
async function teacherDocument(): Promise<Buffer> {
  const children = [
    p(['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'b']),
    p(['ĐỀ KIỂM TRA GIỮA HỌC KÌ I — MÔN TOÁN 10', 'b']),
    p('PHẦN I. Câu trắc nghiệm nhiều phương án lựa chọn'),
    p(['Câu 1.', 'b'], ' Thủ đô của Việt Nam là (NB)'),
    p('A. Huế\tB. ', ['Hà Nội', 'u'], '\tC. Đà Nẵng\tD. Cần Thơ'),
    p(['Câu 2.', 'b'], ' Cho tập hợp $A = \\{1; 2; 3\\}$.'),
    p('Số phần tử của A là [TH]'),
    p('A. 1'),
    p('B. 2'),
    p('C. 3'),
    p('D. 4'),
    p('Đáp án: C'),
    p(['Câu 3.', 'b'], ' Mệnh đề nào đúng?'),
    table([
      ['A. 2 là số lẻ', 'B. 3 là số chẵn'],
      ['C. 5 là số nguyên tố', 'D. 1 là số nguyên tố'],
    ]),
    p(['Câu 4.', 'b'], ' Câu không có đáp án.'),
    p('A. một\tB. hai\tC. ba\tD. bốn'),
    p('PHẦN II. Câu trắc nghiệm đúng sai'),
    p(['Câu 1.', 'b'], ' Cho hàm số $f(x) = x^2 - 4x + 3$.'),
    p(['a) Đồ thị cắt trục tung tại (0; 3).', 'b']),
    p('b) Hàm số đồng biến trên ℝ.'),
    p(['c) f(1) = 0.', 'b']),
    p('d) f có giá trị lớn nhất.'),
    p(['Câu 2.', 'b'], ' Xét các khẳng định về số 6:'),
    p('a) 6 chia hết cho 2.'),
    p('b) 6 là số nguyên tố.'),
    p('c) 6 là số hoàn hảo.'),
    p('d) 6 là số lẻ.'),
    p('Ghi chú của giáo viên: kiểm tra lại câu này'),
    p('PHẦN III. Câu trắc nghiệm trả lời ngắn'),
    p(['Câu 1.', 'b'], ' Nghiệm của phương trình 2x − 5 = 0 là'),
    p('Đáp án: 2,5'),
    p(['Câu 2.', 'b'], ' Tác giả của Truyện Kiều là ai?'),
    p('Đáp án: Nguyễn Du; Tố Như'),
    p('PHẦN IV. Tự luận'),
    p(['Câu 1.', 'b'], ' Giải phương trình x² − 5x + 6 = 0.'),
    p('Lời giải: Δ = 1, x = 2 hoặc x = 3.'),
    p(['ĐÁP ÁN', 'b']),
    p('Phần I'),
    table([
      ['Câu', '1', '2', '3', '4'],
      ['Đáp án', 'B', 'C', 'C', ''],
    ]),
    p('Phần II'),
    table([
      ['Câu', 'Đáp án'],
      ['2', 'a) Đ b) S c) Đ d) S'],
    ]),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('Word (.docx) import — the layout Vietnamese teachers type', async () => {
  const result = await readDocx('de-kiem-tra.docx', await teacherDocument());

  it('reads every question with its key: underline, "Đáp án:" line, key tables, bold statements', () => {
    expect(result.questions).toEqual([
      {
        tags: ['NB'],
        body: {
          type: 'single_choice',
          stem: 'Thủ đô của Việt Nam là',
          options: ['Huế', 'Hà Nội', 'Đà Nẵng', 'Cần Thơ'],
          correctIndex: 1,
        },
      },
      {
        tags: ['TH'],
        body: {
          type: 'single_choice',
          stem: 'Cho tập hợp $A = \\{1; 2; 3\\}$.\nSố phần tử của A là',
          options: ['1', '2', '3', '4'],
          correctIndex: 2,
        },
      },
      {
        body: {
          type: 'single_choice',
          stem: 'Mệnh đề nào đúng?',
          options: ['2 là số lẻ', '3 là số chẵn', '5 là số nguyên tố', '1 là số nguyên tố'],
          correctIndex: 2,
        },
      },
      {
        body: {
          type: 'true_false_group',
          stem: 'Cho hàm số $f(x) = x^2 - 4x + 3$.',
          statements: [
            { text: 'Đồ thị cắt trục tung tại (0; 3).', correct: true },
            { text: 'Hàm số đồng biến trên ℝ.', correct: false },
            { text: 'f(1) = 0.', correct: true },
            { text: 'f có giá trị lớn nhất.', correct: false },
          ],
        },
      },
      {
        body: {
          type: 'true_false_group',
          stem: 'Xét các khẳng định về số 6:',
          statements: [
            { text: '6 chia hết cho 2.', correct: true },
            { text: '6 là số nguyên tố.', correct: false },
            { text: '6 là số hoàn hảo.', correct: true },
            { text: '6 là số lẻ.', correct: false },
          ],
        },
      },
      {
        body: {
          type: 'short_answer',
          stem: 'Nghiệm của phương trình 2x − 5 = 0 là',
          answer: { kind: 'numeric', value: 2.5, tolerance: 0 },
        },
      },
      {
        body: {
          type: 'short_answer',
          stem: 'Tác giả của Truyện Kiều là ai?',
          answer: { kind: 'text', accepted: ['Nguyễn Du', 'Tố Như'], ignoreDiacritics: false },
        },
      },
      { body: { type: 'essay', stem: 'Giải phương trình x² − 5x + 6 = 0.', rubric: [] } },
    ]);
  });

  it('names each question and line it could not read', () => {
    expect(result.problems).toEqual([
      expect.objectContaining({
        at: 4,
        message: expect.stringMatching(/^Phần I, câu 4: không tìm thấy đáp án/),
      }),
      expect.objectContaining({
        at: 2,
        excerpt: 'Ghi chú của giáo viên: kiểm tra lại câu này',
        message: expect.stringMatching(/^Phần II, câu 2: dòng này không đọc được/),
      }),
    ]);
  });

  it('refuses a file that is not a zip with the expected type in the message', async () => {
    await expect(readDocx('bai.docx', Buffer.from('không phải docx'))).rejects.toThrow('tệp Word .docx');
  });
});

describe('đúng/sai keys as teachers write them', () => {
  it.each(['ĐSĐS', 'Đ-S-Đ-S', 'a) Đ b) S c) Đ d) S', 'Đúng, Sai, Đúng, Sai', 'D S D S'])('%s', (key) => {
    expect(readTrueFalseKey(key)).toEqual([true, false, true, false]);
  });

  it('refuses a key without exactly four answers', () => {
    expect(readTrueFalseKey('ĐSĐ')).toBeNull();
  });
});
