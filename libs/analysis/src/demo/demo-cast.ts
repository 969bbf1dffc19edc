/**
 * The people and organisations of the demo network: a fictional regional development network in
 * western Uusimaa (after the environmental clusters of seed `000_…txt`: "Hiiden klusteri", "Lohjan
 * seudun ympäristöklusteri", "Karkkilan klusteri"), with every member type of seed `003_…txt`'s example
 * picture (companies, associations, business incubators, a network hub, an international network hub,
 * researchers, policy makers) and a few others. Names and organisations are invented; any likeness to
 * real persons is accidental.
 */
import type { MemberRole, MemberType } from '@solmu/network/published';

export interface DemoMember {
  /** Symbolic key the caller maps to a real member id: m01, m02, … */
  key: string;
  name: string;
  organisation: string;
  type: MemberType;
  role: MemberRole;
}

export const DEMO_NETWORK = {
  name: 'Hiidenmaan kiertotalousverkosto',
  description:
    'Yritysten, yhdistysten, tutkijoiden ja kuntien verkosto kiertotalouden edistämiseen Länsi-Uudellamaalla. ' +
    'A regional network of companies, associations, researchers and municipalities for the circular economy in western Uusimaa.',
} as const;

type Row = [name: string, organisation: string, type: MemberType];

/** In order of joining. m01 coordinates; m02–m06, m07–m11 and m12–m16 are the three founding circles. */
const ROWS: Row[] = [
  ['Aino Virtanen', 'Hiidenmaan kehittämiskeskus', 'network_hub'],
  // Circle A: Lohja-area companies who knew each other through the local entrepreneurs' association.
  ['Mikko Korhonen', 'Lohjan Puhdas Vesi Oy', 'company'],
  ['Sanna Mäkinen', 'Karkkilan Kierrätys Oy', 'company'],
  ['Juha Nieminen', 'Hiiden Yrittäjät ry', 'association'],
  ['Emma Clarke', 'Nordic Timber Solutions Oy', 'company'],
  ['Petri Laine', 'Virkkalan Konepaja Oy', 'company'],
  // Circle B: researchers and incubators who had worked on projects together.
  ['Laura Heikkinen', 'Länsi-Uudenmaan ammattikorkeakoulu', 'research'],
  ['Timo Koskinen', 'Hiiden yrityshautomo', 'incubator'],
  ['David Wilson', 'Baltic Circular Hub', 'international_hub'],
  ['Riikka Järvinen', 'Ympäristöinstituutti Luode', 'research'],
  ['Anna Lindqvist', 'Startup-hautomo Kipinä', 'incubator'],
  // Circle C: municipalities, the region and environmental associations.
  ['Pekka Lehtonen', 'Lohjan kaupunki, elinvoimapalvelut', 'policy'],
  ['Hanna Saarinen', 'Karkkilan kaupunki', 'policy'],
  ['Marja Hämäläinen', 'Länsi-Uudenmaan luonnonsuojeluyhdistys ry', 'association'],
  ['Ville Rantanen', 'Uudenmaan liitto', 'policy'],
  ['Sofia Berg', 'Siuntion kunta', 'policy'],
  // Founding-phase additions.
  ['Kari Salonen', 'Kiertotalousyhdistys Kierto ry', 'association'],
  ['Olivia Bennett', 'Enterprise Europe Network Uusimaa', 'international_hub'],
  ['Jari Heinonen', 'Lohjan Energia Oy', 'company'],
  ['Tiina Kallio', 'Vihdin Vesi -liikelaitos', 'other'],
  // Joined while collaboration deepened.
  ['Antti Mattila', 'Nummelan Biokaasu Oy', 'company'],
  ['Katja Leinonen', 'Inkoon Kyläyhdistys ry', 'association'],
  ['James Taylor', 'Green Ports Network', 'international_hub'],
  ['Minna Pitkänen', 'Raaseporin Puutarha Oy', 'company'],
  ['Heikki Ahonen', 'Karviaisen Kone ja Kuljetus Oy', 'company'],
  ['Elina Turunen', 'Länsi-Uudenmaan ammattikorkeakoulu', 'research'],
  ['Markus Lindroos', 'Inkoon kunta', 'policy'],
  ['Satu Koivisto', 'Vihdin Yrittäjät ry', 'association'],
  ['Lucy Evans', 'Circular Design Studio Oy', 'company'],
  ['Matti Hiltunen', 'Hiiden Metsänhoitoyhdistys', 'association'],
  ['Johanna Räsänen', 'Ympäristöinstituutti Luode', 'research'],
  ['Oskari Vainio', 'Lohjan Tekstiilikierto Oy', 'company'],
  ['Paula Miettinen', 'Vihdin kunta', 'policy'],
  ['Tomi Karjalainen', 'Startup-hautomo Kipinä', 'incubator'],
  ['Noora Salminen', 'Hiiden Ruokaverkosto ry', 'association'],
  ['Robert Andersson', 'Nordic Packaging Ab', 'company'],
  ['Leena Hakala', 'Karkkilan Valimo Oy', 'company'],
  ['Sami Peltonen', 'Lohjan seurakuntayhtymä', 'other'],
  ['Eveliina Niemi', 'Länsi-Uudenmaan opisto', 'other'],
  ['Harri Toivonen', 'Toivosen Purku ja Kierrätys Oy', 'company'],
  ['Grace Mitchell', 'Helsinki Region Partnerships', 'international_hub'],
  ['Janne Kurki', 'Kurjen Luomutila', 'company'],
  ['Mervi Lindholm', 'Siuntion Kyläyhdistys ry', 'association'],
  ['Ilkka Jokinen', 'Ympäristöinstituutti Luode', 'research'],
  ['Reetta Kangas', 'Lohjan kaupunki, ympäristöpalvelut', 'policy'],
  ['Tuomas Heino', 'Nummelan Kierrätyskeskus', 'other'],
  ['Kaisa Aalto', 'Aallon Puutyö Oy', 'company'],
  ['Daniel Fischer', 'BalticSea Circular Cities', 'international_hub'],
  ['Hilkka Rautio', 'Hiiden yrityshautomo', 'incubator'],
  ['Aleksi Suominen', 'Suomisen Sähkö Oy', 'company'],
  // Joined the settled network.
  ['Pirjo Manninen', 'Karkkilan Yrittäjät ry', 'association'],
  ['Lauri Eskola', 'Eskolan Vesitekniikka Oy', 'company'],
  ['Chloe Martin', 'Länsi-Uudenmaan ammattikorkeakoulu', 'research'],
  ['Vesa Lahtinen', 'Raaseporin kaupunki', 'policy'],
  ['Iida Honkanen', 'Honkasen Tekstiilit Oy', 'company'],
  ['Arttu Ylönen', 'Startup-hautomo Kipinä', 'incubator'],
];

export const DEMO_MEMBERS: readonly DemoMember[] = Object.freeze(
  ROWS.map(([name, organisation, type], i) => ({
    key: `m${String(i + 1).padStart(2, '0')}`,
    name,
    organisation,
    type,
    role: (i === 0 ? 'coordinator' : 'member') as MemberRole,
  })),
);

/** The three circles of people who already knew each other when the network was founded. */
export const FOUNDING_CIRCLES: readonly (readonly string[])[] = [
  ['m02', 'm03', 'm04', 'm05', 'm06'],
  ['m07', 'm08', 'm09', 'm10', 'm11'],
  ['m12', 'm13', 'm14', 'm15', 'm16'],
];

/** The theme groups of the settled network. */
export const THEME_GROUPS = [
  { title: 'Kiertotalouden yrityspilotit', en: 'Circular economy company pilots' },
  { title: 'Osaaminen ja koulutus', en: 'Skills and training' },
  { title: 'Kansainvälistyminen', en: 'Going international' },
  { title: 'Vesi ja ympäristö', en: 'Water and environment' },
] as const;
