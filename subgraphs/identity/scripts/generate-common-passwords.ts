/**
 * Regenerates src/domain/common-passwords.txt offline: the best-known leaked passwords plus the
 * patterns people use to stretch them past a length rule (word + year, word + digits, keyboard
 * walks, repeated and sequential characters). Lowercased, deduplicated, sorted.
 * Run: npm exec -- node subgraphs/identity/scripts/generate-common-passwords.ts
 */
import { writeFileSync } from 'node:fs';

const topPasswords = `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer
harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233
george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753
aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321
dallas austin thunder taylor matrix william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm
hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer
cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut
morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa
boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq
purple hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701
coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox
player nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower rabbit
wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince
panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321
12344321 golden 8675309 panther lauren angela thx1138 angels madison winston shannon mike toyota jordan23 canada
sophie apples tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david
danielle 159357 jackie 1990 123456a 789456 turtle abcd1234 scorpion qazwsxedc 101010 butter carlos password1
dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket
viking redskins asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin
pookie captain tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany
maxwell zzzzzz nirvana jeremy monica elephant giants hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior
1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 alex bond007 alexis 1111111 samson 5150 willie scorpio
bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989
asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy gordon legend jessie stella qwert eminem arthur apple
nissan bullshit bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack
asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls kitten golf copper braves shelby godzilla
beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier
darkness blink182 power fish green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000
pakistan 007007 walter playboy blazer cricket sniper donkey willow loveme saturn therock redwings bigboy pumpkin
trinity williams nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november
minecraft asdf1234 lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313
family 12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott
lovely gibson doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu peter alexande steelers1
spiderman houston cricket1 admin administrator root toor changeme default guest welcome1 letmein1 login abc12345
iloveyou1 princess1 football1 baseball1 monkey1 charlie1 shadow1 master1 sunshine1 superman1 dragon1 michael1
qwerty1 zaq12wsx 1qaz2wsx3edc zaq1xsw2 qwe123 qweasd qweasdzxc 147258 asd123 zxc123 aa123456 a123456 abc123456
password123 password1234 passw0rd123 p@ssw0rd p@ssword pa$$word p4ssw0rd welcome123 admin123 admin1234 root123
test123 test1234 letmein123 iloveyou123 secret123 changeme123 qwerty12345 qwerty1234 1234567890q q1w2e3r4t5y6
1q2w3e4r5t6y 1q2w3e4r5t6y7u8i9o0p qwertyuiop123 123qweasdzxc 1qazxsw23edc zaq12wsxcde3 monkey123 dragon123
trustno1trustno1 correcthorsebatterystaple correct horse battery staple letmeinnow opensesame superstar starwars1
pokemon123 minecraft123 fortnite roblox roblox123 fortnite123 youtube facebook google instagram twitter linkedin
myspace yahoo hotmail gmail microsoft windows linux ubuntu apple123 samsung123 iphone android mypassword
mypassword123 yourpassword thisismypassword passwordpassword password12345 password123456 password!
password123! password1! qwerty123! welcome1! admin! admin@123 admin@1234 abc@123 pass@123 pass@word1 test@123`;

const words = `password passw0rd pass admin administrator root welcome letmein iloveyou qwerty qwertyuiop asdfghjkl
zxcvbnm dragon monkey football baseball basketball soccer hockey master shadow sunshine superman batman spiderman
princess charlie michael jessica jennifer michelle daniel thomas robert jordan hunter killer trustno1 freedom
whatever secret summer winter spring autumn love lovely angel flower pokemon starwars computer internet changeme
default guest login access security letmein welcome sunflower butterfly chocolate cookie banana orange purple
yellow silver golden diamond matrix phoenix mustang ferrari corvette yankees liverpool chelsea arsenal barcelona
madrid juventus manchester united cowboys steelers lakers tigers eagles dolphins packers raiders newyork london
paris berlin tokyo america canada australia england germany france mexico brazil jesus christ blessed heaven
family forever friends happy smile hello goodbye money cash business company office school college student
teacher doctor summer2024 samsung iphone android google facebook youtube minecraft fortnite roblox pokemon
naruto dragonball onepiece marvel avengers harrypotter hogwarts gandalf matrix zelda mario nintendo playstation
xbox gamer ninja pirate viking warrior knight wizard legend champion winner player master123 dragon123 letmein123`;

const yearRange = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
/** The most-used base words get every year since 1980; the rest only recent years. */
const TOP_WORDS = 40;
const digitSuffixes = ['1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '2', '7', '11', '69', '99', '00', '01', '007', '111', '777', '666', '321', '420'];
const symbolSuffixes = ['!', '!!', '@', '#', '$', '.', '*', '?', '1!', '123!', '@123', '#1', '!@#', '!@#$'];

function keyboardWalks(): string[] {
  const rows = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '0987654321', 'poiuytrewq', 'lkjhgfdsa', 'mnbvcxz'];
  const walks: string[] = [];
  for (const row of rows) {
    for (let length = 4; length <= row.length; length++) walks.push(row.slice(0, length));
    walks.push(row + row, row + row.slice(0, 2), row.slice(0, 6) + row.slice(0, 6));
  }
  walks.push('1q2w3e4r5t6y7u8i', 'q1w2e3r4t5y6u7i8', '1qaz2wsx3edc4rfv', 'zaq1xsw2cde3vfr4', 'qazwsxedcrfv', 'qazwsxedcrfvtgb');
  return walks;
}

function repeatsAndSequences(): string[] {
  const out: string[] = [];
  for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789') {
    for (const length of [6, 8, 10, 12, 14, 16]) out.push(char.repeat(length));
  }
  for (const chunk of ['12', '123', '1234', 'abc', 'ab', 'qwe', 'asd', 'zxc', '69', '00', '11', '01', '10', 'xo', 'ha', 'la']) {
    for (const times of [3, 4, 5, 6]) out.push(chunk.repeat(times));
  }
  for (let start = 0; start <= 9; start++) {
    let ascending = '';
    for (let i = 0; i < 16; i++) ascending += String((start + i) % 10);
    for (const length of [8, 10, 12, 14, 16]) out.push(ascending.slice(0, length));
  }
  out.push('abcdefghijkl', 'abcdefghijklmnop', 'abcdefghijklmnopqrstuvwxyz', 'abcd1234abcd', 'abcdef123456', 'abc123abc123');
  return out;
}

function stretched(): string[] {
  const out: string[] = [];
  const list = words.split(/\s+/).filter(Boolean);
  list.forEach((word, index) => {
    for (const year of yearRange(index < TOP_WORDS ? 1980 : 2015, 2030)) out.push(word + year, `${word}${year}!`);
    for (const digits of digitSuffixes) out.push(word + digits, `${word}${digits}!`);
    for (const symbols of symbolSuffixes) out.push(word + symbols);
    out.push(word + word, `${word}${word}1`);
  });
  return out;
}

const all = new Set<string>();
for (const candidate of [...topPasswords.split(/\s+/), ...keyboardWalks(), ...repeatsAndSequences(), ...stretched()]) {
  const value = candidate.trim().toLowerCase();
  if (value) all.add(value);
}
const target = new URL('../src/domain/common-passwords.txt', import.meta.url);
const header = '# Common passwords, refused at registration (case-insensitive). Generated by scripts/generate-common-passwords.ts.\n';
writeFileSync(target, header + [...all].sort().join('\n') + '\n');
process.stdout.write(`${all.size} passwords written to ${target.pathname}\n`);
