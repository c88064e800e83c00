import { isIPv4, isIPv6 } from 'node:net';

/**
 * PHI detectors: by column name and by cell value. They decide, never show: nothing here returns or stores a
 * cell value, only ids, counts and (in the scanner) row numbers.
 *
 * Column names are normalised first (`normaliseColumnName`): camelCase split, lower-cased, every run of
 * non-alphanumerics turned into one '_'. Name detectors then look at whole tokens (and runs of adjacent tokens
 * glued together, so `e_mail`, `zip_code` and `ZipCode` all read as `email`/`zipcode`), never at substrings:
 * `pressure`, `mass`, `pedigree`, `mean_radius`, `malignant` cannot match by accident.
 */

/** What a column name can hint at. */
export type PhiNameKind =
  | 'person-name'
  | 'date-of-birth'
  | 'ssn'
  | 'mrn'
  | 'email'
  | 'phone'
  | 'address'
  | 'zip'
  | 'ip'
  | 'url';

/** What a value detector reports. */
export type PhiValueId =
  | 'email'
  | 'phone'
  | 'ssn-like'
  | 'mrn-like'
  | 'address'
  | 'date-of-birth'
  | 'date'
  | 'zip'
  | 'ip'
  | 'url'
  | 'person-name';

export interface NameDetector {
  id: PhiNameKind;
  description: string;
  test(name: NormalisedName): boolean;
}

export interface ValueDetector {
  id: PhiValueId;
  description: string;
  /** Smallest fraction of scanned values that must match, whatever `min_fraction` says (ZIP: 0.8). */
  min_fraction_floor?: number;
}

export interface NormalisedName {
  /** e.g. `patient_first_name` */
  normalised: string;
  tokens: string[];
  /** Every run of adjacent tokens, glued: `zip_code` → zip, code, zipcode. */
  runs: Set<string>;
}

export function normaliseColumnName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function parseColumnName(name: string): NormalisedName {
  const normalised = normaliseColumnName(name);
  const tokens = normalised === '' ? [] : normalised.split('_');
  const runs = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let s = '';
    for (let j = i; j < tokens.length && j < i + 4; j++) {
      s += tokens[j];
      runs.add(s);
    }
  }
  return { normalised, tokens, runs };
}

const anyRun = (n: NormalisedName, words: ReadonlySet<string>) => {
  for (const r of n.runs) if (words.has(r)) return true;
  return false;
};

/** One-word forms of a person's name (after gluing tokens: first_name → firstname). */
const PERSON_NAME_WORDS = new Set([
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'middlename',
  'maidenname',
  'patientname',
  'surname',
  'surnames',
  'forename',
  'forenames',
  'fname',
  'lname',
  'nextofkin',
  // a few other languages
  'nombre',
  'apellido',
  'apellidos',
  'prenom',
  'vorname',
  'nachname',
]);
/** Words that may qualify `name` and still mean a person's name (`patient_full_name`, `name_1`). */
const PERSON_QUALIFIERS = new Set([
  'first',
  'last',
  'full',
  'given',
  'family',
  'middle',
  'maiden',
  'nick',
  'patient',
  'patients',
  'pt',
  'person',
  'subject',
  'participant',
  'client',
  'member',
  'legal',
  'preferred',
  'display',
  'real',
  'mother',
  'mothers',
  'father',
  'fathers',
  'spouse',
  'guardian',
  'kin',
  'contact',
  'emergency',
  'physician',
  'doctor',
  'nurse',
  'caregiver',
]);
const DOB_WORDS = new Set([
  'dob',
  'dateofbirth',
  'birthdate',
  'birthdt',
  'birthday',
  'dtofbirth',
  'dayofbirth',
  'geburtsdatum',
  'fechanacimiento',
  'fechadenacimiento',
  'datenaissance',
  'datedenaissance',
]);
const SSN_WORDS = new Set([
  'ssn',
  'socialsecurity',
  'socialsecuritynumber',
  'socialsecurityno',
  'socsec',
  'nationalinsurance',
  'nationalinsurancenumber',
  'nino',
  'nationalid',
  'nationalidnumber',
  'passport',
  'passportnumber',
  'passportno',
  'driverslicense',
  'driverslicence',
  'driverlicense',
  'driverlicence',
]);
const MRN_PREFIXES =
  '(?:patient|pat|pt|subject|subj|participant|person|member|beneficiary|insurance|insured|healthplan|healthcard|medicalrecord|record|chart|nhs|account|acct|policy)';
const MRN_RE = new RegExp(
  `^(?:mrn|mrns|medicalrecord|medicalrecords|${MRN_PREFIXES}(?:id|ids|no|nr|num|number|ident|identifier))$`,
);
/** Identifier words only as the whole column name: `patient_age` and `chart_review` are not identifiers. */
const MRN_WHOLE = new Set(['patient', 'patients', 'chart', 'subject', 'participant']);
const EMAIL_WORDS = new Set(['email', 'emails', 'emailaddress', 'mailaddress', 'correo', 'courriel']);
const PHONE_WORDS = new Set([
  'phone',
  'phones',
  'phonenumber',
  'phoneno',
  'telephone',
  'telephonenumber',
  'tel',
  'telno',
  'telefon',
  'telefono',
  'mobile',
  'mobilephone',
  'mobilenumber',
  'mobileno',
  'cellphone',
  'cellnumber',
  'fax',
  'faxnumber',
  'faxno',
  'pager',
  'contactnumber',
  'contactno',
]);
const IP_WORDS = new Set(['ipaddress', 'ipaddr', 'ipv4', 'ipv6', 'macaddress', 'macaddr', 'remoteaddr']);
const URL_WORDS = new Set([
  'url',
  'urls',
  'uri',
  'website',
  'webpage',
  'homepage',
  'webaddress',
  'weblink',
  'webpageurl',
]);
const ADDRESS_WORDS = new Set([
  'address',
  'addresses',
  'addr',
  'street',
  'streetname',
  'streetaddress',
  'addressline',
  'homeaddress',
  'mailingaddress',
  'city',
  'town',
  'adresse',
  'direccion',
]);
const ZIP_WORDS = new Set([
  'zip',
  'zipcode',
  'zip5',
  'zip4',
  'zip3',
  'postcode',
  'postal',
  'postalcode',
  'plz',
  'postleitzahl',
  'codigopostal',
  'codepostal',
]);

/**
 * Name detectors, in precedence order: the first that matches names the column's kind
 * (`email_address` is email, `ip_address` is ip, not address).
 */
export const NAME_DETECTORS: readonly NameDetector[] = [
  {
    id: 'email',
    description: 'column name says e-mail (email, e_mail, email_address)',
    test: (n) => anyRun(n, EMAIL_WORDS),
  },
  {
    id: 'ip',
    description: 'column name says IP or MAC address (ip, ip_address, client_ip, ipv6, mac_address)',
    // `ip` alone only as the last token: in clinical data ip_days / ip_visits mean in-patient.
    test: (n) => anyRun(n, IP_WORDS) || n.tokens.at(-1) === 'ip',
  },
  {
    id: 'url',
    description: 'column name says web address (url, uri, website, homepage)',
    test: (n) => anyRun(n, URL_WORDS),
  },
  {
    id: 'date-of-birth',
    description: 'column name says date of birth (dob, date_of_birth, birth_date, birthdate, birthday)',
    test: (n) => {
      if (anyRun(n, DOB_WORDS)) return true;
      // birth + a date word; not birth_weight, birth_order or birth_year (a year alone is not a HIPAA date).
      return n.tokens.includes('birth') && n.tokens.some((t) => t === 'date' || t === 'dt' || t === 'day');
    },
  },
  {
    id: 'ssn',
    description: 'column name says social security or other national identity number (ssn, social_security)',
    test: (n) => anyRun(n, SSN_WORDS),
  },
  {
    id: 'mrn',
    description:
      'column name says medical record or patient identifier (mrn, medical_record_number, patient_id, record_id, chart, subject_id)',
    test: (n) => {
      if (MRN_WHOLE.has(n.normalised)) return true;
      for (const r of n.runs) if (MRN_RE.test(r)) return true;
      return false;
    },
  },
  {
    id: 'phone',
    description: 'column name says phone or fax number (phone, telephone, mobile, fax)',
    test: (n) => anyRun(n, PHONE_WORDS),
  },
  {
    id: 'zip',
    description: 'column name says ZIP or postal code (zip, zipcode, postcode, postal_code)',
    test: (n) => anyRun(n, ZIP_WORDS),
  },
  {
    id: 'address',
    description: 'column name says street address or city (address, street, addr, address_line_1, city)',
    test: (n) => anyRun(n, ADDRESS_WORDS),
  },
  {
    id: 'person-name',
    description:
      "column name says a person's name (name, first_name, last_name, surname, patient_name, full_name); not drug_name, site_name…",
    test: (n) => {
      if (anyRun(n, PERSON_NAME_WORDS)) return true;
      if (!n.tokens.some((t) => t === 'name' || t === 'names')) return false;
      return n.tokens.every(
        (t) => t === 'name' || t === 'names' || PERSON_QUALIFIERS.has(t) || /^\d+$/.test(t),
      );
    },
  },
];

/** The kind of identifier a column name hints at, or null. */
export function nameKind(column: string): PhiNameKind | null {
  const n = parseColumnName(column);
  for (const d of NAME_DETECTORS) if (d.test(n)) return d.id;
  return null;
}

/**
 * Name tokens of event dates (admission, visit, sample…): a dates column named so is reported as plain `date`,
 * not as date of birth, unless its name also hints birth.
 */
const EVENT_DATE_TOKENS = new Set([
  'admission',
  'admit',
  'admitted',
  'discharge',
  'discharged',
  'visit',
  'encounter',
  'sample',
  'sampled',
  'sampling',
  'collection',
  'collected',
  'specimen',
  'test',
  'tested',
  'lab',
  'exam',
  'examination',
  'scan',
  'imaging',
  'procedure',
  'surgery',
  'operation',
  'diagnosis',
  'diagnosed',
  'dx',
  'onset',
  'enrollment',
  'enrolment',
  'enrolled',
  'consent',
  'randomization',
  'randomisation',
  'randomized',
  'randomised',
  'followup',
  'follow',
  'treatment',
  'therapy',
  'start',
  'end',
  'stop',
  'death',
  'died',
  'created',
  'updated',
  'modified',
  'recorded',
  'measured',
  'measurement',
  'report',
  'reported',
  'study',
  'acquisition',
  'acquired',
  'order',
  'ordered',
  'result',
  'event',
  'service',
  'appointment',
  'prescription',
  'prescribed',
  'dose',
  'dosing',
  'vaccination',
  'release',
  'version',
  'transfer',
  'arrival',
  'registration',
  'registered',
  'screening',
  'baseline',
  'due',
  'expiry',
  'expiration',
  'effective',
  'received',
  'processed',
  'analysis',
  'timestamp',
  'time',
  'datetime',
  'ts',
  'at',
  'on',
]);

export function isEventDateName(column: string): boolean {
  return parseColumnName(column).tokens.some((t) => EVENT_DATE_TOKENS.has(t));
}

// ---------------------------------------------------------------------------------------------------------
// Value detectors

export const VALUE_DETECTORS: readonly ValueDetector[] = [
  { id: 'email', description: 'e-mail address (local@domain.tld)' },
  {
    id: 'phone',
    description:
      'phone number: US (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, NXX NXX XXXX, optional +1, optional extension; or +country code with 8–15 digits',
  },
  {
    id: 'ssn-like',
    description: 'SSN-like ###-##-#### (area not 000, 666 or 9xx; group not 00; serial not 0000)',
  },
  {
    id: 'mrn-like',
    description:
      'MRN-like ID: 1–4 letters followed by 5–10 digits, or MRN-prefixed digits (option mrn_pattern)',
  },
  {
    id: 'address',
    description: 'street address: house number, words, street suffix (St, Ave, Rd, Blvd, Ln, Dr, Ct, Way…)',
  },
  {
    id: 'date-of-birth',
    description:
      'date (yyyy-mm-dd, mm/dd/yyyy, dd.mm.yyyy) with a year a living person can be born in (1900 to this year), in a column whose name hints birth or does not name an event (admission, visit, sample…)',
  },
  {
    id: 'date',
    description:
      'date (yyyy-mm-dd, mm/dd/yyyy, dd.mm.yyyy) in an event-date column; reported only with dates: true',
  },
  {
    id: 'zip',
    description: 'US ZIP code (##### or #####-####); needs ≥ 80% of values to match',
    min_fraction_floor: 0.8,
  },
  { id: 'ip', description: 'IPv4 or IPv6 address' },
  { id: 'url', description: 'web address (http://, https://, ftp:// or www.)' },
  {
    id: 'person-name',
    description:
      "person's name: 1–3 capitalised alphabetic words, in most values (≥ 50%); without a name-like column name only 2–3 words and ≥ 50 distinct values",
    min_fraction_floor: 0.5,
  },
];

/** Bits of `matchValue`. */
export const BIT = {
  email: 1 << 0,
  phone: 1 << 1,
  ssn: 1 << 2,
  mrn: 1 << 3,
  address: 1 << 4,
  /** A date whose year is a plausible birth year. */
  birthDate: 1 << 5,
  /** Any date. */
  date: 1 << 6,
  zip: 1 << 7,
  ip: 1 << 8,
  url: 1 << 9,
  /** 1–3 capitalised words. */
  name: 1 << 10,
  /** 2–3 capitalised words. */
  fullName: 1 << 11,
} as const;

/** Years a living person's date of birth can have: 1900 to this year (never below 2025). */
export const BIRTH_YEARS = { min: 1900, max: Math.max(2025, new Date().getUTCFullYear()) } as const;

/** Default MRN pattern: 1–4 letters then 5–10 digits (optionally one '-' between), or MRN followed by digits. */
export const DEFAULT_MRN_PATTERN = /^(?:MRN[-:# ]?\d{4,12}|[A-Za-z]{1,4}-?\d{5,10})$/i;

/** Longest value a detector looks at; longer cells (free text) count as scanned, never as a match. */
export const MAX_VALUE_LENGTH = 256;

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ZIP_RE = /^\d{5}(?:-\d{4})?$/;
const EMAIL_RE =
  /^[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\.)+[A-Za-z]{2,24}$/;
const US_PHONE_RE =
  /^(?:\+?1[-. ]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?: ?(?:x|ext\.?|#) ?\d{1,5})?$/i;
const INTL_PHONE_RE = /^\+[1-9][\d ().-]{6,22}$/;
const SSN_RE = /^(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}$/;
const STREET_SUFFIX =
  'St|Street|Ave|Av|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Sq|Square|Trl|Trail|Aly|Alley|Row|Close|Crescent|Cres';
const ADDRESS_RE = new RegExp(
  `^\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?,?\\s+(?:[\\p{L}\\d.'’-]+\\s+){1,5}(?:${STREET_SUFFIX})\\.?(?:[,\\s].*)?$`,
  'iu',
);
const ISO_DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOT_DATE_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const URL_RE =
  /^(?:(?:https?|ftp):\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]\S*)?)$/i;
const NAME_WORD =
  "(?:\\p{Lu}\\p{Ll}*(?:\\p{Lu}\\p{Ll}+)?(?:['’-]\\p{L}\\p{Ll}+)*|\\p{Lu}{2,}(?:['’-]\\p{Lu}{2,})*|\\p{Lu}\\.)";
const PERSON_NAME_RE = new RegExp(`^${NAME_WORD}(?: ${NAME_WORD}){0,2}$`, 'u');
/** Capitalised words that make a value a title or a place, not a person's name. */
const NOT_NAME_WORDS = new Set(
  [
    'acute',
    'chronic',
    'disease',
    'syndrome',
    'disorder',
    'failure',
    'infection',
    'cancer',
    'carcinoma',
    'tumor',
    'tumour',
    'fracture',
    'type',
    'stage',
    'grade',
    'heart',
    'renal',
    'kidney',
    'lung',
    'liver',
    'cardiac',
    'pulmonary',
    'hospital',
    'clinic',
    'center',
    'centre',
    'medical',
    'university',
    'department',
    'unit',
    'ward',
    'positive',
    'negative',
    'normal',
    'abnormal',
    'unknown',
    'other',
    'none',
    'yes',
    'no',
    'male',
    'female',
    'high',
    'low',
    'medium',
  ].map((w) => w.toLowerCase()),
);

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (days[m - 1] as number);
}

/** The year of a date in one of the recognised formats (calendar-valid), or null. */
export function dateYear(v: string): number | null {
  let m = ISO_DATE_RE.exec(v);
  if (m) {
    const y = Number(m[1]);
    return validDate(y, Number(m[2]), Number(m[3])) ? y : null;
  }
  m = US_DATE_RE.exec(v);
  if (m) {
    const y = Number(m[3]);
    return validDate(y, Number(m[1]), Number(m[2])) ? y : null;
  }
  m = DOT_DATE_RE.exec(v);
  if (m) {
    const y = Number(m[3]);
    return validDate(y, Number(m[2]), Number(m[1])) ? y : null;
  }
  return null;
}

function personNameWords(v: string): number {
  if (!PERSON_NAME_RE.test(v)) return 0;
  const words = v.split(' ');
  let initials = 0;
  for (const w of words) {
    if (w.endsWith('.')) {
      initials++;
      continue;
    }
    // Every other word has at least two letters: "A B" is a code, not a name.
    if (w.replace(/['’-]/g, '').length < 2) return 0;
    if (NOT_NAME_WORDS.has(w.toLowerCase())) return 0;
  }
  if (initials === words.length) return 0;
  return words.length;
}

/**
 * The value detectors a (trimmed) cell matches, as a bit set of `BIT`. Cost is bounded: numbers take one
 * regex, and cells longer than MAX_VALUE_LENGTH none.
 */
export function matchValue(v: string, mrn: RegExp = DEFAULT_MRN_PATTERN): number {
  if (v.length === 0 || v.length > MAX_VALUE_LENGTH) return 0;
  const custom = mrn !== DEFAULT_MRN_PATTERN;
  const isNumber = NUMBER_RE.test(v);
  if (isNumber && v[0] !== '+') {
    // A plain number: only a 5-digit ZIP code (or a custom MRN pattern that allows digits only).
    let bits = v.length === 5 && ZIP_RE.test(v) ? BIT.zip : 0;
    if (custom && mrn.test(v)) bits |= BIT.mrn;
    return bits;
  }
  let bits = 0;
  if (ZIP_RE.test(v)) bits |= BIT.zip;
  if (v.includes('@')) {
    if (EMAIL_RE.test(v)) bits |= BIT.email;
    return bits;
  }
  if (US_PHONE_RE.test(v)) bits |= BIT.phone;
  else if (INTL_PHONE_RE.test(v) && !(isNumber && /[.eE]/.test(v))) {
    const digits = v.replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15) bits |= BIT.phone;
  }
  if (SSN_RE.test(v)) bits |= BIT.ssn;
  if (mrn.test(v)) bits |= BIT.mrn;
  const year = dateYear(v);
  if (year !== null) {
    bits |= BIT.date;
    if (year >= BIRTH_YEARS.min && year <= BIRTH_YEARS.max) bits |= BIT.birthDate;
  }
  if (/^\d/.test(v)) {
    if (ADDRESS_RE.test(v)) bits |= BIT.address;
    if (isIPv4(v)) bits |= BIT.ip;
  }
  if (v.includes(':') && isIPv6(v)) bits |= BIT.ip;
  if (URL_RE.test(v)) bits |= BIT.url;
  const words = personNameWords(v);
  if (words > 0) {
    bits |= BIT.name;
    if (words >= 2) bits |= BIT.fullName;
  }
  return bits;
}

/** Ids of the value detectors a cell matches on its own (for tests and documentation). */
export function valueDetectorsMatching(value: string, mrn: RegExp = DEFAULT_MRN_PATTERN): PhiValueId[] {
  const bits = matchValue(value.trim(), mrn);
  const ids: PhiValueId[] = [];
  if (bits & BIT.email) ids.push('email');
  if (bits & BIT.phone) ids.push('phone');
  if (bits & BIT.ssn) ids.push('ssn-like');
  if (bits & BIT.mrn) ids.push('mrn-like');
  if (bits & BIT.address) ids.push('address');
  if (bits & BIT.birthDate) ids.push('date-of-birth');
  if (bits & BIT.date) ids.push('date');
  if (bits & BIT.zip) ids.push('zip');
  if (bits & BIT.ip) ids.push('ip');
  if (bits & BIT.url) ids.push('url');
  if (bits & BIT.name) ids.push('person-name');
  return ids;
}
