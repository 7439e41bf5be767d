import { ClosureReason, JobPlanRow, TargetGroup } from './rows';

/** What coaches and social workers write, in Swedish, as they would write it. */

export const CLOSURE_NOTES: Record<ClosureReason, readonly string[]> = {
  WORK: ['Fått anställning.', 'Fått tillsvidareanställning.', 'Fått visstidsanställning på heltid.', 'Anställd efter praktiken.'],
  STUDIES: ['Påbörjat studier.', 'Börjat på komvux.', 'Antagen till yrkesutbildning.', 'Studerar med studiemedel.'],
  AF_PROGRAMME: [
    'Egen försörjning i Arbetsförmedlingens program.',
    'Etableringsersättning från Arbetsförmedlingen täcker försörjningen.',
    'Aktivitetsstöd i jobb- och utvecklingsgarantin.',
  ],
  OTHER: ['Flyttat från Stockholm.', 'Sjukskriven på heltid.', 'Föräldraledig.', 'Avslutad av annan orsak.'],
  UNKNOWN: ['Har slutat komma; orsak okänd.', 'Ingen kontakt sedan flera veckor.'],
};

export const GOALS: Record<JobPlanRow['goal'], string> = {
  WORK: 'arbete',
  STUDIES: 'studier',
  SELF_SUPPORT: 'egen försörjning',
};

export const FOLLOW_UP_FEEDBACK: readonly string[] = [
  'Uppföljning: aspiranten deltar aktivt i de planerade insatserna.',
  'Uppföljning: hög frånvaro från insatserna; vi har kallat till nytt planeringssamtal.',
  'Uppföljning: aspiranten har påbörjat praktik och trivs på arbetsplatsen.',
  'Uppföljning: aspiranten söker aktivt arbete och har haft två intervjuer.',
];

/** Who else sits at the table in a three-party meeting, and what gets written down. */
export const THREE_PARTY: Partial<Record<TargetGroup, readonly (readonly [{ party: string; notes: readonly string[] }, number])[]>> = {
  REFUGEE: [
    [{ party: 'Arbetsförmedlingen', notes: ['Gemensam planering: Sfi på förmiddagar, praktik på eftermiddagar efter kurs C.', 'Etableringsplanen och jobbplanen samordnas; nästa uppföljning om sex veckor.'] }, 0.7],
    [{ party: 'Sfi Stockholm', notes: ['Studietakten i Sfi avgör när praktiken kan börja.'] }, 0.15],
    [{ party: 'Röda Korset Stockholm', notes: ['Mentor från Etablering Stockholm kopplas in för arbetslivsintroduktion.'] }, 0.15],
  ],
  RESURS: [
    [{ party: 'Försäkringskassan', notes: ['Arbetsförmågan bedöms; arbetsträning på deltid tills vidare.'] }, 0.3],
    [{ party: 'Psykiatrin Sydväst', notes: ['Behov av anpassad insats; uppföljning om sex veckor.', 'Behandlingen fortsätter parallellt med arbetsträningen.'] }, 0.25],
    [{ party: 'Beroendecentrum Stockholm', notes: ['Planering för stegvis återgång; kontakt med behandlare varannan vecka.'] }, 0.15],
    [{ party: 'Vårdcentralen', notes: ['Läkarintyg inväntas innan insatserna utökas.'] }, 0.2],
    [{ party: 'Arbetsförmedlingen', notes: ['Övergång till Arbetsförmedlingens program diskuteras.'] }, 0.1],
  ],
};
