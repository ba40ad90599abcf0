import { defineTexts } from '../../platform/texts';

/** What the pacts module writes for people: the notice of a commitment gone late. */
export const PACTS_TEXTS = defineTexts({
  it: {
    lateSubject: (pact: string) => `Impegno in ritardo nel patto "${pact}"`,
    lateBody: (text: string, pact: string, organization: string, due: string) =>
      `L'impegno "${text}" assunto da ${organization} nel patto "${pact}" doveva essere realizzato entro il ${due} e risulta ora in ritardo.`,
    lateAsk: (link: string) => `Comunica al coordinamento del distretto lo stato dell'impegno, con una nota su cosa è stato fatto: ${link}`,
  },
  en: {
    lateSubject: (pact: string) => `Late commitment in the pact "${pact}"`,
    lateBody: (text: string, pact: string, organization: string, due: string) =>
      `The commitment "${text}" made by ${organization} in the pact "${pact}" was due by ${due} and is now late.`,
    lateAsk: (link: string) => `Tell the district's coordinators the commitment's status, with a note on what was done: ${link}`,
  },
});
