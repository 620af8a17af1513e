import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons/svg/arrow-left';
import { ListRegular } from '@fluentui/react-icons/svg/list';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { visibleGuides, type Audience } from '../../../shared/guides';
import { GuideList } from './GuideList';
import { GuidePage } from './GuidePage';

export type GuideViewerProps = {
  onClose(): void;
  /** Guide ids the organisation's policy hides: not listed, searched, linked or exported. */
  hiddenGuides?: string[];
  /** Open straight at this guide (e.g. from a fix step); the list when absent or hidden. */
  initialGuideId?: string;
};

type View = { kind: 'list' } | { kind: 'guide'; id: string };

const useStyles = makeStyles({
  viewer: { display: 'grid', gap: tokens.spacingVerticalL },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
});

/**
 * The offline guide viewer: everything it shows is bundled data, so it works with no network
 * and without signing in. Only "open the page" and "export" reach the main process.
 */
export function GuideViewer({ onClose, hiddenGuides = [], initialGuideId }: GuideViewerProps) {
  const styles = useStyles();
  const hiddenKey = hiddenGuides.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the ids' content, not the array identity
  const guides = useMemo(() => visibleGuides(hiddenGuides), [hiddenKey]);
  const initial = initialGuideId ? guides.find((g) => g.id === initialGuideId) : undefined;

  const [view, setView] = useState<View>(initial ? { kind: 'guide', id: initial.id } : { kind: 'list' });
  const [audience, setAudience] = useState<Audience>(initial?.audience ?? 'user');
  const [query, setQuery] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // The guide the user came back from, so focus returns to its link in the list.
  const returnTo = useRef<string | null>(null);

  // Every change of page moves focus to where a keyboard or screen-reader user expects it.
  useEffect(() => {
    const back = returnTo.current;
    returnTo.current = null;
    const link = back && view.kind === 'list' ? rootRef.current?.querySelector<HTMLElement>(`[data-guide-link="${back}"]`) : null;
    (link ?? headingRef.current)?.focus();
  }, [view]);

  const current = view.kind === 'guide' ? guides.find((g) => g.id === view.id) : undefined;
  const index = current ? guides.indexOf(current) : -1;

  const openGuide = (id: string) => {
    const guide = guides.find((g) => g.id === id);
    if (!guide) return;
    setAudience(guide.audience);
    setView({ kind: 'guide', id });
    window.scrollTo?.(0, 0);
  };
  const backToList = () => {
    returnTo.current = current?.id ?? null;
    setView({ kind: 'list' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && view.kind === 'guide' && !event.defaultPrevented) {
      event.preventDefault();
      backToList();
    }
  };

  return (
    <div ref={rootRef} className={styles.viewer} onKeyDown={onKeyDown} data-testid="guide-viewer">
      <div className={styles.bar}>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          Back to the wizard
        </Button>
        {current && (
          <Button icon={<ListRegular />} onClick={backToList}>
            All guides
          </Button>
        )}
      </div>
      {initialGuideId && !initial && view.kind === 'list' && (
        <MessageBar intent="info">
          <MessageBarBody>That guide is not available in your organisation. Here are the guides you can read.</MessageBarBody>
        </MessageBar>
      )}
      {current ? (
        <GuidePage
          key={current.id}
          guide={current}
          headingRef={headingRef}
          onOpenGuide={openGuide}
          previous={guides[index - 1]}
          next={guides[index + 1]}
          isVisible={(id) => guides.some((g) => g.id === id)}
        />
      ) : (
        <GuideList
          guides={guides}
          query={query}
          audience={audience}
          headingRef={headingRef}
          onQueryChange={setQuery}
          onAudienceChange={setAudience}
          onOpen={openGuide}
        />
      )}
    </div>
  );
}
