/** The console's clock: now, for countdowns. One place, so a page renders with one instant. */
export const now = (): Date => new Date();
