// Kept only for web/src/features/students/labels.tsx, which still imports this path; removed by the
// contracts/helpers branches. Server code imports src/domain/calendar/dates.ts.
export { schoolYearOfDate, todayInVietnam, vietnameseDate } from '../../domain/calendar/dates.ts';
