// Its own module so the dark tokens become a chunk loaded only when dark is in effect.
export { theme as darkTheme } from 'virtual:fluent-theme/dark';
