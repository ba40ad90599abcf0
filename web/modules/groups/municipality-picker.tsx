import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { municipalityLookupQuery, municipalityQuery } from '../territory';

/** A municipality chosen by typing part of its name: a search field and the list of matches to choose from. */
export function MunicipalityPicker({ id, label, value, onChange, error }: { id: string; label: string; value: string | null; onChange: (code: string | null) => void; error?: string | null }) {
  const { t } = useTranslation('groups');
  const [words, setWords] = useState('');
  const debounced = useDebouncedValue(words, 250);
  const matches = useQuery(municipalityLookupQuery(debounced.trim()));
  const chosen = useQuery({ ...municipalityQuery(value ?? ''), enabled: Boolean(value), staleTime: Infinity });
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="mb-4">
      {value ? (
        <p className="mb-2">
          {t('meetingForm.chosenMunicipality', { name: chosen.data?.name ?? '…' })}{' '}
          <button type="button" className="btn btn-link p-0 align-baseline" onClick={() => onChange(null)}>
            {t('meetingForm.changeMunicipality')}
          </button>
        </p>
      ) : (
        <>
          <div className="form-group mb-2">
            <label htmlFor={id} className="active">
              {label}
            </label>
            <input
              id={id}
              className={`form-control${error ? ' is-invalid' : ''}`}
              value={words}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => setWords(event.target.value)}
            />
            <small id={`${id}-help`} className="form-text">
              {t('meetingForm.municipalityHelp')}
            </small>
            {error && (
              <div id={`${id}-error`} className="invalid-feedback d-block">
                {error}
              </div>
            )}
          </div>
          <div role="status">
            {matches.data && matches.data.length > 0 && (
              <ul className="list-unstyled d-flex flex-wrap gap-2" aria-label={t('meetingForm.municipalityMatches')}>
                {matches.data.map((municipality) => (
                  <li key={municipality.istatCode}>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      onClick={() => {
                        onChange(municipality.istatCode);
                        setWords('');
                      }}
                    >
                      {municipality.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {matches.data && matches.data.length === 0 && debounced.trim().length >= 2 && <p className="small">{t('meetingForm.noMunicipality')}</p>}
          </div>
        </>
      )}
    </div>
  );
}
