import { defineTexts } from '../../platform/texts';

/**
 * How the territory module says a reconciliation note (why the ISTAT list and the 2023 boundaries differ on one
 * municipality) from its facts: the web's sentences (web/app/i18n territory.reconciliationNote), for the CLI and any
 * other reader the server speaks to. Days, lists and names arrive already written for the reader.
 */
export const TERRITORY_TEXTS = defineTexts({
  it: {
    bothWithoutGeometry: 'Senza confine né punto: i confini del 2023 lo elencano con una geometria vuota.',
    listOnly: "Senza confine né punto: non è nei confini del 2023, né vi compare alcuno dei comuni da cui è nato (secondo la storia dei codici dell'ANPR).",
    recoded: (formerCode: string, when: string) =>
      `Lo stesso comune con un nuovo codice: prima aveva il codice ${formerCode}, cambiato ${when}. Il suo confine è quello del codice precedente nei confini del 2023.`,
    merged: (predecessors: string, when: string) =>
      `Nato dalla fusione di ${predecessors} ${when}, dopo i confini del 2023: il suo confine è l'unione dei loro e il suo punto rappresentativo è calcolato su di esso.`,
    mergedInto: (successor: string, when: string) => `Fuso in ${successor} ${when}: il suo confine è parte di quello di ${successor}.`,
    ceased: (when: string) =>
      `Cessato ${when}; dalla storia dei codici dell'ANPR non si ricava quale comune ne abbia preso il territorio (un'incorporazione in un comune esistente, o più comuni nati lo stesso giorno): il suo confine non è usato e il comune che lo ha incorporato mantiene il confine del 2023.`,
    unknownToHistory: "Non è un comune dell'elenco attuale e non compare nella storia dei codici dell'ANPR: il suo confine non è usato.",
    populationFrom: (count: number, names: string) => (count === 1 ? `Popolazione: il censimento 2011 di ${names}.` : `Popolazione: la somma dei censimenti 2011 di ${names}.`),
    populationUnknown: "Popolazione sconosciuta: né il comune né quelli da cui è nato sono nell'elenco del 2020.",
    onDay: (day: string) => `in data ${day}`,
    onUnknownDay: 'in una data che le fonti non indicano',
    byCode: (code: string) => `un comune soppresso (codice ISTAT ${code})`,
    noDetails: 'Le fonti lo trattano diversamente; i dettagli non sono stati registrati da questa importazione.',
  },
  en: {
    bothWithoutGeometry: 'Without boundary or point: the 2023 boundaries list it with an empty geometry.',
    listOnly: "Without boundary or point: it is not in the 2023 boundaries, nor is any municipality it was born of (by ANPR's history of codes).",
    recoded: (formerCode: string, when: string) =>
      `The same municipality under a new code: its code was ${formerCode}, changed ${when}. Its boundary is its former code's in the 2023 boundaries.`,
    merged: (predecessors: string, when: string) =>
      `Born of the merger of ${predecessors} ${when}, after the 2023 boundaries: its boundary is the union of theirs, and its representative point is computed on it.`,
    mergedInto: (successor: string, when: string) => `Merged into ${successor} ${when}: its boundary is part of ${successor}'s.`,
    ceased: (when: string) =>
      `Ceased ${when}; which municipality took its territory cannot be derived from ANPR's history of codes (an incorporation into an existing municipality, or several born that day): its boundary is not used, and the incorporating municipality keeps its 2023 boundary.`,
    unknownToHistory: "Not a municipality of the current list, and absent from ANPR's history of codes: its boundary is not used.",
    populationFrom: (count: number, names: string) => (count === 1 ? `Population: the 2011 census of ${names}.` : `Population: the sum of the 2011 census of ${names}.`),
    populationUnknown: 'Population unknown: neither it nor a municipality it was born of is in the 2020 list.',
    onDay: (day: string) => `on ${day}`,
    onUnknownDay: 'on a date the sources do not give',
    byCode: (code: string) => `a former municipality (ISTAT code ${code})`,
    noDetails: 'The sources treat it differently; this import did not record the details.',
  },
});
