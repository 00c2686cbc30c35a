import { codePointAt, isLetter, isLetterOrNumber, isLower, isUpper, widthOf } from './char-class.js';

/**
 * A small, general gazetteer: countries, their capitals and political metonyms ("Downing Street"),
 * demonyms and well-known cities. It maps the ways news refers to a party onto one canonical name,
 * so "Seoul asks..." and "the South Korean minister" both count for "South Korea".
 */

/**
 * Canonical party -> [places that stand for it (capitals, other country names), institutions and
 * seats of government that stand for it but are not places one lists, demonyms].
 */
export const PARTIES: Readonly<Record<string, readonly [readonly string[], readonly string[], readonly string[]]>> = {
  'United States': [['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'America', 'United States of America', 'Washington'], ['White House', 'Capitol Hill', 'Pentagon'], ['American', 'Americans']],
  'United Kingdom': [['UK', 'U.K.', 'U.K', 'Britain', 'Great Britain', 'London'], ['Westminster', 'Downing Street', 'Whitehall'], ['British', 'Briton', 'Britons']],
  'European Union': [['Brussels'], ['EU', 'E.U.', 'European Commission'], []],
  'South Korea': [['Republic of Korea', 'S. Korea', 'Seoul'], ['ROK', 'Blue House'], ['South Korean', 'South Koreans']],
  'North Korea': [['N. Korea', 'Pyongyang'], ['DPRK'], ['North Korean', 'North Koreans']],
  Japan: [['Tokyo'], [], ['Japanese']],
  China: [['Beijing', "People's Republic of China"], ['PRC', 'Zhongnanhai'], ['Chinese']],
  Taiwan: [['Taipei'], [], ['Taiwanese']],
  Russia: [['Moscow', 'Russian Federation'], ['Kremlin'], ['Russian', 'Russians']],
  Ukraine: [['Kyiv', 'Kiev'], [], ['Ukrainian', 'Ukrainians']],
  France: [['Paris'], ['Elysee', 'Élysée'], ['French']],
  Germany: [['Berlin'], [], ['German', 'Germans']],
  Italy: [['Rome'], [], ['Italian', 'Italians']],
  Spain: [['Madrid'], [], ['Spanish', 'Spaniard', 'Spaniards']],
  Portugal: [['Lisbon'], [], ['Portuguese']],
  Netherlands: [['Holland', 'Amsterdam', 'The Hague'], [], ['Dutch']],
  Belgium: [[], [], ['Belgian', 'Belgians']],
  Switzerland: [['Bern'], [], ['Swiss']],
  Austria: [['Vienna'], [], ['Austrian']],
  Sweden: [['Stockholm'], [], ['Swedish', 'Swede', 'Swedes']],
  Norway: [['Oslo'], [], ['Norwegian']],
  Denmark: [['Copenhagen'], [], ['Danish', 'Dane', 'Danes']],
  Finland: [['Helsinki'], [], ['Finnish', 'Finn', 'Finns']],
  Ireland: [['Dublin', 'Republic of Ireland'], [], ['Irish']],
  Poland: [['Warsaw'], [], ['Polish', 'Pole', 'Poles']],
  Greece: [['Athens'], [], ['Greek', 'Greeks']],
  Turkey: [['Ankara', 'Türkiye'], [], ['Turkish', 'Turks']],
  Hungary: [['Budapest'], [], ['Hungarian']],
  'Czech Republic': [['Prague', 'Czechia'], [], ['Czech']],
  Romania: [['Bucharest'], [], ['Romanian']],
  Serbia: [['Belgrade'], [], ['Serbian', 'Serb', 'Serbs']],
  Israel: [['Jerusalem'], [], ['Israeli', 'Israelis']],
  Palestine: [['Ramallah', 'Gaza', 'West Bank'], [], ['Palestinian', 'Palestinians']],
  Iran: [['Tehran'], [], ['Iranian', 'Iranians']],
  Iraq: [['Baghdad'], [], ['Iraqi', 'Iraqis']],
  Syria: [['Damascus'], [], ['Syrian', 'Syrians']],
  Lebanon: [['Beirut'], [], ['Lebanese']],
  Jordan: [['Amman'], [], ['Jordanian']],
  'Saudi Arabia': [['Riyadh'], [], ['Saudi', 'Saudis']],
  Yemen: [['Sanaa', "Sana'a"], [], ['Yemeni', 'Yemenis']],
  Egypt: [['Cairo'], [], ['Egyptian', 'Egyptians']],
  Libya: [['Tripoli'], [], ['Libyan', 'Libyans']],
  Tunisia: [['Tunis'], [], ['Tunisian']],
  Algeria: [['Algiers'], [], ['Algerian']],
  Morocco: [['Rabat'], [], ['Moroccan']],
  Nigeria: [['Abuja'], [], ['Nigerian', 'Nigerians']],
  Kenya: [['Nairobi'], [], ['Kenyan', 'Kenyans']],
  Ethiopia: [['Addis Ababa'], [], ['Ethiopian']],
  'South Africa': [['Pretoria'], [], ['South African', 'South Africans']],
  Afghanistan: [['Kabul'], [], ['Afghan', 'Afghans']],
  Pakistan: [['Islamabad'], [], ['Pakistani', 'Pakistanis']],
  India: [['New Delhi', 'Delhi'], [], ['Indian', 'Indians']],
  Bangladesh: [['Dhaka'], [], ['Bangladeshi']],
  'Sri Lanka': [['Colombo'], [], ['Sri Lankan']],
  Nepal: [['Kathmandu'], [], ['Nepalese', 'Nepali']],
  Myanmar: [['Burma', 'Naypyidaw'], [], ['Burmese']],
  Thailand: [['Bangkok'], [], ['Thai']],
  Vietnam: [['Hanoi'], [], ['Vietnamese']],
  Cambodia: [['Phnom Penh'], [], ['Cambodian']],
  Malaysia: [['Kuala Lumpur'], [], ['Malaysian']],
  Singapore: [['Singapore'], [], ['Singaporean']],
  Indonesia: [['Jakarta'], [], ['Indonesian']],
  Philippines: [['Manila'], [], ['Filipino', 'Philippine']],
  Australia: [['Canberra'], [], ['Australian', 'Australians']],
  'New Zealand': [['Wellington'], [], ['New Zealander', 'New Zealanders']],
  Canada: [['Ottawa'], [], ['Canadian', 'Canadians']],
  Mexico: [['Mexico City'], [], ['Mexican', 'Mexicans']],
  Cuba: [['Havana'], [], ['Cuban', 'Cubans']],
  Venezuela: [['Caracas'], [], ['Venezuelan']],
  Colombia: [['Bogota', 'Bogotá'], [], ['Colombian']],
  Brazil: [['Brasilia', 'Brasília'], [], ['Brazilian', 'Brazilians']],
  Argentina: [['Buenos Aires'], [], ['Argentine', 'Argentinian']],
  Chile: [['Santiago'], [], ['Chilean']],
  Peru: [['Lima'], [], ['Peruvian']],
  Albania: [['Tirana'], [], ['Albanian', 'Albanians']],
  Andorra: [[], [], ['Andorran']],
  Angola: [['Luanda'], [], ['Angolan', 'Angolans']],
  'Antigua and Barbuda': [[], [], []],
  Armenia: [['Yerevan'], [], ['Armenian', 'Armenians']],
  Azerbaijan: [['Baku'], [], ['Azerbaijani', 'Azeri', 'Azeris']],
  Bahamas: [['Nassau'], [], ['Bahamian']],
  Bahrain: [['Manama'], [], ['Bahraini']],
  Barbados: [['Bridgetown'], [], ['Barbadian']],
  Belarus: [['Minsk'], [], ['Belarusian', 'Belarusians']],
  Belize: [[], [], ['Belizean']],
  Benin: [['Porto-Novo', 'Cotonou'], [], ['Beninese']],
  Bhutan: [['Thimphu'], [], ['Bhutanese']],
  Bolivia: [['La Paz', 'Sucre'], [], ['Bolivian', 'Bolivians']],
  'Bosnia and Herzegovina': [['Bosnia', 'Sarajevo'], [], ['Bosnian', 'Bosnians']],
  Botswana: [['Gaborone'], [], ['Botswanan']],
  Brunei: [['Bandar Seri Begawan'], [], ['Bruneian']],
  Bulgaria: [['Sofia'], [], ['Bulgarian', 'Bulgarians']],
  'Burkina Faso': [['Ouagadougou'], [], ['Burkinabe']],
  Burundi: [['Gitega', 'Bujumbura'], [], ['Burundian']],
  Cameroon: [['Yaounde', 'Yaoundé'], [], ['Cameroonian', 'Cameroonians']],
  'Cape Verde': [['Praia', 'Cabo Verde'], [], ['Cape Verdean']],
  'Central African Republic': [['Bangui'], [], []],
  Chad: [["N'Djamena"], [], ['Chadian', 'Chadians']],
  Comoros: [[], [], ['Comorian']],
  'Democratic Republic of Congo': [['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo', 'Kinshasa'], [], ['Congolese']],
  'Republic of Congo': [['Congo-Brazzaville', 'Brazzaville'], [], []],
  'Costa Rica': [['San Jose'], [], ['Costa Rican', 'Costa Ricans']],
  Croatia: [['Zagreb'], [], ['Croatian', 'Croat', 'Croats']],
  Cyprus: [['Nicosia'], [], ['Cypriot', 'Cypriots']],
  Djibouti: [[], [], ['Djiboutian']],
  Dominica: [[], [], []],
  'Dominican Republic': [['Santo Domingo'], [], ['Dominican', 'Dominicans']],
  'East Timor': [['Timor-Leste', 'Dili'], [], ['Timorese']],
  Ecuador: [['Quito'], [], ['Ecuadorian', 'Ecuadorean', 'Ecuadorians']],
  'El Salvador': [['San Salvador'], [], ['Salvadoran', 'Salvadorans']],
  'Equatorial Guinea': [['Malabo'], [], []],
  Eritrea: [['Asmara'], [], ['Eritrean', 'Eritreans']],
  Estonia: [['Tallinn'], [], ['Estonian', 'Estonians']],
  Eswatini: [['Swaziland', 'Mbabane'], [], ['Swazi']],
  Fiji: [['Suva'], [], ['Fijian', 'Fijians']],
  Gabon: [['Libreville'], [], ['Gabonese']],
  Gambia: [['Banjul'], [], ['Gambian', 'Gambians']],
  Ghana: [['Accra'], [], ['Ghanaian', 'Ghanaians']],
  Grenada: [[], [], ['Grenadian']],
  Guatemala: [['Guatemala City'], [], ['Guatemalan', 'Guatemalans']],
  Guinea: [['Conakry'], [], ['Guinean', 'Guineans']],
  'Guinea-Bissau': [['Bissau'], [], []],
  Guyana: [['Georgetown'], [], ['Guyanese']],
  Haiti: [['Port-au-Prince'], [], ['Haitian', 'Haitians']],
  Honduras: [['Tegucigalpa'], [], ['Honduran', 'Hondurans']],
  Iceland: [['Reykjavik'], [], ['Icelandic', 'Icelander', 'Icelanders']],
  'Ivory Coast': [["Cote d'Ivoire", "Côte d'Ivoire", 'Abidjan', 'Yamoussoukro'], [], ['Ivorian', 'Ivorians']],
  Jamaica: [['Kingston'], [], ['Jamaican', 'Jamaicans']],
  Kazakhstan: [['Astana'], [], ['Kazakh', 'Kazakhs']],
  Kiribati: [[], [], []],
  Kosovo: [['Pristina'], [], ['Kosovar', 'Kosovars']],
  Kuwait: [['Kuwait City'], [], ['Kuwaiti', 'Kuwaitis']],
  Kyrgyzstan: [['Bishkek'], [], ['Kyrgyz']],
  Laos: [['Vientiane'], [], ['Laotian']],
  Latvia: [['Riga'], [], ['Latvian', 'Latvians']],
  Lesotho: [['Maseru'], [], []],
  Liberia: [['Monrovia'], [], ['Liberian', 'Liberians']],
  Liechtenstein: [['Vaduz'], [], []],
  Lithuania: [['Vilnius'], [], ['Lithuanian', 'Lithuanians']],
  Luxembourg: [[], [], ['Luxembourgish']],
  Madagascar: [['Antananarivo'], [], ['Malagasy']],
  Malawi: [['Lilongwe'], [], ['Malawian', 'Malawians']],
  Maldives: [['Male'], [], ['Maldivian', 'Maldivians']],
  Mali: [['Bamako'], [], ['Malian', 'Malians']],
  Malta: [['Valletta'], [], ['Maltese']],
  'Marshall Islands': [['Majuro'], [], []],
  Mauritania: [['Nouakchott'], [], ['Mauritanian']],
  Mauritius: [['Port Louis'], [], ['Mauritian']],
  Micronesia: [[], [], []],
  Moldova: [['Chisinau'], [], ['Moldovan', 'Moldovans']],
  Monaco: [['Monte Carlo'], [], ['Monegasque']],
  Mongolia: [['Ulaanbaatar', 'Ulan Bator'], [], ['Mongolian', 'Mongolians']],
  Montenegro: [['Podgorica'], [], ['Montenegrin']],
  Mozambique: [['Maputo'], [], ['Mozambican', 'Mozambicans']],
  Namibia: [['Windhoek'], [], ['Namibian', 'Namibians']],
  Nauru: [[], [], []],
  Nicaragua: [['Managua'], [], ['Nicaraguan', 'Nicaraguans']],
  Niger: [['Niamey'], [], ['Nigerien', 'Nigeriens']],
  'North Macedonia': [['Macedonia', 'Skopje'], [], ['Macedonian', 'Macedonians']],
  Oman: [['Muscat'], [], ['Omani', 'Omanis']],
  Palau: [[], [], []],
  Panama: [['Panama City'], [], ['Panamanian', 'Panamanians']],
  'Papua New Guinea': [['Port Moresby'], [], []],
  Paraguay: [['Asuncion', 'Asunción'], [], ['Paraguayan', 'Paraguayans']],
  Qatar: [['Doha'], [], ['Qatari', 'Qataris']],
  Rwanda: [['Kigali'], [], ['Rwandan', 'Rwandans']],
  'Saint Lucia': [[], [], []],
  Samoa: [['Apia'], [], ['Samoan', 'Samoans']],
  'San Marino': [[], [], []],
  Senegal: [['Dakar'], [], ['Senegalese']],
  Seychelles: [[], [], []],
  'Sierra Leone': [['Freetown'], [], ['Sierra Leonean', 'Sierra Leoneans']],
  Slovakia: [['Bratislava'], [], ['Slovak', 'Slovaks']],
  Slovenia: [['Ljubljana'], [], ['Slovenian', 'Slovene', 'Slovenians']],
  'Solomon Islands': [['Honiara'], [], []],
  Somalia: [['Mogadishu'], [], ['Somali', 'Somalis']],
  'South Sudan': [['Juba'], [], ['South Sudanese']],
  Sudan: [['Khartoum'], [], ['Sudanese']],
  Suriname: [['Paramaribo'], [], ['Surinamese']],
  Tajikistan: [['Dushanbe'], [], ['Tajik', 'Tajiks']],
  Tanzania: [['Dodoma', 'Dar es Salaam'], [], ['Tanzanian', 'Tanzanians']],
  Togo: [['Lome', 'Lomé'], [], ['Togolese']],
  Tonga: [[], [], ['Tongan']],
  'Trinidad and Tobago': [['Trinidad', 'Port of Spain'], [], ['Trinidadian']],
  Turkmenistan: [['Ashgabat'], [], ['Turkmen']],
  Tuvalu: [[], [], []],
  Uganda: [['Kampala'], [], ['Ugandan', 'Ugandans']],
  'United Arab Emirates': [['UAE', 'U.A.E.', 'Abu Dhabi'], [], ['Emirati', 'Emiratis']],
  Uruguay: [['Montevideo'], [], ['Uruguayan', 'Uruguayans']],
  Uzbekistan: [['Tashkent'], [], ['Uzbek', 'Uzbeks']],
  Vanuatu: [[], [], []],
  Zambia: [['Lusaka'], [], ['Zambian', 'Zambians']],
  Zimbabwe: [['Harare'], [], ['Zimbabwean', 'Zimbabweans']],
  'United Nations': [[], ['UN', 'U.N.', 'Security Council', 'General Assembly'], []],
  NATO: [[], ['Nato', 'North Atlantic Treaty Organization'], []],
  Scotland: [['Edinburgh'], ['Holyrood'], ['Scottish', 'Scot', 'Scots']],
  Wales: [['Cardiff'], [], ['Welsh']],
  'Northern Ireland': [['Belfast'], ['Stormont'], []],
  England: [[], [], ['English']],
  Vatican: [['Vatican City'], ['Holy See'], []],
};

/** Cities, regions and features that are places but not parties. */
export const OTHER_PLACES: readonly string[] = [
  'New York', 'Los Angeles', 'Chicago', 'Houston', 'Philadelphia', 'Phoenix', 'San Francisco', 'Boston', 'Seattle', 'Miami',
  'Atlanta', 'Dallas', 'Denver', 'Detroit', 'Las Vegas', 'New Orleans', 'Baltimore', 'Pittsburgh', 'Cleveland', 'San Diego',
  'Manchester', 'Liverpool', 'Leicester', 'Cardiff', 'Southampton', 'Brighton', 'Portsmouth', 'Norwich', 'Derby', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Newcastle', 'Sheffield', 'Nottingham', 'Oxford', 'Cambridge',
  'Sydney', 'Melbourne', 'Toronto', 'Vancouver', 'Montreal', 'Shanghai', 'Hong Kong', 'Chongqing', 'Osaka', 'Busan', 'Mumbai',
  'Dubai', 'Istanbul', 'Barcelona', 'Munich', 'Milan', 'Florida', 'California', 'Texas', 'Pennsylvania', 'Ohio', 'Georgia',
  'Virginia', 'Michigan', 'Arizona', 'Alabama', 'Tennessee', 'Kentucky', 'Louisiana', 'Missouri', 'Illinois', 'Massachusetts',
  'New Jersey', 'Maryland', 'Colorado', 'Oregon', 'Nevada', 'Utah', 'Iowa', 'Kansas', 'Oklahoma', 'Arkansas', 'Mississippi',
  'South Carolina', 'North Carolina', 'Indiana', 'Wisconsin', 'Minnesota', 'Connecticut', 'Alaska', 'Hawaii',
  'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'South America', 'North America', 'Antarctica', 'Arctic',
  'Korean peninsula', 'Korean Peninsula', 'Crimea', 'Kashmir', 'Tibet', 'Xinjiang', 'Siberia', 'Balkans', 'Caribbean',
  'Atlantic', 'Pacific', 'Mediterranean', 'Gulf', 'Sahara', 'Himalayas', 'Alps', 'North London', 'South London', 'East London', 'West London',
  'Yorkshire', 'Lancashire', 'Kent', 'Essex', 'Surrey', 'Sussex', 'Devon', 'Cornwall', 'Merseyside',
  // The other US states, Canadian provinces and Australian states.
  'Delaware', 'Idaho', 'Maine', 'Montana', 'Nebraska', 'New Hampshire', 'New Mexico', 'New York State', 'North Dakota', 'South Dakota',
  'Rhode Island', 'Vermont', 'Washington State', 'West Virginia', 'Wyoming', 'Ontario', 'Quebec', 'British Columbia', 'Alberta',
  'Manitoba', 'Saskatchewan', 'Nova Scotia', 'New Brunswick', 'Newfoundland', 'New South Wales', 'Queensland', 'Tasmania',
  'Western Australia', 'South Australia', 'Northern Territory',
  // Other large or newsworthy cities.
  'New York City', 'Kansas City', 'Salt Lake City', 'St. Louis', 'St Louis', 'Minneapolis', 'Milwaukee', 'Cincinnati', 'Columbus',
  'Indianapolis', 'Nashville', 'Memphis', 'Louisville', 'Charlotte', 'Raleigh', 'Richmond', 'Sacramento', 'San Jose', 'San Antonio',
  'Oakland', 'Portland', 'Tampa', 'Orlando', 'Jacksonville', 'Honolulu', 'Anchorage', 'Albuquerque', 'Tucson', 'El Paso', 'Fort Worth',
  'Calgary', 'Edmonton', 'Winnipeg', 'Brisbane', 'Perth', 'Adelaide', 'Auckland', 'Christchurch',
  'Sao Paulo', 'São Paulo', 'Rio de Janeiro', 'Guadalajara', 'Monterrey', 'Medellin', 'Medellín', 'Karachi', 'Lahore', 'Kolkata',
  'Calcutta', 'Chennai', 'Bangalore', 'Bengaluru', 'Hyderabad', 'Ahmedabad', 'Pune', 'Lagos', 'Kano', 'Johannesburg', 'Cape Town',
  'Durban', 'Mombasa', 'Alexandria', 'Casablanca', 'Marrakesh', 'Benghazi', 'Mosul', 'Basra', 'Aleppo', 'Homs', 'Tel Aviv', 'Haifa',
  'Jeddah', 'Mecca', 'Medina', 'Abu Dhabi', 'Isfahan', 'Kandahar', 'Herat', 'Peshawar', 'Chittagong', 'Yangon', 'Rangoon',
  'Mandalay', 'Ho Chi Minh City', 'Saigon', 'Surabaya', 'Bali', 'Cebu', 'Guangzhou', 'Shenzhen', 'Wuhan', 'Chengdu', 'Nanjing',
  'Tianjin', 'Xian', "Xi'an", 'Hangzhou', 'Macau', 'Nagoya', 'Kyoto', 'Yokohama', 'Fukushima', 'Hiroshima', 'Nagasaki', 'Sapporo',
  'Incheon', 'Vladivostok', 'St Petersburg', 'St. Petersburg', 'Kharkiv', 'Odesa', 'Odessa', 'Donetsk', 'Luhansk', 'Mariupol',
  'Hamburg', 'Frankfurt', 'Cologne', 'Stuttgart', 'Dusseldorf', 'Düsseldorf', 'Lyon', 'Marseille', 'Nice', 'Toulouse', 'Bordeaux',
  'Naples', 'Turin', 'Florence', 'Venice', 'Seville', 'Valencia', 'Malaga', 'Porto', 'Rotterdam', 'Antwerp', 'Geneva', 'Zurich',
  'Zürich', 'Krakow', 'Gdansk', 'Salzburg', 'Thessaloniki', 'Aberdeen', 'Dundee', 'Swansea', 'Plymouth', 'Bournemouth', 'Reading',
  'Coventry', 'Leicestershire', 'Hampshire', 'Dorset', 'Somerset', 'Norfolk', 'Suffolk', 'Cumbria', 'Northumberland', 'Cheshire',
  'Lincolnshire', 'Derbyshire', 'Nottinghamshire', 'Staffordshire', 'Warwickshire', 'Gloucestershire', 'Wiltshire', 'Oxfordshire',
  'Berkshire', 'Buckinghamshire', 'Hertfordshire', 'Cambridgeshire', 'West Midlands', 'East Anglia', 'Greater Manchester',
  'Puerto Rico', 'Greenland', 'Chechnya', 'Dagestan', 'Kurdistan', 'Darfur', 'Sinai', 'Golan Heights', 'Donbas', 'Transnistria',
];

function normalise(name: string): string {
  // Hot path (called for every capitalised run): avoid regexes unless the name needs them.
  let k = name.toLowerCase();
  if (k.includes('’')) k = k.replace(/’/g, "'");
  if (/\s\s|[\t\n]/.test(k)) k = k.replace(/\s+/g, ' ');
  k = k.trim();
  return k.endsWith("'s") ? k.slice(0, -2) : k;
}

/**
 * Companies that business and technology news names by one word, with no "Inc" or "Group" to mark them, and that are
 * no common word or given name ("Apple", "Shell", "Next" and "Ford" are left out): "Microsoft said", "Google's toolbar".
 */
const COMPANIES: readonly string[] = [
  'Microsoft', 'Google', 'Yahoo', 'eBay', 'Intel', 'IBM', 'Sony', 'Nokia', 'Samsung', 'Motorola', 'Nintendo', 'Toshiba',
  'Panasonic', 'Siemens', 'Ericsson', 'Vodafone', 'Facebook', 'Twitter', 'Netflix', 'Uber', 'Tesla', 'Boeing', 'Airbus', 'Ryanair',
  'easyJet', 'Lufthansa', 'Toyota', 'Honda', 'Nissan', 'Volkswagen', 'Renault', 'Peugeot', 'Fiat', 'Mitsubishi', 'Hyundai',
  'Unilever', 'Nestle', 'Nestlé', 'Tesco', 'Walmart', 'Wal-Mart', 'Starbucks', 'Barclays', 'HSBC',
  'Citigroup', 'Goldman Sachs', 'Morgan Stanley', 'JPMorgan', 'Gazprom', 'Rosneft', 'Yukos', 'Parmalat', 'Enron', 'Pfizer',
  'GlaxoSmithKline', 'AstraZeneca', 'Novartis', 'Reuters',
];

/** Blocs and organisations that act as parties but are organisations, not places. */
const ORGANISATION_PARTIES = new Set(['European Union', 'United Nations', 'NATO']);

const PARTY_BY_NAME = new Map<string, string>();
const PLACE_BY_NAME = new Map<string, string>();
const ORG_BY_NAME = new Map<string, string>();
for (const [party, [places, institutions, demonyms]] of Object.entries(PARTIES)) {
  PARTY_BY_NAME.set(normalise(party), party);
  if (ORGANISATION_PARTIES.has(party)) ORG_BY_NAME.set(normalise(party), party);
  else PLACE_BY_NAME.set(normalise(party), party);
  for (const n of places) {
    PARTY_BY_NAME.set(normalise(n), party);
    // Other names of the country itself ("Britain", "U.S.") canonicalise; capitals stay themselves.
    const isCountryName = /^[A-Z.]+$/.test(n) || /^[A-Z]\. /.test(n) || /^[A-Z.]+$/.test(n.replace(/\.$/, '')) || /^(?:America|Britain|Great Britain|Holland|Burma|Czechia|Türkiye|Republic of|United States of|People's Republic|Russian Federation|Swaziland|Macedonia|Timor-Leste|Cabo Verde|C[oô]te d'Ivoire|DR Congo|DRC|Congo|Bosnia|UAE)/.test(n);
    PLACE_BY_NAME.set(normalise(n), isCountryName ? party : n);
  }
  for (const n of institutions) {
    PARTY_BY_NAME.set(normalise(n), party);
    ORG_BY_NAME.set(normalise(n), /^[A-Z.]+$/.test(n) || n === 'Nato' ? party : n);
  }
  for (const n of demonyms) PARTY_BY_NAME.set(normalise(n), party);
}
for (const n of OTHER_PLACES) PLACE_BY_NAME.set(normalise(n), n);
for (const n of COMPANIES) ORG_BY_NAME.set(normalise(n), n);

/** The canonical party a name refers to ("Seoul" -> "South Korea", "Japanese" -> "Japan"), or null. */
export function partyOf(name: string): string | null {
  return PARTY_BY_NAME.get(normalise(name)) ?? null;
}

/** The canonical place a name refers to ("U.S." -> "United States", "Seoul" -> "Seoul"), or null. Demonyms are not places. */
export function placeOf(name: string): string | null {
  return PLACE_BY_NAME.get(normalise(name)) ?? null;
}

/**
 * Political parties under the names news gives them, for the organisation list: "the Tories", "Tory", "Conservatives"
 * and "Conservative Party" are one party there. Only the list uses it: who said a quote keeps the story's word.
 */
const PARTY_ORGANISATIONS: Readonly<Record<string, readonly string[]>> = {
  'Conservative Party': ['Conservatives', 'Conservative', 'Tory', 'Tories', 'Tory Party', 'Tory party', 'Conservative party'],
  'Labour Party': ['Labour', 'New Labour', 'Labour party'],
  'Liberal Democrats': ['Liberal Democrat', 'Lib Dems', 'Lib Dem', 'LibDems'],
  'UK Independence Party': ['UKIP', 'Ukip'],
  'Scottish National Party': ['SNP'],
  'Green Party': ['Greens'],
  'Democratic Party': ['Democrats', 'Democratic party'],
  'Republican Party': ['Republicans', 'GOP', 'Republican party'],
};
const PARTY_ORGANISATION_BY_NAME = new Map<string, string>();
for (const [party, names] of Object.entries(PARTY_ORGANISATIONS)) for (const n of [party, ...names]) PARTY_ORGANISATION_BY_NAME.set(normalise(n), party);

/** The one name of a political party the list shows for any of its names ("Tories" -> "Conservative Party"), or null. */
export function partyOrganisation(name: string): string | null {
  return PARTY_ORGANISATION_BY_NAME.get(normalise(name)) ?? null;
}

/** The canonical organisation for an institutional name the gazetteer knows ("UN", "Kremlin"), or null. */
export function gazetteerOrganisation(name: string): string | null {
  return ORG_BY_NAME.get(normalise(name)) ?? null;
}

/**
 * Places of several words that end in a party's name but are not that party: "New South Wales" is not Wales,
 * "New Mexico" not Mexico, "Washington State" not the US government, "north London" not Britain's.
 * First word -> the most words such a place has.
 */
const NON_PARTY_PLACE_FIRST = new Map<string, number>();
const NON_PARTY_PLACES = new Set<string>();
for (const n of OTHER_PLACES) {
  const words = normalise(n).split(' ');
  if (words.length < 2 || PARTY_BY_NAME.has(words.join(' '))) continue;
  let partyInside = false;
  for (let k = 0; k < words.length && !partyInside; k++) if (PARTY_BY_NAME.has(words.slice(k).join(' ')) || PARTY_BY_NAME.has(words[k]!)) partyInside = true;
  if (!partyInside) continue;
  NON_PARTY_PLACES.add(words.join(' '));
  NON_PARTY_PLACE_FIRST.set(words[0]!, Math.max(NON_PARTY_PLACE_FIRST.get(words[0]!) ?? 0, words.length));
}

/** Longest surface form of any party, in words ("Republic of Korea" is 3). */
const MAX_FORM_WORDS = Math.max(...[...PARTY_BY_NAME.keys()].map((k) => k.split(' ').length));
/** The first word of each surface form of two or more words, with the most words any such form has. */
const MULTI_WORD_FORMS = new Map<string, number>();
for (const k of PARTY_BY_NAME.keys()) {
  const words = k.split(' ');
  if (words.length > 1) MULTI_WORD_FORMS.set(words[0]!, Math.max(MULTI_WORD_FORMS.get(words[0]!) ?? 0, words.length));
}

/** `/[\p{L}\p{N}]/u` on the code point at `at` (false past the end). */
function letterOrDigitAt(text: string, at: number): boolean {
  return at < text.length && isLetterOrNumber(codePointAt(text, at));
}

/**
 * The words a party's name can have are capitalised words (with the dots and hyphens of "U.S.-Japan"), "of" and "the":
 * the matches of `/(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}.'’]*|of|the)(?![\p{L}\p{N}])/gu`. They are found by character
 * loops (the tests hold the result to the gazetteer that used the regex). A name opens with a capitalised word, so only
 * capitals (and non-ASCII characters) are visited; the words after one are read where they must start.
 */
const CAPITAL_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/**
 * The end of the capitalised word at `i`, or -1. When the longest `\p{Lu}[\p{L}.'’]*` is followed by a digit, the regex
 * gives characters back down to the last `.`, `'` or `’` in the word, the only ones a letter or digit does not follow.
 */
function capitalisedWordEnd(text: string, i: number): number {
  const cp = codePointAt(text, i);
  if (!isUpper(cp) || (i > 0 && afterLetterOrDigit(text, i))) return -1;
  let e = i + widthOf(cp);
  let lastMark = -1;
  while (e < text.length) {
    const d = codePointAt(text, e);
    if (d === 46 || d === 39 || d === 0x2019) lastMark = e;
    else if (!isLetter(d)) break;
    e += widthOf(d);
  }
  return !letterOrDigitAt(text, e) ? e : lastMark;
}

/** The end of the word that follows a space at `i - 1` (a capitalised word, "of" or "the"), or -1. */
function nameWordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 111 || c === 116) {
    const n = c === 111 ? (text.startsWith('of', i) ? 2 : 0) : text.startsWith('the', i) ? 3 : 0;
    return n > 0 && !letterOrDigitAt(text, i + n) ? i + n : -1;
  }
  return capitalisedWordEnd(text, i);
}

/** A surface form's party, remembered (bounded): "US" and "U.S." recur in every story. */
const PARTY_OF_SURFACE = new Map<string, string | null>();

function partyOfSurface(raw: string): string | null {
  let party = PARTY_OF_SURFACE.get(raw);
  if (party !== undefined) return party;
  let surface = raw;
  const e = surface.length;
  if (e >= 2 && surface.charCodeAt(e - 1) === 115 && (surface.charCodeAt(e - 2) === 39 || surface.charCodeAt(e - 2) === 0x2019)) surface = surface.slice(0, -2);
  const lower = surface.toLowerCase();
  party = PARTY_BY_NAME.get(lower) ?? null;
  // Keep case: "US" names a country, but so does "Us" only at a sentence start — accept capitalised forms only.
  if (party && surface === lower) party = null;
  if (!party && surface.endsWith('.')) party = PARTY_BY_NAME.get(surface.slice(0, -1).toLowerCase()) ?? null;
  if (PARTY_OF_SURFACE.size >= 20_000) PARTY_OF_SURFACE.clear();
  PARTY_OF_SURFACE.set(raw, party);
  return party;
}

/** Appends to `ends` the ends of the words `wordEnd` reads after single spaces, until `limit` words or a word it refuses. */
function extendByWords(text: string, ends: number[], limit: number, wordEnd: (text: string, at: number) => number): void {
  while (ends.length < limit) {
    const q = ends[ends.length - 1]!;
    if (text.charCodeAt(q) !== 32) break;
    const next = wordEnd(text, q + 1);
    if (next < 0) break;
    ends.push(next);
  }
}

/** The end of the longest non-party place ("New South Wales") of at most `limit` words opening at `start`, or -1. */
function nonPartyPlaceEnd(text: string, start: number, first: number, limit: number): number {
  const ends = [first];
  extendByWords(text, ends, limit, capitalisedWordEnd);
  for (let n = ends.length; n >= 2; n--) if (NON_PARTY_PLACES.has(normalise(text.slice(start, ends[n - 1]!)))) return ends[n - 1]!;
  return -1;
}

/** The code point before `at` is a letter or digit. */
function afterLetterOrDigit(text: string, at: number): boolean {
  let cp = text.charCodeAt(at - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = codePointAt(text, at - 2);
  }
  return isLetterOrNumber(cp);
}

/**
 * Every party mentioned in a span of text, as canonical names in order of first mention.
 * Case-sensitive ("US" is a party, "us" is not); "inter-Korean" names no one, "Seoul-Tokyo" names two.
 */
export function partiesMentioned(text: string): string[] {
  const out: string[] = [];
  for (const m of partyMentions(text)) if (!out.includes(m.party)) out.push(m.party);
  return out;
}

/** Where each party is named in a span of text, in order: the canonical party and the offsets of its name. */
export function partyMentions(text: string): Array<{ party: string; start: number; end: number }> {
  const out: Array<{ party: string; start: number; end: number }> = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    CAPITAL_CANDIDATE.lastIndex = i;
    if (!CAPITAL_CANDIDATE.test(text)) break;
    const start = CAPITAL_CANDIDATE.lastIndex - 1;
    const first = capitalisedWordEnd(text, start);
    if (first < 0) {
      i = start + widthOf(codePointAt(text, start));
      continue;
    }
    i = first;
    // A lower-case word joined by a hyphen ("inter-Korean") is not a party name.
    if (start > 0 && text.charCodeAt(start - 1) === 45) {
      let b = start - 2;
      // `[\p{L}.-]` and then `\p{Ll}` on single UTF-16 units (a surrogate is neither).
      for (; b > 0; b--) {
        const u = text.charCodeAt(b - 1);
        if (u !== 46 && u !== 45 && !isLetter(u)) break;
      }
      if (b >= 0 && b < text.length && isLower(text.charCodeAt(b))) continue;
    }
    // Only words separated by single spaces form one name, and only a known first word opens a name of several.
    ends.length = 0;
    ends.push(first);
    const nonParty = NON_PARTY_PLACE_FIRST.get(text.slice(start, first).toLowerCase());
    if (nonParty !== undefined) {
      const placeEnd = nonPartyPlaceEnd(text, start, first, nonParty);
      if (placeEnd > 0) {
        i = placeEnd;
        continue;
      }
    }
    const multi = MULTI_WORD_FORMS.get(text.slice(start, first).toLowerCase());
    if (multi !== undefined) {
      extendByWords(text, ends, Math.min(MAX_FORM_WORDS, multi), nameWordEnd);
    }
    for (let n = ends.length; n >= 1; n--) {
      const party = partyOfSurface(text.slice(start, ends[n - 1]!));
      if (party) {
        out.push({ party, start, end: ends[n - 1]! });
        i = ends[n - 1]!;
        break;
      }
    }
  }
  return out;
}
