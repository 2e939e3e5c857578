// UI strings of the team screens. Bahasa Indonesia is the source; English mirrors every key.
export const id = {
};
export const en: Record<keyof typeof id, string> = {
};
