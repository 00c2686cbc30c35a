import { describe, expect, it } from 'vitest';
import { extractEntities, THING_BEFORE_RE, thingCueBefore } from '../../../src/core/analysis/extract-entities.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

/** The people list as a briefing card shows it. */
function peopleOf(text: string): string[] {
  const mentions = findMentions(text);
  return extractEntities(text, mentions, new NameIndex(mentions)).people.map((p) => p.name);
}

describe('people list: titles in quotation marks', () => {
  it('GIVEN a TV show, a game and a film named in quotes THEN none is a person', () => {
    expect(peopleOf('The satirist Omar Hassan hosted "Al Masrah" for three seasons, Hassan said.')).toEqual(['Omar Hassan']);
    expect(peopleOf("Police said the boy, a fan of 'Grand Theft Auto', had played for hours, according to Jane Doyle.")).toEqual(['Jane Doyle']);
    expect(peopleOf('Critics loved “Dark Harbour Lights,” the film by director Ana Ruiz.')).toEqual(['Ana Ruiz']);
  });

  it('GIVEN a quote that opens on a name and goes on in lower case THEN it is speech and the name stays', () => {
    expect(peopleOf('He said: "Mark Ellis is the best we have," and coach Tom Baker agreed.')).toEqual(['Mark Ellis', 'Tom Baker']);
  });

  it("GIVEN an online handle in curly quotes THEN it is no person", () => {
    expect(peopleOf('‘Happy Panda’ commented online, and Li Wei agreed.')).toEqual(['Li Wei']);
  });
});

describe('people list: names of things', () => {
  it('GIVEN events and periods ending on Spring, War, Revolution, Games, Cup, Awards THEN none is a person', () => {
    const text =
      'The Arab Spring reached Cairo. The Cold War ended. The Orange Revolution began in Kiev. Athletes at the Commonwealth Games met Sarah Lund. The Davis Cup and the Brit Awards followed.';
    expect(peopleOf(text)).toEqual(['Sarah Lund']);
  });

  it('GIVEN holy days named by two words (Rosh Hashanah, Yom Kippur, Eid al-Fitr) THEN none is a person', () => {
    const text = 'Schools close for Rosh Hashanah and Yom Kippur, and now for Eid al-Fitr and Eid al-Adha, Mayor Bill de Blasio said.';
    expect(peopleOf(text)).toEqual(['Bill de Blasio']);
  });

  it('GIVEN a firm in a list between organisations, or a firm named as the start of another organisation THEN no person', () => {
    expect(peopleOf('Banks named include UBS, Credit Suisse First Boston and Deutsche Bank, said lawyer William Lerach.')).toEqual(['William Lerach']);
    expect(peopleOf('Standard Life has cut bonus rates. David Cummings of Standard Life Investments said more cuts would follow.')).toEqual(['David Cummings']);
    // One organisation beside a name is an appositive, not a list: the person stays.
    expect(peopleOf('Rod Eddington, BA\'s chief executive, said fuel costs rose.')).toEqual(['Rod Eddington']);
  });

  it('GIVEN a region and a demonym ("Middle Eastern", "West African") THEN no person is listed', () => {
    expect(peopleOf('Middle Eastern leaders met West African envoys, said Paul Okoro.')).toEqual(['Paul Okoro']);
  });

  it('GIVEN companies and documents that a title word or "of" split ("General Electric", "Bill of Rights") THEN no person', () => {
    expect(peopleOf('Shares of General Electric fell, said analyst Ruth Kim.')).toEqual(['Ruth Kim']);
    expect(peopleOf('The Bill of Rights was cited by lawyer Dan Price.')).toEqual(['Dan Price']);
    expect(peopleOf('He listened to Classic FM and watched BT Sport with Joe Hart.')).toEqual(['Joe Hart']);
  });

  it('GIVEN banks, brokers and firms named for a trade (Securities, Capital, Economics, Brothers, Communications) THEN no person, and each is an organisation', () => {
    const texts = [
      'Shares rose 3%, said Kenji Sato of Daiwa Securities. Barclays Capital said the same.',
      'Prices will keep climbing, said Julia Baker at Capital Economics, as Lehman Brothers cut its forecast.',
      'Verizon Communications agreed the deal, and Monument Securities analyst Marc Ostwald called it fair.',
    ];
    expect(texts.map(peopleOf)).toEqual([['Kenji Sato'], ['Julia Baker'], ['Marc Ostwald']]);
    const mentions = findMentions(texts[0]!);
    expect(extractEntities(texts[0]!, mentions, new NameIndex(mentions)).organizations).toEqual(expect.arrayContaining(['Daiwa Securities', 'Barclays Capital']));
  });

  it('GIVEN firms named for an industry (Petroleum, Aeronautics, Instruments, Distributors, Breweries, Insurance) THEN no person, and each is an organisation; so is an airline named "Air ..."', () => {
    const texts = [
      'The deal was backed by Woodside Petroleum, trade minister Mark Vaile said.',
      'Hindustan Aeronautics will build the jets, defence minister Pranab Mukherjee said.',
      'Texas Instruments and Asahi Breweries reported profits, analyst Joan Reed said.',
      'The fund was sold through BACAP Distributors and Cooperative Insurance, according to lawyer Erik Gustafson.',
      'Air Deccan and Air Shamrock ordered planes, founder Gorur Gopinath said.',
    ];
    expect(texts.map(peopleOf)).toEqual([['Mark Vaile'], ['Pranab Mukherjee'], ['Joan Reed'], ['Erik Gustafson'], ['Gorur Gopinath']]);
    const mentions = findMentions(texts[2]!);
    expect(extractEntities(texts[2]!, mentions, new NameIndex(mentions)).organizations).toEqual(expect.arrayContaining(['Texas Instruments', 'Asahi Breweries']));
  });

  it('GIVEN a firm\'s branch in a country ("AOL UK", "BBC Scotland") after a person\'s role THEN it is an organisation, not a person with that role', () => {
    const text = '"It is part of home life," said Karen Thomson, Chief Executive of AOL UK. BBC Scotland and IBM Japan agreed.';
    expect(peopleOf(text)).toEqual(['Karen Thomson']);
    const mentions = findMentions(text);
    expect(extractEntities(text, mentions, new NameIndex(mentions)).organizations).toEqual(expect.arrayContaining(['AOL UK', 'BBC Scotland', 'IBM Japan']));
  });

  it('GIVEN products, shows and events ("Windows XP", "Nintendo DS", "Pop Idol", "X Factor", "Internet Explorer") THEN no person', () => {
    expect(peopleOf('The flaw affects Windows XP and Internet Explorer, said Graham Cluley.')).toEqual(['Graham Cluley']);
    expect(peopleOf('Sales of the Nintendo DS beat the PlayStation Portable, analyst Ben Keen said.')).toEqual(['Ben Keen']);
    expect(peopleOf('The singer won Pop Idol before X Factor began, said Simon Fuller.')).toEqual(['Simon Fuller']);
  });

  it('GIVEN a place ending on Plains or a name opening on St THEN no person', () => {
    expect(peopleOf('She lived in Yonkers and White Plains, said Tim Ford. Fans filled St James\' Park.')).toEqual(['Tim Ford']);
  });

  it('GIVEN a name after "the" or "a" that opens on no given name THEN it is a thing or group, but a given name keeps a person', () => {
    expect(peopleOf('The Flash Pack runs tours, and she drove a Land Rover. The Spice Girls sang. Emma Bunton smiled.')).toEqual(['Emma Bunton']);
    expect(peopleOf('Fans of the Modern Family cast met Ed Burke.')).toEqual(['Ed Burke']);
  });
});

describe('people list: words glued to a name', () => {
  it('GIVEN an occupation opening the sentence before a name the given-name list lacks THEN it is the role, not part of the name', () => {
    expect(peopleOf('Economist Colen Garrow said rates would stay on hold.')).toEqual(['Colen Garrow']);
    expect(peopleOf('Conductor Marcello Viotti died in Munich. Comedian Chris Rock will host the show.')).toEqual(['Marcello Viotti', 'Chris Rock']);
    expect(peopleOf('Growth will slow, said Robert Ward of the Economist Intelligence Unit.')).toEqual(['Robert Ward']);
  });

  it('GIVEN a role noun or rank before a full name THEN the person is listed without it', () => {
    expect(peopleOf('Prisoner Carlos Mendes was jailed for five years.')).toEqual(['Carlos Mendes']);
    expect(peopleOf('Triathlete Laura Beck, 26, crashed in 2010.')).toEqual(['Laura Beck']);
    expect(peopleOf('Police spokesman Major Sipho Dlamini said the room was locked.')).toEqual(['Sipho Dlamini']);
  });

  it('GIVEN a hyphenated adjective before a name THEN it is dropped ("Second-placed Real" leaves no person)', () => {
    expect(peopleOf('Second-placed Real trail by two points.')).toEqual([]);
  });

  it('GIVEN a caption running into a name ("Meacham Dressed") or a song title ("Never Let You Down") THEN the run-on is cut or the title dropped', () => {
    expect(peopleOf('The fan is Malenda Meacham Dressed to impress: she wore a jersey.')).toEqual(['Malenda Meacham']);
    expect(peopleOf("She sang Will Never Let You Down, and judge Dana Cole clapped.")).toEqual(['Dana Cole']);
  });
});

describe('people list: people named by one word', () => {
  it('GIVEN one-word names in a list with full names THEN they are people', () => {
    expect(peopleOf('He trained with David Beckham, Luis Figo and Raul.')).toEqual(['David Beckham', 'Luis Figo', 'Raul']);
    expect(peopleOf('Stars such as Emma Stone, Rihanna and Lady Gaga wore it.')).toEqual(['Emma Stone', 'Rihanna', 'Gaga']);
  });

  it('GIVEN a list of places next to no person THEN no one-word item becomes a person', () => {
    expect(peopleOf('She married in Mamaroneck, Ramapo and Yonkers.')).toEqual([]);
    expect(peopleOf('Arsenal, Chelsea and Everton all lost.')).toEqual([]);
  });

  it('GIVEN "Ruth and Peter Gaver" THEN both get the surname', () => {
    expect(peopleOf('Above, suspects Ruth and Peter Gaver, 52 and 55, were jailed.')).toEqual(['Ruth Gaver', 'Peter Gaver']);
    expect(peopleOf('Guests included Anna and Tom Price.')).toEqual(['Anna Price', 'Tom Price']);
  });
});

describe('people list: questions', () => {
  it('GIVEN a question opened by an auxiliary before a name THEN the auxiliary is no part of the name', () => {
    expect(peopleOf('Have Rick Grimes and his group finally found a home? Rick Grimes thinks so.')).toEqual(['Rick Grimes']);
    expect(peopleOf('Is Angela Merkel ready to step down? Merkel said no.')).toEqual(['Angela Merkel']);
    expect(peopleOf('Did Tom Brady know? Brady denied it.')).toEqual(['Tom Brady']);
  });
});

describe('people list: gerunds and houses', () => {
  it('GIVEN a capitalised run that opens on a gerund or participle THEN it names no person', () => {
    expect(peopleOf('Following Netanyahu’s speech, Senator Ann Walsh said the deal was dead.')).toEqual(['Ann Walsh']);
    expect(peopleOf('The series Finding Harbour drew praise from critic Paul Hardy.')).toEqual(['Paul Hardy']);
    expect(peopleOf('He told Rolling Stone that he would tour again, his manager Kate Bell said.')).toEqual(['Kate Bell']);
  });

  it('GIVEN a given name that ends in -ing THEN it still opens a name', () => {
    expect(peopleOf('Sterling Hayes, the club captain, said the team was ready.')).toEqual(['Sterling Hayes']);
  });

  it('GIVEN a name ending on House THEN it is a building or an organisation, not a person', () => {
    expect(peopleOf('A report by Chatham House was welcomed by minister Joan Reid.')).toEqual(['Joan Reid']);
  });
});

describe('people list: laws, buildings, units and storms', () => {
  it('GIVEN names ending on Act, Patrol, Canal, Corps, Report or Theatre THEN none is a person', () => {
    const text =
      'The Clean Harbours Act passed. The Highway Patrol closed the road near the Kiel Canal. The Peace Corps and the Drudge Report praised Maria Lopez, who sang at the Old Vic Theatre.';
    expect(peopleOf(text)).toEqual(['Maria Lopez']);
  });

  it('GIVEN a storm named like a person THEN it is no person', () => {
    expect(peopleOf('Hurricane Isabel and Tropical Storm Bill flooded the coast, said forecaster Dan Reyes.')).toEqual(['Dan Reyes']);
  });
});

describe('people list: roles from an appositive', () => {
  const rolesOf = (text: string): Record<string, string | null> => {
    const mentions = findMentions(text);
    return Object.fromEntries(extractEntities(text, mentions, new NameIndex(mentions)).people.map((p) => [p.name, p.role]));
  };

  it('GIVEN an appositive role THEN it is the role', () => {
    expect(rolesOf('Maria Lopez, the mayor of Riverton, said the roads would reopen.')['Maria Lopez']).toBe('mayor of Riverton');
  });

  it('GIVEN a comma after a name and words that run over a sentence end or through a relative clause THEN no role is taken', () => {
    const roles = rolesOf('Tom Hale, running toward him. Then Kevin Ross shouted at the officer, and left. Sam Dell, who was guarded by the best defender, scored.');
    expect(roles['Tom Hale'] ?? null).toBeNull();
    expect(roles['Sam Dell'] ?? null).toBeNull();
  });
});

describe('people list: Emeritus and Consort are titles', () => {
  it('GIVEN "Pope Emeritus Benedict XVI" and "Princess Consort" THEN they are part of the role, not of the name', () => {
    const mentions = findMentions('Pope Emeritus Benedict XVI met Queen Consort Camilla Parker in Rome.');
    const people = extractEntities('Pope Emeritus Benedict XVI met Queen Consort Camilla Parker in Rome.', mentions, new NameIndex(mentions)).people;
    expect(people).toContainEqual({ name: 'Benedict XVI', role: 'Pope Emeritus' });
    expect(people.map((p) => p.name)).not.toContain('Consort Camilla Parker');
  });
});

describe('people list: works, bands and firms named like people, told by the words around them', () => {
  it('GIVEN a film, a song and a show after the noun that names them THEN none is a person', () => {
    expect(peopleOf('Imelda Staunton won for the drama Vera Drake, said critic Anne Lowe.')).toEqual(['Imelda Staunton', 'Anne Lowe']);
    expect(peopleOf('The re-release of hit song Jailhouse Rock outsold everything, said Paul Mead.')).toEqual(['Paul Mead']);
    expect(peopleOf('Maria Chen told the BBC programme Go Digital about the project.')).toEqual(['Maria Chen']);
    expect(peopleOf('Carrey attended the premiere of Lemony Snicket in London with Meryl Streep.')).toEqual(['Meryl Streep']);
  });

  it('GIVEN a band or a film before "singer", "director" or "star" THEN it is no person, the person after it is', () => {
    expect(peopleOf('Franz Ferdinand singer Alex Kapranos thanked the fans.')).toEqual(['Alex Kapranos']);
    expect(peopleOf('Harry Potter star Daniel Radcliffe arrived with Vera Drake director Mike Leigh.')).toEqual(['Daniel Radcliffe', 'Mike Leigh']);
    expect(peopleOf('New York band Scissor Sisters won, ahead of Joss Stone.')).toEqual(['Joss Stone']);
  });

  it('GIVEN a firm named like a person, by its shares, its investors, its boss or a comma after "firm" THEN it is no person', () => {
    expect(peopleOf('Shares in Biogen Idec plunged on Monday, said Ian Hunter.')).toEqual(['Ian Hunter']);
    expect(peopleOf('Deutsche Boerse investors are unhappy, said Clara Furse.')).toEqual(['Clara Furse']);
    expect(peopleOf("The world's biggest confectionery firm, Cadbury Schweppes, made a profit, said Todd Stitzer.")).toEqual(['Todd Stitzer']);
    expect(peopleOf('Time Warner boss Richard Parsons spoke.')).toEqual(['Richard Parsons']);
  });

  it('GIVEN a name with its initials in brackets, a capitalised "The" or "Of" inside or first, or a number word first THEN it is a title or a body', () => {
    expect(peopleOf('A woman is suing Hewlett Packard (HP), said lawyer Kim Ross.')).toEqual(['Kim Ross']);
    expect(peopleOf('Meet The Fockers beat Million Dollar Baby and The Holocaust drama, said Paul Dergarabedian.')).toEqual(['Paul Dergarabedian']);
    expect(peopleOf('Sales of Knights Of The Old Republic rose, said Ian Fogg.')).toEqual(['Ian Fogg']);
  });

  it('GIVEN a person after such a noun who acts, owns a work or qualifies a noun THEN the person stays', () => {
    expect(peopleOf('It is the company Bill Gates founded.')).toEqual(['Bill Gates']);
    expect(peopleOf('The head of the state company, Yury Boyko, said he was happy.')).toEqual(['Yury Boyko']);
    expect(peopleOf("The film is an adaptation of Bill Cosby's TV cartoon.")).toEqual(['Bill Cosby']);
    expect(peopleOf('The show turned to the star of Elvis Presley musical Jailhouse Rock.')).toEqual(['Elvis Presley']);
    expect(peopleOf('Archangel is an adaptation of the Robert Harris best-seller.')).toEqual(['Robert Harris']);
    expect(peopleOf('The film is the sequel to Ben Stiller comedy Meet The Parents.')).toEqual(['Ben Stiller']);
    expect(peopleOf('Polls show Tony Blair ahead, and Jamie Foxx will play Ray Charles.')).toEqual(['Tony Blair', 'Jamie Foxx', 'Ray Charles']);
    expect(peopleOf('He signed the deal, said Charles A Blixt, general counsel.')).toEqual(['Charles A Blixt']);
  });

  it('GIVEN a people of a country ("South Koreans") or a firm ending on Stockbrokers or Analytics THEN it is no person', () => {
    expect(peopleOf('South Koreans protested, said Kim Min-jun.')).toEqual(['Kim Min-jun']);
    expect(peopleOf('Most of the value was there, said Ian Hunter at Goodbody Stockbrokers, and Neil Mawston of Strategy Analytics.')).toEqual(['Ian Hunter', 'Neil Mawston']);
  });
});

describe('people list: the quick test before the pattern of nouns before a name', () => {
  it('GIVEN random runs of cue words, "the", "of", commas and spaces before a name THEN the quick test never refuses where the pattern matches', () => {
    const words = ['film', 'Film', 'the', 'The', 'shares', 'in', 'of', 'to', 'for', 'star', 'stake', 'bid', 'takeover', 'company', 'firm', 'x', 'filmx', 'é', 'band', 'makers', 'director', 'adaptation', 'premiere'];
    const seps = [' ', '  ', ', ', ',', '\n', '\t', '.', ' , ', '\u00a0'];
    let seed = 7;
    const pick = <T,>(xs: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return xs[seed % xs.length]!;
    };
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let k = 0, n = 1 + (i % 4); k < n; k++) s += pick(words) + pick(seps);
      const text = `${s}Vera Drake`;
      if (!THING_BEFORE_RE.test(text.slice(Math.max(0, s.length - 40), s.length))) continue;
      matched++;
      expect(thingCueBefore(text, s.length), JSON.stringify(s)).toBe(true);
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
