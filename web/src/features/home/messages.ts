export const home = {
  vi: {
    greeting: 'Xin chào, {{name}}',
    yourRoles: 'Vai trò của bạn',
    unitInfo: 'Thông tin đơn vị',
    level: 'Cấp học',
    grades: 'Khối lớp',
    address: 'Địa chỉ',
    currentYear: 'Năm học hiện tại',
    parent: 'Trực thuộc',
  },
  en: {
    greeting: 'Hello, {{name}}',
    yourRoles: 'Your roles',
    unitInfo: 'Unit',
    level: 'Level',
    grades: 'Grades',
    address: 'Address',
    currentYear: 'Current school year',
    parent: 'Reports to',
  },
};
