import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { countChangedWords, type DiffSegment } from './minutes-diff';

/**
 * What changed between two versions of minutes, readable without colour: added words are underlined inside <ins>,
 * removed ones struck through inside <del>, each opened and closed by words a screen reader reads ("inizio
 * aggiunta" … "fine aggiunta"), after a summary of how many words changed.
 */
export function MinutesDiffView({ segments, id }: { segments: readonly DiffSegment[]; id: string }) {
  const { t, i18n } = useTranslation('groups');
  const counts = countChangedWords(segments);
  const hasChanges = counts.added > 0 || counts.removed > 0;
  return (
    <div className="minutes-diff" aria-labelledby={`${id}-summary`} role="group">
      <p id={`${id}-summary`} className="mb-2">
        {hasChanges
          ? t('minutes.diff.summary', { added: formatNumber(counts.added, i18n.language), removed: formatNumber(counts.removed, i18n.language) })
          : t('minutes.diff.none')}
      </p>
      {hasChanges && (
        <>
          <p className="small mb-2">{t('minutes.diff.legend')}</p>
          <div className="minutes-diff__text">
            {segments.map((segment, index) => {
              if (segment.kind === 'same') return <span key={index}>{segment.text}</span>;
              if (segment.kind === 'added') {
                return (
                  <ins key={index} className="minutes-diff__added">
                    <span className="visually-hidden">{t('minutes.diff.addedStart')} </span>
                    {segment.text}
                    <span className="visually-hidden"> {t('minutes.diff.addedEnd')}</span>
                  </ins>
                );
              }
              return (
                <del key={index} className="minutes-diff__removed">
                  <span className="visually-hidden">{t('minutes.diff.removedStart')} </span>
                  {segment.text}
                  <span className="visually-hidden"> {t('minutes.diff.removedEnd')}</span>
                </del>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}
