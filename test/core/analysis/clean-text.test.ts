import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakNumberedLists, cleanText, normaliseWhitespace, readableSentence, stripInlineFurniture, stripPhotoCredits } from '../../../src/core/analysis/clean-text.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';

// The opening of the Arirang transcript exactly as it was pasted, web-page leftovers included.
const TRANSCRIPT = [
  "S. Korea-Japan foreign ministers hold talks on bilateral ties and N. Korea's nuclear issue",
  '  • 6 years ago',
  '"A historic opportunity.',
  "That's how the top diplomats described the summits.",
  'Lee Ji-won with more.',
  'The foreign ministers reaffirmed their mutual goal.',
  '',
  '',
  'Lee Ji-won, Arirang News.',
  'Recommended2',
].join('\r\n');

describe('cleanText', () => {
  it('GIVEN a relative time stamp and a "Recommended" widget line THEN both are removed', () => {
    const cleaned = cleanText(TRANSCRIPT);
    expect(cleaned).not.toMatch(/years ago|Recommended/);
    expect(cleanText('Storm hits coast\n3 hours ago\nThe storm made landfall at dawn.\nAdvertisement\nShare this with Email Facebook Twitter Pinterest\nResidents fled.')).toBe(
      'Storm hits coast\n\nThe storm made landfall at dawn.\nResidents fled.',
    );
  });

  it('GIVEN a TV hand-off and a reporter sign-off THEN both lines go and the story lines stay', () => {
    const cleaned = cleanText(TRANSCRIPT);
    expect(cleaned).not.toContain('Lee Ji-won');
    expect(cleaned).toContain('The foreign ministers reaffirmed their mutual goal.');
    expect(cleanText('The mayor resigned on Monday.\nJohn Smith, KBS News.')).toBe('The mayor resigned on Monday.');
    expect(cleanText('Floods hit the north.\nMaria Lopez reports.')).toBe('Floods hit the north.');
  });

  it('GIVEN paragraphs that open on a colon whose label the copy lost THEN the colon goes and the words stay', () => {
    expect(cleanText('He joined the label in 1977.\n\n: The album Exodus came out in 1977.\n\n: "I saw him many times."')).toBe(
      'He joined the label in 1977.\n\nThe album Exodus came out in 1977.\n\n"I saw him many times."',
    );
    // A colon inside a line, or one not followed by a space, is left as written.
    expect(cleanText('The minister said: the talks go on.\n:-) was the reply.')).toBe('The minister said: the talks go on.\n:-) was the reply.');
  });

  it('GIVEN a story line that starts like a share prompt THEN it is kept', () => {
    const text = 'Share this moment with your family, the mayor told residents.\nShare on Facebook and Twitter';
    expect(cleanText(text)).toBe('Share this moment with your family, the mayor told residents.');
  });

  it('GIVEN a sign-off pattern inside a sentence THEN the sentence is kept', () => {
    const text = 'Officials from Seoul, Arirang News and KBS attended the briefing.';
    expect(cleanText(text)).toBe(text);
  });

  it('GIVEN a headline first line without punctuation THEN it becomes its own paragraph', () => {
    const cleaned = cleanText(TRANSCRIPT);
    const [title, body] = cleaned.split('\n\n');
    expect(title).toBe("S. Korea-Japan foreign ministers hold talks on bilateral ties and N. Korea's nuclear issue");
    expect(body?.startsWith('"A historic opportunity.\n')).toBe(true);
  });

  it('GIVEN a first line that is an ordinary sentence THEN no paragraph break is invented', () => {
    expect(cleanText('The vote was close.\nIt passed by two votes.')).toBe('The vote was close.\nIt passed by two votes.');
  });

  it('GIVEN CRLF endings, tabs, non-breaking spaces and several blank lines THEN paragraphs are split by one blank line', () => {
    const cleaned = cleanText('  First\u00a0paragraph  here.\r\n\r\n\r\n\tSecond   one.\r\n');
    expect(cleaned).toBe('First paragraph here.\n\nSecond one.');
  });

  it('GIVEN "Scroll down for video" inside Daily Mail copy THEN only the phrase is removed', () => {
    const raw = "The kite was a record, according to People's Daily Online. Scroll down for video Flying high: Half of the kite took off.";
    expect(cleanText(raw)).toBe("The kite was a record, according to People's Daily Online. Flying high: Half of the kite took off.");
  });

  it('GIVEN a Daily Mail byline and PUBLISHED/UPDATED header THEN the story starts at its first word', () => {
    const raw =
      'By . Daily Mail Reporter . PUBLISHED: . 10:41 EST, 2 January 2014 . | . UPDATED: . 11:52 EST, 2 January 2014 . A man has been arrested after a crash.';
    expect(cleanText(raw)).toBe('A man has been arrested after a crash.');
    expect(cleanText('By . Jane Doe . and John Roe . The council voted.')).toBe('The council voted.');
  });

  it('GIVEN a CNN dateline and a contributor credit THEN neither is story text', () => {
    expect(cleanText('(CNN)Blues legend B.B. King was hospitalized. CNN\'s Greg Botelho contributed to this report.')).toBe(
      'Blues legend B.B. King was hospitalized.',
    );
    expect(cleanText('WASHINGTON (CNN) -- The Senate passed the bill.')).toBe('The Senate passed the bill.');
  });

  it('GIVEN closing lines saying where the reporters filed from THEN they are credits too; a story sentence about reporting is kept', () => {
    expect(
      cleanText(
        '(CNN)The roof collapsed on Thursday. Farid Ahmed reported from Dhaka and Harmeet Shah Singh from New Delhi. Greg Botelho wrote this story from Atlanta. CNN\'s Sugam Pokharel contributed to this report.',
      ),
    ).toBe('The roof collapsed on Thursday.');
    expect(cleanText('(CNN)The train derailed. CNN\'s Harmeet Singh reported from New Delhi. CNN\'s Jason Hanna wrote in Atlanta.')).toBe('The train derailed.');
    expect(cleanText('The jury returned its verdict. Survivors react to the verdict Ann O\'Neill reported from Boston. Dana Ford reported from Atlanta.')).toBe(
      'The jury returned its verdict.',
    );
    expect(cleanText('The ship sank. The BBC reported in March that the company had failed safety checks.')).toBe(
      'The ship sank. The BBC reported in March that the company had failed safety checks.',
    );
    expect(cleanText('The ship sank. The BBC reported in March.')).toBe('The ship sank. The BBC reported in March.');
    expect(cleanText('Reporters wrote from Kabul about the war. The ship sank on Monday.')).toBe('Reporters wrote from Kabul about the war. The ship sank on Monday.');
  });

  it('GIVEN wire copy with photo captions and a teaser before its dateline THEN the story starts at the dateline', () => {
    const wire = [
      '1 of 4. Rescue workers search the coast near the port in Kotka March 3, 2016.',
      'The best and worst of the week in pictures.',
      'HELSINKI (Reuters) - Finnish coastguards widened the search for a missing ferry on Thursday.',
      'The ferry carried 40 passengers.',
    ].join('\n\n');
    expect(cleanText(wire)).toBe('Finnish coastguards widened the search for a missing ferry on Thursday.\n\nThe ferry carried 40 passengers.');
    // Two places joined by a slash, and a caption before an AP dateline.
    const ap = 'Protesters march in Lima, Peru Nov. 12, 2020.\n\nLIMA, Peru/BOGOTA (AP) — Thousands marched again on Friday.\n\nPolice stood by.';
    expect(cleanText(ap)).toBe('Thousands marched again on Friday.\n\nPolice stood by.');
  });

  it('GIVEN a long paragraph before a dateline THEN nothing is dropped: only short captions and teasers are furniture', () => {
    const long = `${'The council met again to discuss the budget, and members argued over every line of it. '.repeat(6).trim()}\n\nLONDON (Reuters) - The vote was delayed.`;
    expect(cleanText(long).split('\n\n')).toHaveLength(2);
  });

  it('GIVEN a first paragraph that is a photo caption (a place, then a date) THEN it goes; a lead that dates its event with "on" stays', () => {
    expect(cleanText('People pose with laptops in front of a screen, in this picture illustration taken in Zenica October 29, 2014.\n\nGmail was cut off in China on Friday.')).toBe(
      'Gmail was cut off in China on Friday.',
    );
    expect(cleanText('A general view of the hospital is seen in Glasgow, Scotland December 29, 2014.\n\nA nurse has Ebola.')).toBe('A nurse has Ebola.');
    const lead = 'The treaty was signed in Paris on December 12, 2015.\n\nIt took effect a year later.';
    expect(cleanText(lead)).toBe(lead);
    // A caption alone is all the text there is: it stays.
    expect(cleanText('Crowds gather in Seoul May 9, 2022.')).toBe('Crowds gather in Seoul May 9, 2022.');
  });

  it('GIVEN wire credits closing the story THEN they go, however many, but a story sentence about reporting stays', () => {
    const story = 'The plane was found on Tuesday.\n\nRelatives wept.';
    expect(cleanText(`${story}\n\n(Additional reporting by Ana Silva in LISBON; Writing by Dean Yates; Editing by Mike Perry)`)).toBe(story);
    expect(cleanText(`${story}\n\n(Reporting by Andy Bruce in London)\n\nEditing by Joyjeet Das`)).toBe(story);
    const about = 'Reporting by local papers on the scandal was thin, the inquiry found.';
    expect(cleanText(`${story}\n\n${about}`)).toBe(`${story}\n\n${about}`);
  });

  it('GIVEN a photographer\'s credit glued into a caption THEN it goes, and slashes in story text stay', () => {
    expect(stripPhotoCredits('Kevin C. Downs/for New York Daily News London Rene and his partner pose in the office.')).toBe('London Rene and his partner pose in the office.');
    expect(stripPhotoCredits('Fans gather in Rome. John Smith/Getty Images The match starts at noon.')).toBe('Fans gather in Rome. The match starts at noon.');
    expect(stripPhotoCredits('Jane Doe/AP Photo: The bridge collapsed.')).toBe('The bridge collapsed.');
    const story = 'The Seoul/Tokyo route and the AC/DC concert drew 24/7 coverage from the BBC/ITV pool of News.';
    expect(stripPhotoCredits(story)).toBe(story);
  });

  it('GIVEN a sentence that merely mentions a report THEN it is kept', () => {
    const text = 'Three agencies contributed to the report, which was published on Monday.';
    expect(cleanText(text)).toBe(text);
  });

  it('GIVEN a byline or a time stamp on its own line THEN it is dropped, but story lines starting alike stay', () => {
    expect(cleanText('Storm batters coast\nBy Jane Doe and John Roe, CNN\nUpdated 1543 GMT (2343 HKT) April 13, 2015\nThe storm hit at dawn.')).toBe(
      'Storm batters coast\n\nThe storm hit at dawn.',
    );
    expect(cleanText('By MARIA LOPEZ, Staff Reporter\nThe vote passed.')).toBe('The vote passed.');
    const story = 'By Tuesday the river had risen two metres.\nUpdated figures from 2015 show the rise.';
    expect(cleanText(story)).toBe(story);
  });

  it('GIVEN a photo credit line THEN it is dropped', () => {
    expect(cleanText('Troops crossed the border.\nImage copyright Reuters\nThe UN condemned it.')).toBe(
      'Troops crossed the border.\nThe UN condemned it.',
    );
  });

  it('GIVEN a line of digits that almost looks like a share bar THEN it is kept, without the regex backtracking for ever', () => {
    const line = `${'2015'.repeat(12)}a`;
    expect(cleanText(line)).toBe(line);
    expect(cleanText('Share 12 Email 3 Facebook\nThe story.')).toBe('The story.');
  });

  it('GIVEN empty or whitespace-only input THEN the result is empty', () => {
    expect(cleanText('')).toBe('');
    expect(cleanText(' \n\t\r\n ')).toBe('');
  });
});

describe('readableSentence', () => {
  it("GIVEN a transcript's ',...' pause THEN a reader sees a plain comma, and an ellipsis that ends a thought stays", () => {
    expect(readableSentence('The two agreed on sanctions,... but Kang said talks matter,...\nand asked for help.')).toBe(
      'The two agreed on sanctions, but Kang said talks matter, and asked for help.',
    );
    expect(readableSentence('He paused... then left, as expected.')).toBe('He paused... then left, as expected.');
  });
});

describe('cleanText single passes', () => {
  it('GIVEN any text THEN the one-scan whitespace normalisation is exactly the four replacements it merges', () => {
    const piece = fc.constantFrom(' ', ' ', '\t', '\v', '\f', '\u00a0', '\u2009', '\u3000', '\u200b', '\u2060', '\ufeff', '\r', '\n', '\r\n', '\u2028', '\u2029', 'a', 'B');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (t) => {
        const expected = t
          .replace(/\r\n?|\u2028|\u2029/g, '\n')
          .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
          .replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
          .replace(/ {2,}/g, ' ');
        expect(normaliseWhitespace(t)).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('GIVEN any text THEN the cheap slash test before the photo-credit pattern never skips a credit the pattern alone would strip', () => {
    const credit = new RegExp(
      String.raw`(?:^|(?<=\s))(?:\p{Lu}(?:[\p{L}'’-]+|\.) ){0,3}\p{Lu}[\p{L}'’-]*/(?:for )?(?:the )?(?:\p{Lu}[\p{L}&'’.-]* ){0,4}` +
        String.raw`(?:News|Times|Post|Images|Press|Photos?|Pictures|Reuters|AFP|AP|Herald|Tribune|Journal|Telegraph|Guardian|Agency|Wire|Service|Pool|Shutterstock|Alamy)\b:? ?`,
      'gu',
    );
    const piece = fc.constantFrom(
      ' ', 'Kevin', 'C.', 'Downs', "O'", 'Lee-', '/', '/for ', '/the ', 'for ', 'the ', 'New York', 'Daily', 'News', 'Getty Images', 'AP', 'Reuters', 'x', '24', '7',
      'and', 'or', 'http:', '//www.', 'É', 'é', '.', ',', '\n', '\n\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (t) => {
        expect(stripPhotoCredits(t)).toBe(t.replace(credit, ''));
      }),
      { numRuns: 20000 },
    );
  });

  it('GIVEN any whitespace-normalised text THEN stripping video prompts is exactly the three replacements it guards (dcad293)', () => {
    const before = (text: string): string => {
      let out = text;
      for (const pattern of [
        /\bScroll down for (?:the )?(?:video|videos|more videos)\b\.?/gi,
        /\bScroll down to (?:see|watch) (?:the )?videos?\b\.?/gi,
        /\bClick here to (?:watch|see|view) (?:the )?(?:video|gallery|pictures)\b\.?/gi,
      ]) out = out.replace(pattern, ' ');
      return out.replace(/ {2,}/g, ' ');
    };
    const piece = fc.constantFrom(
      ' ', '  ', '\u00a0', '\u200b', '\r\n', '\n', '\n\n', 'Scroll down for video', 'scroll DOWN to see the videos.', 'Click here to view the gallery', 'click here', 'Scroll down',
      'Headline here', 'The story goes on.', 'By Jane Doe', 'x', '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => normaliseWhitespace(p.join(''))), (t) => {
        expect(stripInlineFurniture(t)).toBe(before(t));
      }),
      { numRuns: 10000 },
    );
  });
});

describe('breakNumberedLists', () => {
  it('GIVEN a numbered list run into the text THEN each item starts a paragraph and its number goes', () => {
    const text = 'Here is what to know before the vote: . 1. The bill is long. It runs to 400 pages. 2. Who backs it? Most of the party does.';
    expect(breakNumberedLists(text)).toBe('Here is what to know before the vote:\n\nThe bill is long. It runs to 400 pages.\n\nWho backs it? Most of the party does.');
  });

  it('GIVEN numbers that are no list markers THEN the text is unchanged', () => {
    for (const text of ['She is seeded No. 1. Serena Williams is second.', 'He finished in the top 2. Then he retired.', 'Sales rose 2.5 per cent. Prices fell.', 'Vol. 2. The sequel sold well.']) {
      expect(breakNumberedLists(text)).toBe(text);
    }
  });

  it('GIVEN a list in a story THEN no sentence is a bare number and the lead-in ends on its colon', () => {
    const texts = splitSentences(cleanText('Here are three things to watch: . 1. The budget is late. 2. The mayor is away. 3. The roads are shut.')).map((s) => s.text);
    expect(texts).toEqual(['Here are three things to watch:', 'The budget is late.', 'The mayor is away.', 'The roads are shut.']);
  });
});
