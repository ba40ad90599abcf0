import { useTranslation } from 'react-i18next';
import { Col, Row } from 'design-react-kit';
import type { TNeedCounts } from '../../../common/contracts/needs';
import { formatNumber } from '../../app/format';
import { DataTable, type Column } from '../../ui/data-table';
import { useCategoryLabel } from './use-category-label';

/** Counts by municipality and by category × municipality, the map's table alternative. */
export function NeedCountTables({ counts }: { counts: TNeedCounts }) {
  const { t, i18n } = useTranslation('needs');
  const categories = useCategoryLabel();
  const number = (value: number) => formatNumber(value, i18n.language);
  const byMunicipality: Column<TNeedCounts['byMunicipality'][number]>[] = [
    { key: 'name', header: t('counts.municipality'), isRowHeader: true, cell: (row) => row.municipalityName },
    { key: 'needs', header: t('counts.needs'), isNumeric: true, cell: (row) => number(row.needs) },
    { key: 'people', header: t('counts.people'), isNumeric: true, cell: (row) => number(row.people) },
  ];
  const byCategoryMunicipality: Column<TNeedCounts['byCategoryMunicipality'][number]>[] = [
    { key: 'category', header: t('counts.category'), isRowHeader: true, cell: (row) => categories.label(row.categoryCode) },
    { key: 'municipality', header: t('counts.municipality'), cell: (row) => row.municipalityName },
    { key: 'needs', header: t('counts.needs'), isNumeric: true, cell: (row) => number(row.needs) },
    { key: 'people', header: t('counts.people'), isNumeric: true, cell: (row) => number(row.people) },
    { key: 'relevance', header: t('counts.meanRelevance'), isNumeric: true, cell: (row) => (row.meanRelevance === null ? '—' : row.meanRelevance.toLocaleString(i18n.language)) },
  ];
  return (
    <Row className="g-4 mb-4">
      <Col lg={5}>
        <p className="fw-semibold">{t('counts.total', { needs: counts.total.needs, people: counts.total.people })}</p>
        <DataTable caption={t('counts.byMunicipality')} columns={byMunicipality} rows={counts.byMunicipality} rowKey={(row) => row.municipalityCode} />
      </Col>
      <Col lg={7}>
        <DataTable
          caption={t('counts.byCategoryMunicipality')}
          columns={byCategoryMunicipality}
          rows={counts.byCategoryMunicipality}
          rowKey={(row) => `${row.categoryCode}|${row.municipalityCode}`}
        />
      </Col>
    </Row>
  );
}
