/**
 * Pure drift statistics, each matching a scipy/numpy computation (see test/fixtures/drift-stats and
 * scripts/fixtures/make_drift_stats_fixture.py). No I/O; inputs are counts or NaN-free numeric samples.
 */
export {
  type CategoryCounts,
  categoryCounts,
  equalWidthEdges,
  histogramCounts,
  quantileBinCounts,
  quantileLinear,
  referenceQuantileEdges,
} from './binning';
export { type ChiSquareResult, chiSquareHomogeneity } from './chi-square';
export {
  type BinnedJensenShannonResult,
  JS_DEFAULT_BINS,
  jensenShannonBinned,
  jensenShannonDistance,
} from './jensen-shannon';
export { type AdjustedPValues, benjaminiHochbergAdjust, holmAdjust } from './multiple-testing';
export {
  type NumericPsiResult,
  PSI_DEFAULT_BINS,
  PSI_EPSILON,
  populationStabilityIndex,
  psiNumeric,
} from './psi';
export { chiSquareSf, erfc, gammaP, gammaQ, logGamma, normalSf } from './special';
export {
  type NormedWassersteinResult,
  normedWassersteinDistance,
  populationStd,
  WASSERSTEIN_MIN_STD,
  wassersteinDistance,
} from './wasserstein';
export { type TwoProportionZResult, twoProportionZTest } from './z-test';
