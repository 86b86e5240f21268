import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PortableQuestion, questionBody } from '#contracts/questions.ts';
import { readGift, writeGift } from './gift.ts';
import { readMoodleXml, writeMoodleXml } from './moodle-xml.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/moodle/${name}`, import.meta.url), 'utf8');

/** A bank holding every type, with the characters each format must escape and a LaTeX formula. */
const BANK: PortableQuestion[] = [
  {
    name: 'Hàm số bậc nhất',
    category: 'Toán 10/Hàm số',
    tags: ['NB', 'Toán 10'],
    body: {
      type: 'single_choice',
      stem: 'Hàm số $y = \\frac{1}{2}x + 1$ có hệ số góc là: {a} = ?\nChọn một: A#B~C',
      options: ['$\\frac{1}{2}$', '1', '2', '-1'],
      correctIndex: 0,
    },
  },
  {
    category: 'Toán 10/Hàm số',
    body: {
      type: 'true_false_group',
      stem: 'Cho hàm số $f(x) = x^2 - 4x + 3$. Xét tính đúng sai của các khẳng định:',
      statements: [
        { text: 'Đồ thị cắt trục tung tại điểm (0; 3).', correct: true },
        { text: 'Hàm số đồng biến trên $(-\\infty; 2)$.', correct: false },
        { text: 'Giá trị nhỏ nhất của hàm số là -1.', correct: true },
        { text: 'Phương trình f(x) = 0 có hai nghiệm âm.', correct: false },
      ],
    },
  },
  {
    category: 'Vật lí 11',
    body: {
      type: 'short_answer',
      stem: 'Gia tốc rơi tự do (m/s²), làm tròn một chữ số thập phân?',
      answer: { kind: 'numeric', value: 9.8, tolerance: 0.05 },
    },
  },
  {
    category: 'Ngữ văn 9',
    tags: ['Hiểu'],
    body: {
      type: 'short_answer',
      stem: 'Tác giả của "Truyện Kiều"?',
      answer: { kind: 'text', accepted: ['Nguyễn Du', 'Tố Như'], ignoreDiacritics: false },
    },
  },
  {
    category: 'Lịch sử 8',
    body: {
      type: 'matching',
      stem: 'Nối sự kiện với năm:',
      pairs: [
        { left: 'Cách mạng tháng Tám', right: '1945' },
        { left: 'Chiến thắng Điện Biên Phủ', right: '1954' },
      ],
      distractors: ['1930'],
    },
  },
  {
    category: 'Ngữ văn 9',
    body: { type: 'essay', stem: 'Phân tích khổ thơ đầu bài "Đồng chí".', rubric: [] },
  },
];

describe('GIFT — Moodle’s published example file', () => {
  const result = readGift(fixture('questions.gift.txt'));

  it('imports every question the bank can hold, with Moodle’s names', () => {
    expect(result.questions.map((question) => [question.name, question.body.type])).toEqual([
      ['Q8', 'essay'],
      ['Moodle activities', 'matching'],
      ['Q2', 'single_choice'],
      ['Q5', 'short_answer'],
      ['Shortanswer', 'short_answer'],
      ['Q1', 'single_choice'],
      ['2-08 TSL', 'single_choice'],
      ['2-08 TSL', 'single_choice'],
    ]);
  });

  it('reads HTML, the key, ranges, distractors and true/false as the file means them', () => {
    const [, activities, colours, range, short, truth] = result.questions.map((question) => question.body);
    expect(activities).toMatchObject({
      stem: 'Match the activity to the description.',
      distractors: ['Chat'],
      pairs: expect.arrayContaining([
        { left: 'An activity supporting asynchronous discussions.', right: 'Forum' },
      ]),
    });
    expect(colours).toMatchObject({ options: ['yellow', 'red', 'blue'], correctIndex: 0 });
    expect(range).toMatchObject({ answer: { kind: 'numeric', value: 3, tolerance: 2 } });
    expect(short).toMatchObject({ answer: { kind: 'text', accepted: ['Frog'] } });
    expect(truth).toMatchObject({ options: ['Đúng', 'Sai'], correctIndex: 1 });
  });

  it('says which block it could not take and why, by line', () => {
    expect(result.problems).toEqual([
      expect.objectContaining({ at: 22, message: expect.stringContaining('nhiều đáp án đúng') }),
      expect.objectContaining({ at: 34, message: expect.stringContaining('tính điểm một phần') }),
    ]);
  });

  it('every imported question is valid for the bank', () => {
    for (const question of result.questions) expect(questionBody.safeParse(question.body).success).toBe(true);
  });
});

describe('Moodle XML — Moodle’s published example file', () => {
  const result = readMoodleXml(fixture('nested_categories_with_questions.xml'));

  it('imports the questions under their nested categories', () => {
    expect(result.problems).toEqual([]);
    expect(
      result.questions.map((question) => [question.name, question.category, question.body.type]),
    ).toEqual([
      ['Iota Question', 'Iota', 'single_choice'],
      ['Kappa Essay Question', 'Iota/Kappa', 'essay'],
      ['Kappa Question', 'Iota/Kappa', 'single_choice'],
      ['Lambda Question', 'Iota/Kappa/Lambda', 'single_choice'],
      ['Mu Question', 'Iota/Mu', 'single_choice'],
    ]);
    expect(result.questions[0]?.body).toEqual({
      type: 'single_choice',
      stem: 'Testing Iota Question',
      options: ['Đúng', 'Sai'],
      correctIndex: 0,
    });
  });

  it('refuses a DOCTYPE (entity bombs) and malformed XML with a message, without throwing', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><quiz>&b;</quiz>';
    expect(readMoodleXml(bomb)).toEqual({
      questions: [],
      problems: [expect.objectContaining({ message: expect.stringContaining('DOCTYPE') })],
    });
    expect(readMoodleXml('<quiz><question type="essay"><name>').problems[0]?.message).toContain(
      'không phải XML hợp lệ',
    );
  });

  it('reports types the bank does not hold, by number', () => {
    const cloze =
      '<quiz><question type="cloze"><name><text>Cloze</text></name><questiontext><text>x</text></questiontext></question></quiz>';
    expect(readMoodleXml(cloze).problems).toEqual([
      { at: 1, excerpt: 'Cloze', message: 'Loại câu hỏi "cloze" chưa được hỗ trợ.' },
    ]);
  });
});

describe('round trips: import → export → import gives the same bank', () => {
  it.each([
    ['GIFT', writeGift, readGift],
    ['Moodle XML', writeMoodleXml, readMoodleXml],
  ] as const)(
    '%s keeps every type, escaped characters, formulas, categories and tags',
    (_name, write, read) => {
      const back = read(write(BANK));
      expect(back.problems).toEqual([]);
      expect(back.questions).toEqual(BANK);
    },
  );

  it('a Moodle example file survives GIFT → bank → GIFT → bank and XML → bank → XML → bank unchanged', () => {
    const fromGift = readGift(fixture('questions.gift.txt')).questions;
    expect(readGift(writeGift(fromGift)).questions).toEqual(fromGift);
    const fromXml = readMoodleXml(fixture('nested_categories_with_questions.xml')).questions;
    expect(readMoodleXml(writeMoodleXml(fromXml)).questions).toEqual(fromXml);
  });

  it('the essay rubric survives Moodle XML (in the grader information)', () => {
    const essay: PortableQuestion = {
      body: {
        type: 'essay',
        stem: 'Viết đoạn văn.',
        rubric: [
          { criterion: 'Bố cục', points: 1.5 },
          { criterion: 'Nội dung', points: 2 },
        ],
      },
    };
    expect(readMoodleXml(writeMoodleXml([essay])).questions).toEqual([essay]);
  });
});
