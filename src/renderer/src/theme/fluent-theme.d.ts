// Served by scripts/vite/fluent-theme-tokens.ts at build time: the Fluent theme cut to
// themeTokenNames, as a literal.
declare module 'virtual:fluent-theme/*' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const theme: import('./app-theme').AppTheme;
}
