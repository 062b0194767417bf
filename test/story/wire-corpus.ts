import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * qa55's story (/work/helpers/qa55/story-corpus): one drone strike on Odesa told by eight
 * outlets in their styles: wire leads with datelines, a verbatim copy, a figure in words
 * ("Fourteen"), 12/14/15 dead, 3 a.m. against 4 a.m., an edited quotation, three spellings
 * of Zelenskyy.
 */
export const WIRE_CORPUS: Record<string, string> = {
  'aggregator.md':
    '---\ntitle: "14 dead in Odesa port strike"\ndate: 2025-03-16\nsource: Daily Aggregator\n---\n\nA Russian drone strike on the port of Odesa killed 14 people and wounded 37 early Friday, regional governor Oleh Kiper said.\n\nThe strike hit the port\'s grain terminal at about 3 a.m., setting fire to two warehouses, Kiper said on Telegram.\n\n"Russia must be held accountable for every life taken in Odesa," Ukrainian President Volodymyr Zelenskyy said in his nightly address.\n',
  'aljazeera.md':
    '---\ntitle: "Russian drones hit Odesa port, killing 12"\ndate: 2025-03-15\nsource: Al Jazeera\n---\n\nA Russian drone strike on the Ukrainian port of Odesa has killed 12 people and wounded 37, according to the regional governor, Oleh Kiper.\n\nThe strike hit the port\'s grain terminal at about 4 a.m., setting fire to two warehouses, Kiper said on Telegram.\n\n"Russia must be held accountable for every life taken in Odesa," Ukrainian President Volodymyr Zelenskyy said in his nightly address.\n\nRussia\'s Defense Ministry said its forces had struck military infrastructure used by Ukraine\'s navy.\n',
  'ap.md':
    '---\ntitle: "Russian drone strike on Odesa port kills 14, officials say"\ndate: 2025-03-14\nsource: Associated Press\n---\n\nODESA, Ukraine (AP) — A Russian drone strike on the port of Odesa killed 14 people and wounded 37 early Friday, regional governor Oleh Kiper said.\n\nThe strike hit the port\'s grain terminal at about 3 a.m., setting fire to two warehouses, Kiper said on Telegram.\n\n"Russia must be held accountable for every life taken in Odesa," Ukrainian President Volodymyr Zelenskyy said in his nightly address.\n\nRussia\'s Defense Ministry said its forces had struck military infrastructure used by Ukraine\'s navy.\n',
  'bbc.md':
    '---\ntitle: "Odesa: Fifteen killed in Russian drone attack on port"\ndate: 2025-03-14\nsource: BBC News\n---\n\nAt least 15 people have been killed and 40 injured in a Russian drone attack on the southern Ukrainian port city of Odesa, local officials say.\n\nThe drones struck the port\'s grain terminal at around 03:00 local time, setting two warehouses alight, governor Oleg Kiper said.\n\nPresident Volodymyr Zelensky said Russia must answer for every life taken in Odesa.\n\nRussia says it targeted military infrastructure used by Ukraine\'s navy.\n',
  'guardian.md':
    '---\ntitle: "Odesa port strike: 14 dead as Russian drones hit grain terminal"\ndate: 2025-03-14\nsource: The Guardian\n---\n\nFourteen people have been killed and 37 wounded after Russian drones struck the grain terminal of Odesa\'s port before dawn on Friday, according to the region\'s governor, Oleh Kiper.\n\nTwo warehouses caught fire after the strike at about 3am, Kiper said.\n\nVolodymyr Zelenskyy said: "Russia must be held accountable for every life taken in Odesa."\n\nRussia\'s defence ministry said it had struck military infrastructure used by Ukraine\'s navy.\n',
  'kyivindependent.md':
    '---\ntitle: "Russian attack on Odesa port kills 14"\ndate: 2025-03-14\nsource: Kyiv Independent\n---\n\nRussia attacked the port of Odesa overnight on March 14 with drones, killing 14 people and injuring 37, Odesa Oblast Governor Oleh Kiper reported.\n\nThe attack hit the grain terminal of the port at about 3 a.m., causing fires in two warehouses.\n\n"Russia must be held accountable for every life that it has taken in Odesa," President Volodymyr Zelensky said.\n\nRussia claimed it had struck military targets.\n',
  'reuters.md':
    '---\ntitle: "Drone attack on Ukraine\'s Odesa port kills 14"\ndate: 2025-03-14\nsource: Reuters\n---\n\nKYIV, March 14 (Reuters) - A Russian drone attack on the port of Odesa killed 14 people and wounded 37 early on Friday, regional governor Oleh Kiper said.\n\nThe strike hit the port\'s grain terminal at about 3 a.m., setting fire to two warehouses, Kiper said.\n\n"Russia must be held accountable for every life taken in Odesa," President Volodymyr Zelenskiy said.\n\nMoscow\'s defence ministry said it had hit military infrastructure used by the Ukrainian navy.\n',
  'rt.md':
    '---\ntitle: "Russian forces hit Ukrainian naval facilities in Odesa"\ndate: 2025-03-14\nsource: RT\n---\n\nThe Russian Defense Ministry said on Friday that its forces had struck military infrastructure used by Ukraine\'s navy in the port of Odesa.\n\nUkrainian officials claimed that 14 people were killed, but did not provide evidence.\n\nKiev has repeatedly used civilian ports to store Western-supplied weapons, the ministry said.\n',
};

/** Writes the corpus into `dir`, each file's text passed through `edit` (by its name). */
export async function writeWireCorpus(
  dir: string,
  edit: (name: string, text: string) => string = (_name, text) => text,
): Promise<void> {
  for (const [name, text] of Object.entries(WIRE_CORPUS)) {
    await writeFile(join(dir, name), edit(name, text));
  }
}
