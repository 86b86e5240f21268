export {
  managingKind,
  mergeRefusal,
  moveRefusal,
  ROLES_ENDED_BY_MERGER,
  roleEndsWithMerger,
  type SchoolLevelCode,
  type UnitCategory,
  type UnitShape,
} from './reorganisation.ts';
