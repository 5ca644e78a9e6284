/** R1: the rotation period a new workflow gets (the core applies it too). */
export const DEFAULT_ROTATION_DAYS = 90;
