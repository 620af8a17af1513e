import { teamsHighContrastTheme, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/tokens';
import type { Plugin } from 'vite';

/**
 * Fluent's theme tokens, cut to the ones the app uses.
 *
 * FluentProvider writes every token of its theme as a CSS custom property, and `tokens` (the
 * name → `var(--name)` map every style reads them through) is one object the bundler cannot cut
 * down: both came whole with the first screen. This plugin
 * - writes each `tokens.name` read as the string it stands for (`var(--name)`), in the app and in
 *   Fluent's packages, so the map itself is no longer needed at run time;
 * - checks, on the bundle, that every theme token any chunk reads is in `themeTokenNames` (the
 *   build fails naming the missing ones, and if the map is still reached some other way);
 * - serves `virtual:fluent-theme/light` (and `/dark`, `/high-contrast`): Fluent's theme with only
 *   those tokens, as a literal, so the code that builds the themes stays out of the app too.
 * Theming in Fluent UI React v9: https://react.fluentui.dev/?path=/docs/concepts-developer-theming--docs
 */
export function fluentThemeTokens(themeTokenNames: readonly (keyof Theme)[]): Plugin {
  const themeNames = new Set<string>(Object.keys(webLightTheme));
  return {
    name: 'fluent-theme-tokens',
    resolveId: (id) => (id.startsWith(virtualPrefix) && Object.hasOwn(themes, id.slice(virtualPrefix.length)) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${virtualPrefix}`)) return null;
      const theme = themes[id.slice(virtualPrefix.length + 1) as keyof typeof themes];
      const picked = Object.fromEntries(themeTokenNames.map((name) => [name, theme[name]]));
      return `export const theme = ${JSON.stringify(picked)};\n`;
    },
    transform(code) {
      const inlined = inlineTokenReads(code);
      return inlined === code ? null : { code: inlined, map: null };
    },
    generateBundle(_options, bundle) {
      const listed = new Set<string>(themeTokenNames);
      const missing = new Set<string>();
      const read = new Set<string>();
      const mapUsers: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(output.modules)) {
          if (tokenMapModule.test(id)) {
            mapUsers.push(id);
            continue;
          }
          for (const name of themeTokensRead(module.code ?? '', themeNames)) {
            read.add(name);
            if (!listed.has(name)) missing.add(name);
          }
        }
      }
      if (mapUsers.length > 0) {
        // Read through an alias or a computed key: which tokens it needs can't be seen.
        this.error(`Fluent's tokens map is still in the bundle (${mapUsers.join(', ')}): some module reads it other than as tokens.name`);
      }
      if (missing.size > 0) {
        this.error(`Theme tokens read by the app but missing from themeTokenNames (src/renderer/src/theme/theme-token-names.ts): ${[...missing].sort().join(', ')}`);
      }
      const unread = themeTokenNames.filter((name) => !read.has(name));
      if (unread.length > 0) this.warn(`themeTokenNames lists tokens no chunk reads any more: ${unread.join(', ')}`);
    },
  };
}

const virtualPrefix = 'virtual:fluent-theme/';
// The app's themes: the web light and dark themes, and Teams' high contrast one.
const themes = { light: webLightTheme, dark: webDarkTheme, 'high-contrast': teamsHighContrastTheme };

/** The modules that spell out every token name as `var(--name)`: being in the bundle at all means some code reads the map as a whole. */
const tokenMapModule = /\/@fluentui\/tokens\/lib\/(?:tokens|themeToTokensObject)\.js$/;

// The packages that export the map, and typographyStyles' own import of it inside @fluentui/tokens.
const fluentImport = /import\s*\{([^}]*)\}\s*from\s*["'](?:@fluentui\/(?:react-components|react-theme|tokens)|\.\.\/tokens\.js)["']/g;
const tokenRead = /(?<![\w$.])tokens\.([A-Za-z][\w$]*)/g;

/** Whether the module imports Fluent's `tokens` under that name. */
function importsTokens(code: string): boolean {
  return [...code.matchAll(fluentImport)].some((match) => match[1]!.split(',').some((specifier) => specifier.trim() === 'tokens'));
}

/** `tokens.colorNeutralForeground1` → `"var(--colorNeutralForeground1)"`, in a module that imports Fluent's `tokens`. */
export function inlineTokenReads(code: string): string {
  if (!importsTokens(code)) return code;
  const values: Record<string, string> = tokens;
  return code.replace(tokenRead, (read, name: string) => (Object.hasOwn(values, name) ? JSON.stringify(values[name]) : read));
}

/** The theme tokens a piece of code reads, as `var(--name)`. */
export function themeTokensRead(code: string, themeNames: ReadonlySet<string>): Set<string> {
  const read = new Set<string>();
  for (const match of code.matchAll(/var\(--([A-Za-z][\w]*)/g)) if (themeNames.has(match[1]!)) read.add(match[1]!);
  return read;
}
