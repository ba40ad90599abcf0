import { ZServiceSearchQuery, type TServiceSearchPage, type TServiceSearchQuery } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { UseCaseContext } from '../../platform/use-case';
import { parseSearchQuery, type ParsedQuery } from './search-query';
import { ServiceActions } from './services.policy';
import { selectMunicipalityPoints, selectPlacesNamedBy } from './services.repository';
import { placeLookupWords, understandServiceQuery, type UnderstoodQuery } from '../../../common/domain/service-search-query';
import { selectServicePage, type ServiceSearchHit } from './service-search.repository';
import { loadServiceViews } from './service-views';
import { todayInItaly } from '../../../common/domain/calendar';

/**
 * The public search: what a resident types, in Italian, optionally near a municipality or a point. Bounded
 * pagination (page ≤ 20): a visitor refines the query rather than paging deeper, and each page costs the same.
 */
export async function searchServices(context: UseCaseContext, rawQuery: TServiceSearchQuery): Promise<TServiceSearchPage> {
  assertCan(context.actor, ServiceActions['services.read']);
  const query = parseInput(ZServiceSearchQuery, rawQuery);
  const db = context.db.orm;
  let centre: { name: string; latitude: number; longitude: number; municipalityCode: string | null } | null = null;
  // What the words say: a municipality named in them is the "near" filter unless one was chosen.
  let understood: UnderstoodQuery | null = null;
  if (query.q) understood = understandServiceQuery(query.q, await selectPlacesNamedBy(db, placeLookupWords(query.q)));
  const hasPoint = query.lat !== undefined || query.lng !== undefined;
  const near = query.near ?? (hasPoint ? undefined : understood?.place?.code);
  if (near) {
    const point = (await selectMunicipalityPoints(db, [near])).get(near);
    if (!point || point.latitude === null || point.longitude === null) throw fieldError('near', `unknown municipality ${query.near}`);
    centre = { name: point.name, latitude: point.latitude, longitude: point.longitude, municipalityCode: near };
  } else if (query.lat !== undefined || query.lng !== undefined) {
    if (query.lat === undefined || query.lng === undefined) throw fieldError(query.lat === undefined ? 'lat' : 'lng', 'give both lat and lng');
    centre = { name: `${query.lat.toFixed(4)}, ${query.lng.toFixed(4)}`, latitude: query.lat, longitude: query.lng, municipalityCode: null };
  }
  const parsed = understood ? parseSearchQuery(understood.text) : parseSearchQuery(query.q);
  const page = {
    query: parsed,
    centre,
    radiusKm: query.radiusKm,
    categoryCode: query.category,
    targetGroup: query.targetGroup,
    costKind: query.cost,
    openTo: query.openTo,
    municipalityCode: query.municipality,
    organizationId: query.organizationId,
    labelledOn: query.labelled === 'true' ? todayInItaly() : undefined,
    limit: query.pageSize + 1,
    offset: (query.page - 1) * query.pageSize,
  };
  // A query that is a category's name ("nursery", "assistenza domiciliare") lists that category's services, when it
  // has some among them (the page says so and offers every category); not when a category was chosen, nor when the
  // resident asked for every category or for the words as typed (the category was read from the corrected words).
  const isAsTyped = query.asTyped === 'true';
  const hasCorrections = (understood?.corrections.length ?? 0) > 0;
  const wordsCategory = !query.category && query.everyCategory !== 'true' && !(isAsTyped && hasCorrections) ? (understood?.categoryCode ?? null) : null;
  const searchWords = async (words: ParsedQuery | null): Promise<{ hits: ServiceSearchHit[]; isCategoryApplied: boolean }> => {
    if (wordsCategory) {
      const narrowed = { ...page, query: words, categoryCode: wordsCategory };
      const hits = await selectServicePage(context.db, narrowed);
      // Past the first page an empty page may only be the end of the category's results: look at its first one.
      if (hits.length > 0 || (query.page > 1 && (await selectServicePage(context.db, { ...narrowed, limit: 1, offset: 0 })).length > 0)) {
        return { hits, isCategoryApplied: true };
      }
    }
    return { hits: await selectServicePage(context.db, { ...page, query: words }), isCategoryApplied: false };
  };
  let found = await searchWords(parsed);
  // Typos, always: the corrected words are searched too. When they find more, their results are shown ("results for
  // …, search instead for …"), unless the words were asked as typed: then the page only suggests them.
  let correctedQuery: string | null = null;
  let didYouMean: string | null = null;
  if (understood && hasCorrections) {
    const corrected = await searchWords(parseSearchQuery(understood.correctedText));
    if (corrected.hits.length > found.hits.length) {
      if (isAsTyped) didYouMean = understood.correctedText;
      else {
        found = corrected;
        correctedQuery = understood.correctedText;
      }
    }
  }
  let hits = found.hits;
  // Typo tolerance: a short query that full text cannot match at all is retried on the names' spelling.
  if (hits.length === 0 && query.page === 1 && parsed?.isShort) hits = await selectServicePage(context.db, { ...page, bySpelling: true });
  const pageIds = hits.slice(0, query.pageSize).map((hit) => hit.id);
  const views = await loadServiceViews(db, pageIds, { centre });
  return {
    items: views.map(({ description: _d, email: _e, url: _u, phone: _p, languages: _l, eligibilityDescription: _ed, eligibilityConditions: _ec,
      minimumAge: _min, maximumAge: _max, locations: _loc, serviceAreaDistrict: _sd, serviceAreaMunicipalities: _sm, version: _v, updatedAt: _ua, ...summary }) => summary),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: hits.length > query.pageSize,
    centre: centre ? { name: centre.name, latitude: centre.latitude, longitude: centre.longitude } : null,
    understood: {
      near: centre?.municipalityCode ? { istatCode: centre.municipalityCode, name: centre.name } : null,
      radiusKm: query.radiusKm,
      category: understood?.categoryCode ?? null,
      isCategoryApplied: found.isCategoryApplied,
      correctedQuery,
      didYouMean,
    },
  };
}
