import { describe, expect, it } from 'vitest';
import { visibleCodeLeaks } from './raw-codes';

describe('what a person must not read on a page', () => {
  it('finds the raw codes of the issue: slugs, snake_case flags, ISO dates, language codes', () => {
    expect(visibleCodeLeaks('Categoria: anziani.assistenza-domiciliare', 'it')).toEqual(['anziani.assistenza-domiciliare']);
    expect(visibleCodeLeaks('welfare_presente = yes', 'en')).toEqual(['welfare_presente']);
    expect(visibleCodeLeaks('Tipo matching_proposal', 'en')).toEqual(['matching_proposal']);
    expect(visibleCodeLeaks('Creato il 2026-12-06', 'it')).toEqual(['2026-12-06']);
    expect(visibleCodeLeaks('Lingue: it', 'it')).toEqual(['Lingue: it']);
    expect(visibleCodeLeaks('Languages: it, en', 'en')).toEqual(['Languages: it, en']);
  });

  it('finds English values on an Italian page, as whole lowercase words, and not on an English page', () => {
    expect(visibleCodeLeaks('Welfare presente: yes', 'it')).toEqual(['yes']);
    expect(visibleCodeLeaks('Stato accepted, evento created', 'it')).toEqual(['accepted', 'created']);
    expect(visibleCodeLeaks('Modulo survey-reports', 'it')).toEqual(['survey-reports']);
    expect(visibleCodeLeaks('Stato: open', 'it')).toEqual(['open']);
    expect(visibleCodeLeaks('Errore COMMON.STALE_VERSION', 'it')).toContain('COMMON.STALE_VERSION');
    expect(visibleCodeLeaks('Errore AUTH.THROTTLED.', 'en')).toEqual(['AUTH.THROTTLED']);
    expect(visibleCodeLeaks('Status accepted, event created', 'en')).toEqual([]);
  });

  it('leaves labels, names, Italian words and addresses alone', () => {
    const italian =
      'Accettata il 6 dicembre 2026. No, nessun servizio. Mappa © OpenStreetMap. Lingue: italiano, inglese. ' +
      'Scrivi a open_data@comune.example o apri https://x.example/services/open_needs. Impresa S.r.l., ASSOCIAZIONE AMA.LE APS, A.N.A.P.A.C.A. ASS.NAZ. ASS. PSICOL. ODV. ' +
      'Una piattaforma open source.';
    expect(visibleCodeLeaks(italian, 'it')).toEqual([]);
    expect(visibleCodeLeaks('Languages: Italian, English. Open needs: 3. Yes, accepted.', 'en')).toEqual([]);
  });
});
