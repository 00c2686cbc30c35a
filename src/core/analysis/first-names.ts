/**
 * Common given names by the gender they are almost always given to, for pronoun agreement when a
 * story gives no title ("Dougie Hall ... he explained"). English-speaking countries' most frequent
 * names over the last eighty years, plus names common in international news. Names given to both
 * (Jamie, Alex, Sam, Chris) are left out, except the few the
 * engine has long read one way (Jordan, Kim: he; Taylor: she).
 */
export const MALE_FIRST_NAMES: ReadonlySet<string> = new Set(
  `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul
andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence
dylan jesse bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby
mason philip louis barack boris nigel tony gordon ed harry simon ian neil graham pete wang dongming vladimir xi shinzo taro moon
francois emmanuel oliver jake connor callum liam luke lewis owen rhys dean darren craig stuart gavin lee shaun barry trevor colin
derek malcolm clive geoffrey howard kieran declan rory ross fraser euan hamish angus duncan dougie alistair alasdair iain gregor
kenny robbie jimmy danny mick micky mike steve dave rob bob tom tim jim ben nick matt andy phil rich richie ricky ronnie reggie
stan stanley sidney leonard leo leon marcus martin max maxwell melvin mervyn miles milton murray neville norman oscar percy
quentin ray reginald rodney rupert sebastian seth spencer terence theo theodore toby travis victor vince wallace warren wesley
wilfred winston wyatt xavier yusuf zach abdul ahmed ali amir hassan hussein ibrahim khalid mohammed muhammad mohamed mustafa omar
rashid tariq yasser hamid karim mahmoud sergei sergey dmitry alexei ivan igor mikhail nikolai oleg pavel viktor yuri andrei
jean-claude jacques pierre michel philippe nicolas jean-marc thierry didier hans klaus jurgen wolfgang helmut dieter stefan matteo
giuseppe giovanni marco luca paolo pablo carlos luis miguel diego javier alejandro fernando jorge manuel rafael sergio ricardo
roberto antonio francesco hiroshi takeshi kenji yoshihide fumio narendra rahul sanjay arjun vijay raj shinji jong-un jae-in yoon
suk-yeol joko recep tayyip binyamin yitzhak shimon ehud naftali volodymyr petro rishi keir nadhim sadiq kwasi elon jeff tiger rafa
novak lionel cristiano arsene pep brendan gareth raheem jadon kobe lebron shaquille kareem peyton eli drew floyd manny conor
khabib usain mo graeme alf jordan kim joey shay caleb bill sterling irving channing
bernie gerhard geoff eliot elliot werner adrian antony glenn ken jon dan dominic rene marc enrico gerry ulrich bernard vincenzo
alain eduard herbert juergen andreas noel franklin hugo herve anil sunil leonid marvin julio emilio gianni brett ron damien
alastair curt linus fred greg ted todd kurt rudolf olivier gilles jonas florian ravi amit rohit frederic frederick hugues gabe
gerard roland ralf rolf horst gunter ludwig jens lars sven nils karl otto fritz heinz bernd uwe joachim johannes markus tobias
lukas felix mathias matthias christoph christophe laurent fabien sebastien julien guillaume yves andre antoine bruno marcel
gunther rick clint leonardo johnny brad hugh dick kanye elton keanu eddie isaac osama felipe doug tommy mitch mitt
freddie carsten anton josh chuck jenson frederik henri rodrigo cory saddam jeb mario tamerlan dzhokhar rafik mohammad
shane carlo elvis`.split(/\s+/),
);

export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set(
  `alison mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly
emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna
brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie
olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria
teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary claudette jamie-lee kate kylie beyonce rihanna
nicola kyung-wha sophie chloe lucy holly jade katie ellie eleanor georgia poppy millie amelia isla ava mia lily freya evie ella
zoe jasmine leah bethany abbie abby molly imogen phoebe harriet rosie daisy jenny jenna gemma kirsty kerry claire clare joanne jo
louise tracey tracy stacey leanne natasha nadia tanya sonia sonya vanessa veronica yvonne wendy wanda vicky vicki valerie tina
tammy suzanne sue sheila shelley sally ruby rosemary rose rosa rita rhonda penny paula pauline patsy norma nora nina naomi monica
miriam mildred melanie maureen marion marsha margot marcia mandy lynn lynne lydia lorraine lois lindsay lindsey liz lesley
leslie-ann kerry-anne julia josephine joy jill jessie jane janine irene ingrid hilary hazel gwen gillian geraldine gail flora
fiona felicity faye eva esther erin elaine eileen edith dawn daphne cristina constance connie colleen claudia celia carla caroline
camilla bridget bonnie beth belinda audrey annie annette anne angie alicia alexandra agnes adele ada yasmin yolanda whitney vera
tessa sylvia stella sienna serena selena scarlett savannah priya pooja anjali sunita fatima aisha amina leila layla yasmine mariam
noor zainab olga svetlana natalia tatiana irina yulia elena anastasia ekaterina marina galina ludmila ursula marine segolene
brigitte francoise isabelle sylvie nathalie giorgia ines lucia carmen dolores pilar rocio paloma yuko yoko keiko akiko mei ling
xiaoming hui kyung jacinda kamala melania ivanka sheryl oprah madonna miley kourtney khloe kendall venus taylor sofia sofía
christiane thea ellen clara carly cara helena lillian lilian lana jeannie francesca kristin kirsten meghan shauna jemima dina
annika birgit sabine ulrike petra monika renate heidi greta astrid karin kristina katarina marta martina silvia simona elisa
elisabeth beatrice beatriz adriana gabriela gabrielle juliet juliette colette nadine corinne celine chantal gisela carrie becky
jodie kimberley marianne maxine myra philippa rosalind rowena sheena siobhan tamsin tara trudy imelda angelina britney
courtney letitia joanna janie`.split(/\s+/),
);

/** A lower-case word is a common given name of either list ("margaret", "dougie"). */
export function isGivenName(lower: string): boolean {
  return MALE_FIRST_NAMES.has(lower) || FEMALE_FIRST_NAMES.has(lower);
}
