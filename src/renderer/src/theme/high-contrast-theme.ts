// Its own module so the high-contrast tokens become a chunk loaded only when forced colors are on.
export { theme as highContrastTheme } from 'virtual:fluent-theme/high-contrast';
