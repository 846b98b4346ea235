/**
 * Everyday chatter people really write, in eight languages, for generated populations: the
 * small talk that fills most timelines and uses topic names as ordinary words ("nice weather
 * today", "running late", "die Kinder schlafen", "un bon café", "今日はいい天気"). Written for
 * this project (test and bench data only, never shipped). Each line is a whole post or a
 * sentence of one; {n} is replaced by a small number.
 */

/** Languages the chatter is written in (background language codes). */
export const CHATTER_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ko'] as const;
export type ChatterLanguage = (typeof CHATTER_LANGUAGES)[number];

export const CHATTER: Record<ChatterLanguage, string[]> = {
  en: [
    'nice weather today, finally', 'running late again, the bus never came', 'coffee first, then emails', 'what a nice surprise',
    'the weather is awful, staying in', 'an apple and a coffee, that is lunch', 'the kids are finally asleep', 'love this song so much',
    'pizza tonight? yes please', 'my cat decided the keyboard is a bed', 'watching movies all weekend', 'so tired, need more sleep',
    'running errands all morning', 'nice to see you all yesterday', 'happy birthday to my sister!', 'that was a really nice dinner',
    'good morning everyone', 'can not believe it is monday again', 'the train is delayed again', 'thanks for the kind words',
    'shopping with mum, send help', 'the food at that new place is great', 'listening to music on the way home', 'rainy day, tea and a book',
    'work was long today', 'new shoes, old knees', 'back from holiday, travel always wipes me out', 'the dog ate my homework, literally',
    'who else is watching the game tonight', 'cooking pasta again', 'my phone is dying', 'what are your plans for the weekend?',
    'just finished the laundry', 'cold outside, hot chocolate inside', 'had a nice chat with the neighbour', 'the kids want pancakes',
    'beer with friends after work', 'this song has been stuck in my head all day', 'still running on three hours of sleep', 'such a nice view from here',
    'my apple tree finally has apples', 'it was a good day', 'the weather app lied again', 'family dinner on sunday',
  ],
  de: [
    'das Wetter ist heute richtig schön', 'die Kinder schlafen endlich', 'erst mal Kaffee', 'nach der Arbeit noch laufen gehen',
    'Musik an und los', 'das war echt nett von dir', 'schönes Wochenende euch allen', 'heute Abend gibt es Pizza',
    'der Zug hat schon wieder Verspätung', 'so müde heute', 'mit den Kindern im Park', 'Kaffee und Kuchen bei Oma',
    'was für ein schöner Tag', 'morgen wird das Wetter schlechter', 'endlich Feierabend', 'danke für die netten Worte',
    'Einkaufen mit der Familie', 'ein Apfel am Tag', 'der Hund will raus', 'Musik hören und Tee trinken',
    'wieder zu spät, der Bus kam nicht', 'gute Nacht zusammen', 'alles Gute zum Geburtstag!', 'die Kinder wollen Pfannkuchen',
  ],
  fr: [
    "il fait beau aujourd'hui", "les enfants dorment enfin", 'un bon café et au travail', 'quel temps de chien',
    'la musique à fond dans la voiture', "c'était vraiment sympa hier", 'bon week-end à tous', 'pizza ce soir ?',
    'le train est encore en retard', 'trop fatigué aujourd’hui', 'une pomme et un café, voilà le déjeuner', 'merci pour vos gentils messages',
    'dîner en famille dimanche', 'il pleut encore', 'bonne nuit tout le monde', "j'adore cette chanson",
  ],
  es: [
    'qué buen tiempo hace hoy', 'los niños ya duermen', 'un café y a trabajar', 'música para empezar la semana',
    'otra vez llego tarde', 'gracias por todo', 'pizza esta noche', 'qué cansancio',
    'comida familiar el domingo', 'me encanta esta canción', 'buenas noches a todos', 'el tren otra vez con retraso',
  ],
  pt: [
    'que tempo bom hoje', 'as crianças já dormiram', 'um cafezinho e trabalho', 'música boa para começar o dia',
    'atrasado de novo', 'obrigado pelas mensagens', 'pizza hoje à noite', 'que cansaço',
    'almoço de família no domingo', 'adoro essa música', 'boa noite a todos', 'o ônibus não veio',
  ],
  ja: [
    '今日はいい天気ですね', 'コーヒー飲みたい', '音楽を聴きながら仕事', '子供たちがやっと寝た', '電車が遅れてる',
    'お疲れさまでした', '週末は映画を見る', 'ピザ食べたい', 'おやすみなさい', 'この曲ずっと聴いてる',
  ],
  zh: [
    '今天天气很好', '先喝杯咖啡', '一边听音乐一边工作', '孩子们终于睡了', '地铁又晚点了',
    '周末看电影', '晚上吃披萨', '太累了', '晚安大家', '这首歌一直在脑子里',
  ],
  ko: [
    '오늘 날씨 좋네요', '커피 한 잔 하고 일하기', '음악 들으면서 출근', '아이들이 드디어 잠들었어요', '버스가 또 늦었어요',
    '주말에는 영화 보기', '오늘 저녁은 피자', '너무 피곤해요', '다들 잘 자요', '이 노래 계속 듣는 중',
  ],
};

/** Short openers and closers around an expert's topic mention, per language. */
export const TOPIC_FRAMES: Record<ChatterLanguage, { before: string[]; after: string[] }> = {
  en: {
    before: ['Thinking about', 'New post on', 'Notes on', 'Quick thread about', 'Can we talk about', 'Spent the day on', 'Reading up on', 'Still amazed by', 'A few thoughts on', 'Finally wrote about'],
    after: ['today', 'again', 'this week', 'thoughts?', 'more soon', 'link below', 'what do you think', 'and why it matters', '', ''],
  },
  de: { before: ['Heute geht es um', 'Neuer Beitrag über', 'Ein paar Gedanken zu', 'Lange gelesen über', 'Endlich geschrieben über'], after: ['heute', 'diese Woche', 'mehr bald', 'was meint ihr?', ''] },
  fr: { before: ['Quelques notes sur', 'Nouveau billet sur', 'On parle de', 'Toute la journée sur', 'Enfin écrit sur'], after: ["aujourd'hui", 'cette semaine', 'à suivre', "qu'en pensez-vous ?", ''] },
  es: { before: ['Unas notas sobre', 'Nuevo post sobre', 'Hablemos de', 'Todo el día con', 'Por fin escribí sobre'], after: ['hoy', 'esta semana', 'más pronto', '¿qué opinan?', ''] },
  pt: { before: ['Algumas notas sobre', 'Novo post sobre', 'Vamos falar de', 'O dia todo com', 'Finalmente escrevi sobre'], after: ['hoje', 'esta semana', 'mais em breve', 'o que acham?', ''] },
  ja: { before: ['今日は', '最近', 'やっぱり', 'ずっと'], after: ['について考えてる', 'の記事を書いた', 'が最高', 'の話をしよう'] },
  zh: { before: ['今天聊聊', '最近在研究', '又看了', '关于'], after: ['的新消息', '真的太好了', '我的一些想法', '大家怎么看'] },
  ko: { before: ['오늘은', '요즘', '드디어', '다시'], after: ['이야기', '정리해봤어요', '최고예요', '어떻게 생각하세요'] },
};

/** Filler words to pad a post, per language. */
export const FILLER_WORDS: Record<ChatterLanguage, string[]> = {
  en: 'the a to and of in is it for on with that this my just so at be we you i was have are not but all about get like one out up what can new time day from more now people will when good really today week see back some got going great think work know last still make first night well want need morning lunch friends thanks happy long short big small open late early'.split(' '),
  de: 'der die das und ist nicht ich du wir es mit auf für noch mal heute schon auch aber so ein eine sehr gut wieder immer dann jetzt hier mehr viel Zeit Woche Tag Abend morgen'.split(' '),
  fr: "le la les un une des et est dans pour sur avec que qui pas plus tout bien très aussi mais nous vous ce cette jour semaine matin soir demain encore toujours vraiment".split(' '),
  es: 'el la los las un una y es en por para con que no más muy pero todo hoy mañana semana día noche siempre también ahora'.split(' '),
  pt: 'o a os as um uma e é em para com que não mais muito mas tudo hoje amanhã semana dia noite sempre também agora'.split(' '),
  ja: ['です', 'ます', 'ね', 'よ', 'とても', 'ちょっと', 'また', '今日', '明日'],
  zh: ['的', '了', '很', '也', '还', '今天', '明天', '真的', '一下'],
  ko: ['정말', '오늘', '내일', '그리고', '조금', '너무', '다시'],
};
