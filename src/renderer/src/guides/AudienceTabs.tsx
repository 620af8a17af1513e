import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import type { Audience } from '../../../shared/guides';

const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    ...typographyStyles.body1,
    background: 'none',
    border: 'none',
    borderBottom: `3px solid transparent`,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    ...typographyStyles.body1Strong,
    color: tokens.colorNeutralForeground1,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

const audiences: Audience[] = ['user', 'admin'];

/**
 * The user/admin tabs, with the ARIA tabs pattern (roving tabindex, arrow keys, Home/End).
 * Written out rather than Fluent's TabList because TabList's focus helper inserts aria-hidden
 * focusable elements inside the tablist, which axe reports (aria-hidden-focus).
 */
export function AudienceTabs({ value, counts, panelId, onChange }: { value: Audience; counts: Record<Audience, number>; panelId: string; onChange: (a: Audience) => void }) {
  const styles = useStyles();
  const refs = useRef<Partial<Record<Audience, HTMLButtonElement | null>>>({});
  const select = (audience: Audience) => {
    onChange(audience);
    refs.current[audience]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = audiences.indexOf(value);
    const next =
      event.key === 'ArrowRight' ? audiences[(at + 1) % audiences.length]
      : event.key === 'ArrowLeft' ? audiences[(at - 1 + audiences.length) % audiences.length]
      : event.key === 'Home' ? audiences[0]
      : event.key === 'End' ? audiences[audiences.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      select(next);
    }
  };
  return (
    <div role="tablist" aria-label="Who the guides are for" className={styles.list} onKeyDown={onKeyDown}>
      {audiences.map((audience) => {
        const selected = audience === value;
        return (
          <button
            key={audience}
            ref={(element) => {
              refs.current[audience] = element;
            }}
            type="button"
            role="tab"
            id={`guide-tab-${audience}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => select(audience)}
          >
            {audience === 'admin' ? 'For admins' : 'For users'} ({counts[audience]})
          </button>
        );
      })}
    </div>
  );
}
