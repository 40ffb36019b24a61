/** Function words that carry no topic; folded (no accents) because matching happens after folding. */
const EN = `a about above after again all also am an and any are as at be because been before being below between both but by
can could did do does doing done down during each few for from further get got had has have having he her here hers him his how
i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own
please same she should so some such than that the their them then there these they this those through to too under until up
us very was we were what when where which while who whom why will with would you your yours hi hello thanks thank hey im ive
dont cant didnt wont isnt u ur pls plz
whats wheres hows thats theres whos youre theyre doesnt arent wasnt werent havent hasnt couldnt shouldnt wouldnt
use want need know like tell find ask let still really thing things stuff anything something someone ok okay yes`;
const FR = `a au aux avec ce ces cet cette dans de des du elle elles en et etre eux il ils je la le les leur leurs lui ma mais me
meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous
y ai as avons avez ont est sont etait suis es sera peut peux puis faut fait faire comment quoi quel quelle quels quelles
combien si veux voudrais aimerais peut-on puis-je plus tres bien aussi donc alors car ni dois doit bonjour merci svp cela ca`;

export const STOP_WORDS: Record<'en' | 'fr', ReadonlySet<string>> = {
  en: new Set(EN.split(/\s+/)),
  fr: new Set(FR.split(/\s+/)),
};
