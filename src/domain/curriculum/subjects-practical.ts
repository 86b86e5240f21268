import {
  ARTS_SPLIT,
  BASIC,
  ELECTIVE_70,
  LOWER_SECONDARY,
  offer,
  PRIMARY,
  UPPER_SECONDARY,
  UPPER_TABLE_NOT_SEEN,
} from './offerings.ts';
import type { Subject } from './subject.ts';

/**
 * Technology, informatics, physical education, arts, defence, the compulsory activities and the optional subjects.
 * Sources: see `subjects.ts`.
 */
export const PRACTICAL_SUBJECTS: readonly Subject[] = [
  // Technology and informatics.
  {
    code: 'informatics-technology',
    name: 'Tin học và Công nghệ',
    shortName: 'TH&CN',
    grades: offer([3, 4, 5], 'compulsory', 70),
    primaryTests: { endOfTermGrades: [3, 4, 5], midTermGrades: [] },
    confirmed: true,
  },
  {
    code: 'technology',
    name: 'Công nghệ',
    shortName: 'Công nghệ',
    grades: {
      ...offer([6, 7], 'compulsory', 35),
      ...offer([8, 9], 'compulsory', 52),
      ...offer(UPPER_SECONDARY, 'elective', 70, ELECTIVE_70),
    },
    assessment: 'score',
    confirmed: true,
  },
  {
    code: 'informatics',
    name: 'Tin học',
    shortName: 'Tin học',
    grades: {
      ...offer(LOWER_SECONDARY, 'compulsory', 35),
      ...offer(UPPER_SECONDARY, 'elective', 70, ELECTIVE_70),
    },
    assessment: 'score',
    confirmed: true,
  },
  // Physical education, arts, defence.
  {
    code: 'physical-education',
    name: 'Giáo dục thể chất',
    shortName: 'GDTC',
    grades: {
      ...offer(BASIC, 'compulsory', 70),
      ...offer(UPPER_SECONDARY, 'compulsory', 70, UPPER_TABLE_NOT_SEEN),
    },
    assessment: 'comment',
    primaryTests: { endOfTermGrades: [], midTermGrades: [] },
    confirmed: true,
  },
  {
    code: 'arts-music',
    name: 'Âm nhạc',
    shortName: 'Âm nhạc',
    grades: {
      ...offer(BASIC, 'compulsory', 35, ARTS_SPLIT),
      ...offer(UPPER_SECONDARY, 'elective', 70, ELECTIVE_70),
    },
    assessment: 'comment',
    primaryTests: { endOfTermGrades: [], midTermGrades: [] },
    partOf: { name: 'Nghệ thuật', grades: BASIC },
    confirmed: true,
  },
  {
    code: 'arts-fine-arts',
    name: 'Mĩ thuật',
    shortName: 'Mĩ thuật',
    grades: {
      ...offer(BASIC, 'compulsory', 35, ARTS_SPLIT),
      ...offer(UPPER_SECONDARY, 'elective', 70, ELECTIVE_70),
    },
    assessment: 'comment',
    primaryTests: { endOfTermGrades: [], midTermGrades: [] },
    partOf: { name: 'Nghệ thuật', grades: BASIC },
    confirmed: true,
  },
  {
    code: 'national-defence',
    name: 'Giáo dục quốc phòng và an ninh',
    shortName: 'GDQP&AN',
    grades: offer(UPPER_SECONDARY, 'compulsory', 35),
    assessment: 'score',
    note: 'Scored: TT 22/2021 Điều 5 does not list it among the comment-only subjects.',
    confirmed: true,
  },
  // Compulsory educational activities.
  {
    code: 'experiential-activities',
    name: 'Hoạt động trải nghiệm, hướng nghiệp',
    shortName: 'HĐTN-HN',
    nameByLevel: { primary: { name: 'Hoạt động trải nghiệm', shortName: 'HĐTN' } },
    grades: {
      ...offer(BASIC, 'compulsory', 105),
      ...offer(UPPER_SECONDARY, 'compulsory', 105, UPPER_TABLE_NOT_SEEN),
    },
    assessment: 'comment',
    primaryTests: { endOfTermGrades: [], midTermGrades: [] },
    confirmed: true,
  },
  {
    code: 'local-education',
    name: 'Nội dung giáo dục của địa phương',
    shortName: 'GDĐP',
    // In primary local content is integrated into other subjects and activities, not a subject of its own.
    grades: {
      ...offer(LOWER_SECONDARY, 'compulsory', 35),
      ...offer(UPPER_SECONDARY, 'compulsory', 35, UPPER_TABLE_NOT_SEEN),
    },
    assessment: 'comment',
    confirmed: true,
  },
  // Optional subjects (môn học tự chọn).
  {
    code: 'ethnic-minority-language',
    name: 'Tiếng dân tộc thiểu số',
    shortName: 'Tiếng DTTS',
    grades: {
      ...offer(PRIMARY, 'optional', 70),
      ...offer(LOWER_SECONDARY, 'optional', 105),
      ...offer(UPPER_SECONDARY, 'optional', 105, UPPER_TABLE_NOT_SEEN),
    },
    assessment: 'score',
    primaryTests: { endOfTermGrades: [], midTermGrades: [] },
    note: 'Periodic tests in primary: TT 27 Điều 7 names compulsory subjects only; how optional subjects are tested was not checked.',
    confirmed: false,
  },
  {
    code: 'foreign-language-2',
    name: 'Ngoại ngữ 2',
    shortName: 'NN2',
    grades: {
      ...offer(LOWER_SECONDARY, 'optional', 105),
      ...offer(UPPER_SECONDARY, 'optional', 105, UPPER_TABLE_NOT_SEEN),
    },
    assessment: 'score',
    confirmed: true,
  },
];
