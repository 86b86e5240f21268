export {
  managingKind,
  mergeRefusal,
  moveRefusal,
  type SchoolLevelCode,
  type UnitCategory,
  type UnitShape,
} from './reorganisation.ts';
