import { type Catalogue, type CatalogueInput, publishableCatalogue } from '../assessment-catalogue/index.ts';
import { halfAndFullBands, metricEvidence, PROVISIONAL_BANDS_NOTE } from './catalogue-helpers.ts';
import { DX_GROUP_LEVEL_THRESHOLDS, DX_LEVEL_LABELS } from './levels.ts';

/**
 * National default office catalogue: Quyết định 3806/QĐ-BGDĐT (December 2024), "Bộ chỉ số đánh giá mức độ chuyển
 * đổi số đối với sở giáo dục và đào tạo, phòng giáo dục và đào tạo".
 *
 * Confirmed from news reports of the decision (https://chatluongvacuocsong.vn/ban-hanh-bo-chi-so-danh-gia-muc-do-chuyen-doi-so-doi-voi-co-co-giao-duc-d137451.html,
 * https://truyenhinhthanhhoa.vn/cong-khai-muc-do-chuyen-doi-so-cua-cac-co-so-giao-duc-180241208105143523.htm):
 * two groups, "công tác lãnh đạo, chỉ đạo, điều hành" and "kết quả chuyển đổi số ở cơ sở giáo dục"; the results
 * of the schools managed are part of the office's assessment; the office is graded "theo thang điểm tối đa là
 * 100 điểm" at the same three levels (chưa đáp ứng / đáp ứng cơ bản / đáp ứng tốt).
 *
 * Not found: the criteria table. Because the reports give one 100-point scale for the office (where QĐ 4725
 * says "tổng điểm của mỗi nhóm"), this catalogue grades the sum of both groups (`total_score`) with the 4725
 * thresholds, and splits the 100 points 50/50. The split, the criteria, their points and bands are our proposal,
 * all `to_verify`, for a province to replace by import once the official table is at hand.
 */

const PROPOSED_NOTE =
  'Nội dung đề xuất theo cấu trúc đã công bố của Quyết định 3806; chưa có bảng tiêu chí gốc để đối chiếu.';

const leadershipGroup: CatalogueInput['groups'][number] = {
  id: 'I',
  title: 'Chuyển đổi số trong công tác lãnh đạo, chỉ đạo, điều hành',
  maxPoints: 50,
  note: 'Tên nhóm đã đối chiếu; điểm tối đa 50 là đề xuất.',
  items: [
    {
      kind: 'mandatory',
      id: 'I.1',
      title: 'Có kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số hằng năm của cơ quan quản lý giáo dục',
      evidence: [{ kind: 'file', label: 'Kế hoạch chuyển đổi số' }],
      status: 'to_verify',
      note: PROPOSED_NOTE,
    },
    {
      kind: 'scored',
      id: 'I.2',
      title:
        'Ban hành văn bản chỉ đạo, hướng dẫn các cơ sở giáo dục triển khai và tự đánh giá mức độ chuyển đổi số',
      maxPoints: 15,
      evidence: [{ kind: 'file' }, { kind: 'link' }],
      status: 'to_verify',
      note: PROPOSED_NOTE,
    },
    {
      kind: 'scored',
      id: 'I.3',
      title:
        'Tổ chức đánh giá ngoài, công nhận và công khai mức độ chuyển đổi số của các cơ sở giáo dục trực thuộc',
      maxPoints: 15,
      ratioBands: halfAndFullBands(15),
      metricId: 'managed_schools_assessed_share',
      evidence: [
        metricEvidence('managed_schools_assessed_share'),
        { kind: 'file', label: 'Quyết định công nhận' },
      ],
      status: 'to_verify',
      note: `${PROPOSED_NOTE} ${PROVISIONAL_BANDS_NOTE}`,
    },
    {
      kind: 'scored',
      id: 'I.4',
      title: 'Bồi dưỡng năng lực số cho cán bộ quản lý, giáo viên',
      maxPoints: 10,
      evidence: [{ kind: 'file' }],
      status: 'to_verify',
      note: PROPOSED_NOTE,
    },
    {
      kind: 'scored',
      id: 'I.5',
      title:
        'Ứng dụng công nghệ thông tin trong quản lý, điều hành của cơ quan (văn bản điện tử, chữ ký số, dịch vụ công trực tuyến)',
      maxPoints: 10,
      evidence: [{ kind: 'link' }, { kind: 'file' }],
      status: 'to_verify',
      note: PROPOSED_NOTE,
    },
  ],
};

const schoolResultsGroup: CatalogueInput['groups'][number] = {
  id: 'II',
  title: 'Kết quả chuyển đổi số ở các cơ sở giáo dục thuộc phạm vi quản lý',
  maxPoints: 50,
  note: 'Tên nhóm đã đối chiếu; điểm tối đa 50 là đề xuất. Các tiêu chí tính từ kết quả đã công nhận của các trường.',
  items: [
    {
      kind: 'scored',
      id: 'II.1',
      title: 'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận từ Mức 2 trở lên',
      maxPoints: 30,
      ratioBands: halfAndFullBands(30),
      metricId: 'managed_schools_level_share',
      evidence: [metricEvidence('managed_schools_level_share')],
      status: 'to_verify',
      note: `${PROPOSED_NOTE} ${PROVISIONAL_BANDS_NOTE}`,
    },
    {
      kind: 'scored',
      id: 'II.2',
      title: 'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận Mức 3',
      maxPoints: 20,
      ratioBands: halfAndFullBands(20),
      metricId: 'managed_schools_level_3_share',
      evidence: [metricEvidence('managed_schools_level_3_share')],
      status: 'to_verify',
      note: `${PROPOSED_NOTE} ${PROVISIONAL_BANDS_NOTE}`,
    },
  ],
};

export const NATIONAL_3806_INPUT: CatalogueInput = {
  code: 'dx-office-national-3806',
  version: '2024-12.r1',
  title: 'Bộ chỉ số đánh giá mức độ chuyển đổi số đối với sở giáo dục và đào tạo, phòng giáo dục và đào tạo',
  subjectKind: 'office',
  source: 'Quyết định 3806/QĐ-BGDĐT (tháng 12/2024) của Bộ trưởng Bộ Giáo dục và Đào tạo',
  // Printed on every page until the decision's own table replaces the proposed criteria.
  draftNotice:
    'Dự thảo: các tiêu chí, điểm và thang quy đổi là đề xuất theo cấu trúc đã công bố của Quyết định 3806/QĐ-BGDĐT, chưa phải bảng tiêu chí của Quyết định; kết quả chỉ có giá trị tham khảo cho đến khi nhập bảng tiêu chí gốc.',
  levelLabels: DX_LEVEL_LABELS,
  settings: {
    combineRule: 'total_score',
    capGroupOnUnmetMandatory: true,
    unitLevelThresholds: DX_GROUP_LEVEL_THRESHOLDS,
  },
  groups: [leadershipGroup, schoolResultsGroup],
};

export const NATIONAL_OFFICE_CATALOGUE_3806: Catalogue = publishableCatalogue(NATIONAL_3806_INPUT);
