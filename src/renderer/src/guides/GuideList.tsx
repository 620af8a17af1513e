import {
  Badge,
  Field,
  Link,
  SearchBox,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { Ref } from 'react';
import { search, type Audience, type Guide } from '../../../shared/guides';
import { AudienceTabs } from './AudienceTabs';
import { ExportActions } from './ExportActions';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS },
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { ...typographyStyles.subtitle2, textAlign: 'start' },
  summary: { margin: 0, color: tokens.colorNeutralForeground2 },
  snippet: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  status: { ...typographyStyles.body1Strong, margin: 0 },
});

type Props = {
  guides: Guide[];
  query: string;
  audience: Audience;
  headingRef: Ref<HTMLHeadingElement>;
  onQueryChange: (query: string) => void;
  onAudienceChange: (audience: Audience) => void;
  onOpen: (id: string) => void;
};

const audienceLabel = (a: Audience) => (a === 'admin' ? 'For admins' : 'For users');

function GuideLinkItem({ guide, detail, showAudience, onOpen }: { guide: Guide; detail: string; showAudience: boolean; onOpen: (id: string) => void }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Link as="button" className={styles.title} data-guide-link={guide.id} onClick={() => onOpen(guide.id)}>
        {guide.title}
      </Link>
      {showAudience && (
        <div>
          <Badge appearance="tint" size="small" color={guide.audience === 'admin' ? 'important' : 'brand'}>
            {audienceLabel(guide.audience)}
          </Badge>
        </div>
      )}
      <p className={showAudience ? styles.snippet : styles.summary}>{detail}</p>
    </li>
  );
}

/** The guides by audience (tabs), or, while searching, the ranked matches across both. */
export function GuideList({ guides, query, audience, headingRef, onQueryChange, onAudienceChange, onOpen }: Props) {
  const styles = useStyles();
  const searching = query.trim().length > 0;
  const hits = searching ? search(query, guides) : [];
  const inTab = guides.filter((g) => g.audience === audience);

  return (
    <section className={styles.list} aria-labelledby="guide-list-title" data-testid="guide-list">
      <h1 id="guide-list-title" tabIndex={-1} ref={headingRef} className={styles.heading}>
        Guides
      </h1>
      <Field label="Search the guides" hint="Words from a title or a step, for example “Authenticated SMTP”.">
        <SearchBox value={query} onChange={(_event, data) => onQueryChange(data.value)} data-testid="guide-search" />
      </Field>

      {searching ? (
        <>
          <p className={styles.status} role="status">
            {hits.length === 0 ? `No guide matches “${query.trim()}”.` : `${hits.length} guide${hits.length === 1 ? '' : 's'} match “${query.trim()}”.`}
          </p>
          <ul className={styles.items} aria-label="Search results">
            {hits.map((hit) => (
              <GuideLinkItem
                key={hit.guide.id}
                guide={hit.guide}
                showAudience
                onOpen={onOpen}
                detail={hit.match.step !== undefined ? `Step ${hit.match.step}: ${hit.match.text}` : hit.match.where === 'title' ? hit.guide.summary : hit.match.text}
              />
            ))}
          </ul>
        </>
      ) : (
        <>
          <AudienceTabs
            value={audience}
            counts={{ user: guides.filter((g) => g.audience === 'user').length, admin: guides.filter((g) => g.audience === 'admin').length }}
            panelId="guide-tabpanel"
            onChange={onAudienceChange}
          />
          <div role="tabpanel" id="guide-tabpanel" aria-labelledby={`guide-tab-${audience}`}>
            {inTab.length === 0 ? (
              <p className={styles.summary}>Your organisation has no guides for this group.</p>
            ) : (
              <ul className={styles.items}>
                {inTab.map((guide) => (
                  <GuideLinkItem key={guide.id} guide={guide} showAudience={false} detail={guide.summary} onOpen={onOpen} />
                ))}
              </ul>
            )}
          </div>
        </>
      )}

      <ExportActions ids={guides.map((g) => g.id)} what="all guides" />
    </section>
  );
}
