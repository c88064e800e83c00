export {
  BIRTH_YEARS,
  DEFAULT_MRN_PATTERN,
  isEventDateName,
  NAME_DETECTORS,
  type NameDetector,
  nameKind,
  normaliseColumnName,
  type PhiNameKind,
  type PhiValueId,
  VALUE_DETECTORS,
  type ValueDetector,
  valueDetectorsMatching,
} from './detect';
export { describeFinding, needsOwnScan, type PhiCheckConfig, phiCheck } from './phi-check';
export {
  PHI_SCAN_DEFAULTS,
  type PhiDetectorHit,
  type PhiFinding,
  PhiScanner,
  type PhiScanOptions,
} from './scanner';
