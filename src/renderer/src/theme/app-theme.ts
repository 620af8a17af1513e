import type { Theme } from '@fluentui/react-components';
import type { themeTokenNames } from './theme-token-names';

/** A Fluent theme cut to the tokens the app reads: the FluentProvider writes no others. */
export type AppTheme = Pick<Theme, (typeof themeTokenNames)[number]>;
