import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { REGIONAL_COMPARISON, type TAlignment, type TZoningSummary } from '../../../common/contracts/zonings';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { BREAKING_COLOR } from './zone-colors';
import { alignmentQuery } from './zonings.queries';

/**
 * The regional officer's first view: do Piemonte's employment areas each lie in one ASL? How many areas coincide,
 * how many municipalities (and people) break coincidence, area by area as a bar chart, and the way to the map.
 */
export function RegionalComparison({ zonings }: { zonings: TZoningSummary[] }) {
  const { t } = useTranslation('zonings');
  const employment = zonings.find((zoning) => zoning.name === REGIONAL_COMPARISON.employmentZoningName);
  const health = zonings.find((zoning) => zoning.name === REGIONAL_COMPARISON.healthZoningName);
  if (!employment || !health) return null;
  return (
    <section aria-labelledby="regional-comparison-heading" className="edit-panel mb-4">
      <h2 id="regional-comparison-heading" className="h4">{t('regional.title')}</h2>
      <p>{t('regional.lead', { a: employment.name, b: health.name })}</p>
      <RegionalFigures a={employment.id} b={health.id} />
      <p className="mb-0">
        <Link className="btn btn-primary" to={paths.zoningCompare(employment.id, health.id)}>
          {t('regional.open')}
        </Link>
      </p>
    </section>
  );
}

function RegionalFigures({ a, b }: { a: string; b: string }) {
  const alignment = useQuery(alignmentQuery(a, b));
  if (alignment.isPending) return <Loading />;
  if (alignment.isError) return <ApiErrorAlert error={alignment.error} onRetry={() => void alignment.refetch()} />;
  return <RegionalChart alignment={alignment.data} />;
}

function RegionalChart({ alignment }: { alignment: TAlignment }) {
  const { t, i18n } = useTranslation('zonings');
  const number = (value: number) => formatNumber(value, i18n.language);
  const coinciding = alignment.crosswalk.filter((row) => row.cells.length === 1).length;
  const rows = alignment.crosswalk
    .filter((row) => row.cells.length > 1)
    .map((row) => {
      const outside = alignment.breaking.filter((m) => m.aZoneCode === row.aZoneCode);
      return { row, outside, people: outside.reduce((sum, m) => sum + m.population, 0), main: row.cells.find((cell) => cell.isMain)!.bZoneName };
    })
    .sort((x, y) => y.people - x.people);
  const largest = Math.max(1, ...rows.map((r) => r.people));
  return (
    <>
      <p data-testid="regional-summary">
        {t('regional.summary', {
          coinciding,
          total: alignment.crosswalk.length,
          count: alignment.breaking.length,
          people: number(alignment.breakingPopulation),
        })}
      </p>
      {rows.length > 0 && (
        <table className="table table-sm">
          <caption>{t('regional.chartCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('regional.area')}</th>
              <th scope="col">{t('regional.mainAsl')}</th>
              <th scope="col">{t('regional.outside')}</th>
              <th scope="col" className="text-end">{t('regional.people')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, outside, people, main }) => (
              <tr key={row.aZoneKey}>
                <th scope="row">{row.aZoneName}</th>
                <td>{main}</td>
                <td>{outside.map((m) => `${m.name} (${m.bZoneName})`).join(', ')}</td>
                <td className="text-end">
                  <span className="d-inline-flex align-items-center gap-2 justify-content-end w-100">
                    <span aria-hidden="true" style={{ display: 'inline-block', height: '0.8rem', width: `${Math.max(2, (people / largest) * 8)}rem`, backgroundColor: BREAKING_COLOR }} />
                    {number(people)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
