import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRightRegular } from '@fluentui/react-icons/svg/arrow-right';
import type { Ref } from 'react';
import { guideTitle, type Guide } from '../../../shared/guides';
import { ExportActions } from './ExportActions';
import { GuideStepItem } from './GuideStepItem';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  section: { ...typographyStyles.subtitle1, margin: `${tokens.spacingVerticalM} 0 0` },
  summary: { ...typographyStyles.body2, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  steps: { listStyleType: 'none', margin: 0, padding: 0 },
  nav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
  sources: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Props = {
  guide: Guide;
  headingRef: Ref<HTMLHeadingElement>;
  onOpenGuide: (id: string) => void;
  /** Neighbours in the list, for reading guide after guide. */
  previous: Guide | undefined;
  next: Guide | undefined;
  /** Guides the policy hides are shown as plain titles, not links. */
  isVisible: (id: string) => boolean;
};

/** One guide on its own page: why and when, warnings first, then the numbered steps. */
export function GuidePage({ guide, headingRef, onOpenGuide, previous, next, isVisible }: Props) {
  const styles = useStyles();
  const ref = (id: string) =>
    isVisible(id) ? (
      <Link as="button" onClick={() => onOpenGuide(id)}>
        {guideTitle(id)}
      </Link>
    ) : (
      <span>{guideTitle(id)}</span>
    );

  return (
    <article className={styles.page} aria-labelledby="guide-page-title" data-testid="guide-page" data-guide-id={guide.id}>
      <h1 id="guide-page-title" tabIndex={-1} ref={headingRef} className={styles.heading}>
        {guide.title}
      </h1>
      <div>
        <Badge appearance="tint" color={guide.audience === 'admin' ? 'important' : 'brand'}>
          {guide.audience === 'admin' ? 'For admins' : 'For users'}
        </Badge>
      </div>
      <p className={styles.summary}>{guide.summary}</p>

      {guide.lowersSecurity && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This lowers security.</MessageBarTitle>
            {guide.saferAlternative && <>Try the safer route first: {ref(guide.saferAlternative)}.</>}
          </MessageBarBody>
        </MessageBar>
      )}
      {guide.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Warning</MessageBarTitle>
            {warning}
          </MessageBarBody>
        </MessageBar>
      ))}

      {guide.prerequisites.length > 0 && (
        <section aria-labelledby="guide-before">
          <h2 id="guide-before" className={styles.section}>
            Before you start
          </h2>
          <ul className={styles.list}>
            {guide.prerequisites.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="guide-steps">
        <h2 id="guide-steps" className={styles.section}>
          Steps
        </h2>
        <ol className={styles.steps}>
          {guide.steps.map((step, index) => (
            <GuideStepItem key={step.text} step={step} number={index + 1} instanceId={`viewer-${guide.id}-${index + 1}`} />
          ))}
        </ol>
      </section>

      {guide.formerly && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Older portal paths</MessageBarTitle>
            {guide.formerly}
          </MessageBarBody>
        </MessageBar>
      )}

      {guide.related.length > 0 && (
        <section aria-labelledby="guide-related">
          <h2 id="guide-related" className={styles.section}>
            Related guides
          </h2>
          <ul className={styles.list}>
            {guide.related.map((id) => (
              <li key={id}>{ref(id)}</li>
            ))}
          </ul>
        </section>
      )}

      <ExportActions ids={[guide.id]} what="this guide" />

      <nav className={styles.nav} aria-label="Other guides">
        {previous ? (
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => onOpenGuide(previous.id)}>
            {previous.title}
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button appearance="subtle" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onOpenGuide(next.id)}>
            {next.title}
          </Button>
        )}
      </nav>

      {guide.sources.length > 0 && (
        <details className={styles.sources}>
          <summary>Sources</summary>
          <ul className={styles.list}>
            {guide.sources.map((s) => (
              <li key={s.label}>
                {s.label}
                {s.url ? ` (${s.url})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
