import { webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { inlineTokenReads, themeTokensRead } from '../../scripts/vite/fluent-theme-tokens';

const themeNames = new Set(Object.keys(webLightTheme));

describe('inlineTokenReads', () => {
  it("writes each tokens.name read as the var() string Fluent's map holds for it", () => {
    const code = [
      'import { Button, tokens } from "@fluentui/react-components";',
      'const style = { gap: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, z: tokens.zIndexPopup };',
    ].join('\n');
    expect(inlineTokenReads(code)).toContain(
      'const style = { gap: "var(--spacingHorizontalM)", border: `1px solid ${"var(--colorNeutralStroke2)"}`, z: "var(--zIndexPopup, 2000)" };',
    );
  });

  it("covers Fluent's own packages, and typographyStyles' import inside @fluentui/tokens", () => {
    expect(inlineTokenReads("import { tokens } from '@fluentui/react-theme';\nx(tokens.strokeWidthThin);")).toContain('x("var(--strokeWidthThin)");');
    expect(inlineTokenReads('import { tokens } from "../tokens.js";\nconst t = { fontFamily: tokens.fontFamilyBase };')).toContain(
      'fontFamily: "var(--fontFamilyBase)"',
    );
  });

  it('leaves code alone that does not import the map by that name, and names the map lacks', () => {
    const local = 'const tokens = placement.split("-");\nuse(tokens.length);';
    expect(inlineTokenReads(local)).toBe(local);
    const aliased = 'import { tokens as t } from "@fluentui/react-components";\nuse(t.colorNeutralStroke2, tokens.colorNeutralStroke2);';
    expect(inlineTokenReads(aliased)).toBe(aliased);
    const unknown = 'import { tokens } from "@fluentui/react-components";\nuse(tokens.notAToken, other.tokens.colorNeutralStroke2);';
    expect(inlineTokenReads(unknown)).toBe(unknown);
  });
});

describe('themeTokensRead', () => {
  it("finds the theme tokens read as var(--name), whole names only, and nothing that isn't a theme token", () => {
    const code = '.a{color:var(--colorNeutralForeground1Hover)}.b{margin:var(--spacingVerticalL, 4px)}.c{width:var(--fui-Button-size)}';
    expect([...themeTokensRead(code, themeNames)].sort()).toEqual(['colorNeutralForeground1Hover', 'spacingVerticalL']);
  });
});
