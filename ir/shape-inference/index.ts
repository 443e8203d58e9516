export { inferShapes, type InferShapesOptions, type InferShapesResult } from './infer.js';
export { SHAPE_RULES } from './rules.js';
