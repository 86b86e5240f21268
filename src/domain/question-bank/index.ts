export {
  COMPETENCE_LEVEL_LABELS,
  COMPETENCE_LEVELS,
  type CompetenceLevel,
  competenceLevelFromTag,
} from './levels.ts';
export { fromPointUnits, POINT_UNITS, scaleUnits, toPointUnits } from './points.ts';
export * from './scoring.ts';
