// Its own module so the high-contrast tokens become a chunk loaded only when forced colors are on.
export { teamsHighContrastTheme as highContrastTheme } from '@fluentui/react-components';
