/**
 * Speakers in Chinese and Japanese, where words are written without spaces: the tokenizer keeps a
 * run of Han and kana as one word, and names have no capitals. A role word before the name
 * (`外交部发言人毛宁表示`) or after it (`松野博一官房長官は`) and the verb of saying after it bound
 * the name, matched in the run's text. `Intl.Segmenter` was tried: it splits words it knows the
 * parts of (`发言|人`) and joins a name to the word after it (`埃|尔|多|安在`), so it is not used.
 */
import type { Attribution } from './attribution.js';
import type { Mention } from './people.js';
import type { Token } from './tokens.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ALL_HAN = /^[\p{Script=Han}·•・]+$/u;

const list = (words: string): string[] =>
  words
    .trim()
    .split(/\s+/)
    .sort((a, b) => b.length - a.length);

/** Chinese verbs of saying that end the clause naming the speaker (`毛宁表示：`, `，毛宁说。`). */
const ZH_VERBS = list(`
  表示 说 说道 称 指出 强调 表明 透露 介绍 宣布 回应 坦言 声称 宣称 警告 补充说 补充道 重申
  告诉记者 告诉媒体 对记者说 对媒体说 答道 回答说 写道 发文称 发文说
`);

/** Chinese role words: a post before the name (`发言人毛宁`, `总统埃尔多安`). */
const ZH_ROLES = list(`
  发言人 新闻秘书 新闻发言人 部长 外长 总统 副总统 主席 副主席 总理 副总理 大使 国务卿 秘书长
  官员 司令 首相 议长 市长 州长 省长 代表 负责人 主任 局长 专家 教授 分析人士 外交部长 防长
  国防部长 特使 顾问 助理 书记 总书记 委员 议员 法官 检察官 律师 经济学家 记者 董事长 总裁
  首席执行官 总经理 行长 院长 校长 所长 主管 高级官员 外交官 领导人 总参谋长 参谋长
  统计师 首席统计师 首席经济学家 分析师 研究员 司长 处长 厅长 署长 主任委员 首席代表
`);

/** Japanese role words after the name (`岸田文雄首相`, `林芳正官房長官`), and 氏, さん. */
const JA_ROLES = list(`
  官房長官 首相 大統領 副大統領 報道官 外相 外務大臣 防衛相 財務相 大臣 長官 議員 知事 市長 社長
  会長 代表 総裁 委員長 大使 事務総長 幹事長 国務長官 首席補佐官 補佐官 主席 国家主席 総理
  首席 報道担当 広報担当 担当者 教授 氏 さん 議長 書記長 特使 顧問
`);

/** The Chinese and Japanese role words, for `isRole`: "发言人还说" is the spokesman introduced. */
export const CJK_ROLES: ReadonlySet<string> = new Set([...ZH_ROLES, ...JA_ROLES]);

/** Japanese verb stems after the quotative と (`と述べた`, `と語った`, `と強調した`). */
const JA_VERBS = list(`
  述べ 語っ 語り 話し 話す 強調し 説明し 指摘し 明らかにし 言っ 発表し 表明し 訴え 主張し 批判し
  答え 伝え 述べる 強調する 説明する 指摘する
`);

/** Words between a Chinese speaker and the verb: also, again, then, that day, on this. */
const ZH_ADVERBS = list(`
  还 也 则 又 再次 同时 随后 进一步 当天 当日 日前 近日 今天 昨天 此前 对此 更 曾 已 亦 都 并
  最后 此外 另外 周一 周二 周三 周四 周五 周六 周日
`);

/**
 * Words that open an adverbial between the speaker and the verb (`埃尔多安在会后表示`,
 * `佩斯科夫对记者说`, `他接受采访时说`): the speaker ends before them.
 */
const ZH_ADVERBIALS = list('在 对 向 于 接受 通过 就 跟 与 当 本周 上周 今天 昨天 当天');

const ZH_PRONOUNS = new Map([
  ['他', 'he'],
  ['她', 'she'],
  ['他们', 'they'],
  ['她们', 'they'],
]);
const JA_PRONOUNS = new Map([
  ['彼', 'he'],
  ['彼女', 'she'],
  ['彼ら', 'they'],
]);

/** An indefinite count before a Chinese role: `一位发言人说`, "a spokesman said". */
const ZH_INDEFINITE = /^(?:一位|一名|一个|某位|某)/u;

/** Whether a word of the sentence is in Han or kana (they start at U+2E80; most text is below). */
const hasCjk = (tokens: Token[]): boolean =>
  tokens.some(
    (token) => token.kind === 'word' && token.text.charCodeAt(0) >= 0x2e80 && CJK.test(token.text),
  );

/** A run of adjacent word tokens outside the quotation, and its text. */
interface Run {
  from: number;
  to: number;
  text: string;
}

function runs(tokens: Token[], inside: boolean[]): Run[] {
  const found: Run[] = [];
  let run: Run | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const joins: boolean =
      !inside[i] &&
      (token.kind === 'word' ||
        token.kind === 'number' ||
        (run !== null && /^[·•・]$/u.test(token.text)));
    if (joins && run !== null && tokens[i - 1]!.end === token.start) {
      run.to = i + 1;
      run.text += token.text;
      continue;
    }
    if (run) found.push(run);
    run = joins ? { from: i, to: i + 1, text: token.text } : null;
  }
  if (run) found.push(run);
  return found.filter((each) => CJK.test(each.text));
}

/** The token of `run` that holds its character `offset`. */
function tokenAt(tokens: Token[], run: Run, offset: number): number {
  const at = tokens[run.from]!.start + offset;
  for (let i = run.from; i < run.to; i++) if (tokens[i]!.end > at) return i;
  return run.to - 1;
}

const mentionOf = (
  roles: string[],
  name: string | null,
  determiner: string,
  text: string,
): Mention => ({
  roles,
  name,
  // A Chinese or Japanese name is written whole: family and given name together.
  nameWords: name ? 2 : 0,
  determiner,
  head: name ?? roles.at(-1) ?? text,
  text,
  owner: null,
});

const pronounOf = (head: string, text: string): Mention => ({
  roles: [],
  name: null,
  nameWords: 0,
  determiner: '',
  head,
  text,
  owner: null,
});

/** The last role word of `text`: where it starts and ends, or null. */
function lastRole(text: string, roles: string[]): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const role of roles) {
    const start = text.lastIndexOf(role);
    if (start < 0) continue;
    const end = start + role.length;
    if (!best || end > best.end || (end === best.end && start < best.start)) best = { start, end };
  }
  return best;
}

/** A Chinese name: two to ten Han characters (a foreign one with its middle dots). */
const isZhName = (text: string): boolean =>
  text.length >= 2 && text.length <= 10 && ALL_HAN.test(text) && !/^[·•・]|[·•・]$/u.test(text);

/**
 * The last characters of a Chinese body's name: a ministry (`外交部`), bureau, court or academy,
 * committee, government, palace (`白宫`, `克里姆林宫`), office, agency (`新华社`), embassy, a
 * country's side (`中方`), party, army or state.
 */
const ZH_BODY_ENDS = list(`
  部 局 院 委 委员会 府 政府 宫 厅 署 会 社 处 馆 党 组织 公司 银行 集团 中心 机构 联盟 议会 大楼
  方 军 国
`);

/** Endings that close given names too (`王建国`, `李军`, `张方`): a body only without a surname. */
const ZH_NAME_ENDS = new Set(['方', '军', '国']);

/** The commonest Chinese family names, which open a person's name of two or three characters. */
const ZH_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

/** Whether a Chinese speaker with no role is a body (`外交部表示`), not a person (`毛宁表示`). */
function isZhBody(text: string): boolean {
  const end = ZH_BODY_ENDS.find((each) => text.length > each.length && text.endsWith(each));
  if (end === undefined) return false;
  return !(ZH_NAME_ENDS.has(end) && text.length <= 3 && ZH_SURNAMES.has(text[0]!));
}

/** The speaker of a Chinese clause before its verb of saying, or null. */
function chineseSpeaker(before: string): { source: Mention; pronoun: boolean } | null {
  let text = before;
  for (let trimmed = true; trimmed; ) {
    trimmed = false;
    for (const adverb of ZH_ADVERBS) {
      if (text.length > adverb.length && text.endsWith(adverb)) {
        text = text.slice(0, -adverb.length);
        trimmed = true;
      }
    }
  }
  // A date or a count ends the speaker: `埃尔多安3日在…`.
  const digit = text.search(/[0-9０-９]/u);
  if (digit > 0) text = text.slice(0, digit);
  const role = lastRole(text, ZH_ROLES);
  const searchFrom = role ? role.end : 1;
  let cut = text.length;
  for (const opener of ZH_ADVERBIALS) {
    const at = text.indexOf(opener, searchFrom);
    if (at >= searchFrom && at < cut) cut = at;
  }
  text = text.slice(0, cut);
  const pronoun = ZH_PRONOUNS.get(text);
  if (pronoun) return { source: pronounOf(pronoun, text), pronoun: true };
  let determiner = '';
  const indefinite = ZH_INDEFINITE.exec(text);
  if (indefinite) {
    determiner = 'a';
    text = text.slice(indefinite[0].length);
  }
  const found = lastRole(text, ZH_ROLES);
  if (found && found.end <= text.length) {
    const name = text.slice(found.end).replace(/^[·•・]/u, '');
    const roles = [text.slice(0, found.start), text.slice(found.start, found.end)].filter(Boolean);
    if (name === '') return { source: mentionOf(roles, null, determiner, text), pronoun: false };
    if (!isZhName(name)) return null;
    return { source: mentionOf(roles, name, determiner, text), pronoun: false };
  }
  // With no role, a body (`外交部`, `国防部`: kept as written, as English keeps "the Foreign
  // Ministry", never a person a later `发言人` or `她` is taken for), or a name of two to four
  // characters (`毛宁`, `佩斯科夫`) or one with a middle dot.
  if (!determiner && ALL_HAN.test(text) && text.length <= 10 && isZhBody(text)) {
    return { source: { ...mentionOf([], null, '', text), body: true }, pronoun: false };
  }
  if (determiner || !isZhName(text) || (text.length > 4 && !/[·•・]/u.test(text))) return null;
  return { source: mentionOf([], text, '', text), pronoun: false };
}

/** The speaker of a Japanese topic or subject phrase (`松野博一官房長官`, `外務省の報道官`). */
function japaneseSpeaker(phrase: string): { source: Mention; pronoun: boolean } | null {
  const pronoun = JA_PRONOUNS.get(phrase);
  if (pronoun) return { source: pronounOf(pronoun, phrase), pronoun: true };
  let text = phrase;
  const roles: string[] = [];
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const role of JA_ROLES) {
      if (text.length > 0 && text.endsWith(role)) {
        roles.unshift(role);
        text = text.slice(0, -role.length);
        stripped = true;
        break;
      }
    }
  }
  // `ロシアのペスコフ大統領報道官`: what comes before の describes; the name follows it.
  const of = text.lastIndexOf('の');
  if (of >= 0) {
    roles.unshift(...text.slice(0, of).split('の').filter(Boolean));
    text = text.slice(of + 1);
  }
  if (text === '')
    return roles.length > 0 ? { source: mentionOf(roles, null, '', phrase), pronoun: false } : null;
  if (text.length > 8 || !/^[\p{Script=Han}\p{Script=Katakana}ー・]+$/u.test(text)) return null;
  // A bare phrase with no role is a name only when short: `林氏` has one, `政府` is a body.
  if (roles.length === 0 && text.length > 6) return null;
  return { source: mentionOf(roles, text, '', phrase), pronoun: false };
}

/**
 * The attributions of a sentence in Chinese or Japanese: a verb of saying outside the quotation
 * with the speaker it names. Empty for a sentence in any other script.
 */
export function cjkAttributions(tokens: Token[], inside: boolean[]): Attribution[] {
  if (!hasCjk(tokens)) return [];
  const all = runs(tokens, inside);
  if (all.length === 0) return [];
  const japanese = tokens.some((token) => KANA.test(token.text));
  return japanese ? japaneseAttributions(tokens, all) : chineseAttributions(tokens, all);
}

function chineseAttributions(tokens: Token[], all: Run[]): Attribution[] {
  const found: Attribution[] = [];
  for (const run of all) {
    // The verb ends the run: a colon, a comma, a quotation mark or the sentence's end follows.
    const verb = ZH_VERBS.find((each) => run.text.endsWith(each));
    if (!verb) continue;
    const before = run.text.slice(0, -verb.length);
    if (before === '') continue;
    const speaker = chineseSpeaker(before);
    if (speaker)
      found.push({ ...speaker, verb, at: tokenAt(tokens, run, before.length), unseen: true });
  }
  return found;
}

function japaneseAttributions(tokens: Token[], all: Run[]): Attribution[] {
  // The topic or subject: the phrase before the first は or が outside the quotation.
  let speaker: { source: Mention; pronoun: boolean } | null = null;
  for (const run of all) {
    const marker = /[\p{Script=Han}\p{Script=Katakana}ー](?:は|が)/u.exec(run.text);
    if (!marker) continue;
    const phrase = run.text.slice(0, marker.index + 1).replace(/^.*[、。]/u, '');
    speaker = japaneseSpeaker(phrase);
    break;
  }
  if (!speaker) return [];
  const found: Attribution[] = [];
  for (const run of all) {
    for (let at = run.text.indexOf('と'); at >= 0; at = run.text.indexOf('と', at + 1)) {
      const rest = run.text.slice(at + 1).replace(/^、/u, '');
      const verb = JA_VERBS.find((each) => rest.startsWith(each));
      if (verb) {
        found.push({ ...speaker, verb, at: tokenAt(tokens, run, at + 1), unseen: true });
        return found;
      }
    }
  }
  return found;
}

let zhWords: Intl.Segmenter | null = null;

/**
 * The people a Chinese sentence names with a role (`外交部发言人毛宁主持例行记者会`), where no verb
 * of saying bounds the name: after the role, the characters `Intl.Segmenter` leaves single (it
 * knows no personal names, so `毛|宁`, `王|毅`), two to four of them, before a word it knows
 * (`主持`). `subject` when the role phrase opens the sentence.
 */
export function cjkNamed(tokens: Token[]): Array<{ mention: Mention; subject: boolean }> {
  if (!hasCjk(tokens)) return [];
  if (tokens.some((token) => KANA.test(token.text))) return [];
  const found: Array<{ mention: Mention; subject: boolean }> = [];
  const all = runs(tokens, new Array<boolean>(tokens.length).fill(false));
  for (const run of all) {
    for (const role of ZH_ROLES) {
      for (let at = run.text.indexOf(role); at >= 0; at = run.text.indexOf(role, at + 1)) {
        const end = at + role.length;
        // A longer role holds this one (`新闻发言人` holds `发言人`): read once, as the longer.
        if (
          ZH_ROLES.some((other) => other.length > role.length && covers(run.text, other, at, end))
        )
          continue;
        zhWords ??= new Intl.Segmenter('zh', { granularity: 'word' });
        let name = '';
        for (const { segment } of zhWords.segment(run.text.slice(end))) {
          if (segment.length !== 1 || !ALL_HAN.test(segment)) break;
          name += segment;
        }
        if (name.length < 2 || name.length > 4) continue;
        const roles = [run.text.slice(0, at), role].filter(Boolean);
        found.push({
          mention: mentionOf(roles, name, '', run.text.slice(0, end + name.length)),
          subject: run.from === firstWord(tokens),
        });
      }
    }
  }
  return found;
}

/** Whether `text` holds `longer` over the stretch from `start` to `end`. */
function covers(text: string, longer: string, start: number, end: number): boolean {
  for (let at = text.indexOf(longer); at >= 0 && at <= start; at = text.indexOf(longer, at + 1)) {
    if (at + longer.length >= end) return true;
  }
  return false;
}

const firstWord = (tokens: Token[]): number =>
  tokens.findIndex((token) => token.kind === 'word' || token.kind === 'number');
