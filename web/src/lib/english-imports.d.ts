// The `?en` copies of the strings modules (lib/english.ts): only their English export is used.
declare module '*?en' {
  export const en: Record<string, string>;
  export const coreEn: Record<string, string>;
}
