// Its own module so the dark tokens become a chunk loaded only when dark is in effect.
export { webDarkTheme as darkTheme } from '@fluentui/react-components';
