export { categoryVariantsCheck, constantCheck, mixedTypesCheck, normalCategory } from './columns';
export { conflictingLabelsCheck } from './conflicts';
export { countRepeats, duplicatesCheck } from './duplicates';
export { labelPrevalenceCheck, sizeCheck, wilson } from './labels';
export { missingCheck } from './missing';
export { leakageCheck, parseTime, unseenCategoriesCheck } from './splits';
