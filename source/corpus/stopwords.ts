/**
 * Function words whose share tells running prose from menus and lists (the jusText measure).
 * English carries most of the corpus; Russian and Ukrainian keep Cyrillic articles from
 * being mistaken for boilerplate.
 */
const WORDS = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me might more most must my no nor not now of off on once only or other our ours out over own
said same says she should since so some such than that the their theirs them then there these
they this those through to too under until up upon very was we were what when where which while
who whom why will with would yet you your
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до
вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя
их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого
какой совсем ним здесь этом один почти мой тем чтоб нее сейчас были куда зачем всех никогда можно
при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве
три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда
конечно всю между
і та що як це й за від до про при але або щоб вже його її їх які який яка було буде був була
також тому цей ця ці ми ви він вона вони має мають із зі ще лише коли якщо
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
