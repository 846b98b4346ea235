/**
 * Words the synthetic world writes with: names for handles, ordinary chatter in five
 * languages, expert post templates, replies, bios, spam. Chatter deliberately uses the
 * everyday-word topic names (nice, weather, today, apple, coffee, music, food, walking,
 * happiness, internet, running) and never names any other curated topic; a test checks it.
 *
 * Template slots: {name} topic display name, {form} a topic surface form, {tag} hashtag
 * body, {v1} {v2} vocabulary, {ar} Arabic topic name, {url} a link, {n} a number,
 * {weekday} {month} {emoji} {city}, {m} a mentioned handle.
 */

/** Languages accounts write in (index = SimAccounts.lang code). */
export const LANGS = ['en', 'es', 'ja', 'ar', 'ru'] as const;
/** One of LANGS. */
export type Lang = (typeof LANGS)[number];

/** Romanised first names per language (for handles). */
export const FIRST_NAMES: Record<Lang, readonly string[]> = {
  en: [
    'james', 'mary', 'john', 'linda', 'david', 'susan', 'michael', 'sarah', 'chris', 'emma', 'daniel', 'olivia', 'matt', 'sophie',
    'ben', 'chloe', 'tom', 'grace', 'sam', 'hannah', 'alex', 'lucy', 'ryan', 'amy', 'jake', 'ella', 'nick', 'megan', 'josh', 'kate',
    'liam', 'zoe', 'noah', 'ava', 'ethan', 'mia', 'owen', 'ruby', 'adam', 'lily', 'priya', 'raj', 'wei', 'mei', 'kwame', 'amara',
    'tariq', 'fatima', 'diego', 'nina', 'marcus', 'jade', 'oscar', 'isla', 'leo', 'maya', 'aaron', 'tessa', 'connor', 'naomi',
  ],
  es: ['maria', 'jose', 'lucia', 'carlos', 'sofia', 'javier', 'paula', 'miguel', 'elena', 'pablo', 'carmen', 'diego', 'valeria', 'andres', 'ines'],
  ja: ['sakura', 'haruto', 'yui', 'ren', 'aoi', 'sota', 'hina', 'yuto', 'mio', 'kaito', 'riko', 'daiki'],
  ar: ['ahmed', 'fatima', 'omar', 'layla', 'youssef', 'nour', 'khaled', 'mariam', 'hassan', 'salma', 'karim', 'huda'],
  ru: ['alexey', 'olga', 'dmitry', 'anna', 'sergey', 'irina', 'ivan', 'natalia', 'pavel', 'elena', 'mikhail', 'daria'],
};

/** Romanised family names per language (for handles). */
export const LAST_NAMES: Record<Lang, readonly string[]> = {
  en: [
    'smith', 'jones', 'brown', 'taylor', 'wilson', 'evans', 'thomas', 'roberts', 'walker', 'wright', 'green', 'hall', 'wood', 'clarke',
    'hughes', 'turner', 'baker', 'carter', 'patel', 'khan', 'nguyen', 'kim', 'chen', 'singh', 'murphy', 'kelly', 'obrien', 'reed',
    'morgan', 'price', 'bennett', 'cole', 'foster', 'hayes', 'nash', 'okafor', 'mensah', 'rossi', 'silva', 'novak',
  ],
  es: ['garcia', 'lopez', 'martinez', 'sanchez', 'perez', 'gomez', 'ruiz', 'diaz', 'moreno', 'alvarez', 'romero', 'navarro'],
  ja: ['tanaka', 'suzuki', 'sato', 'takahashi', 'ito', 'watanabe', 'yamamoto', 'nakamura', 'kobayashi', 'kato'],
  ar: ['haddad', 'khalil', 'nasser', 'saleh', 'mansour', 'farouk', 'aziz', 'hamdan', 'rahman', 'qasim'],
  ru: ['ivanov', 'smirnov', 'kuznetsov', 'popov', 'sokolov', 'lebedev', 'kozlov', 'novikov', 'morozov', 'volkov'],
};

/** Display forms for non-Latin names (romanised handle -> script). */
export const SCRIPT_NAMES: Record<string, string> = {
  sakura: 'さくら', haruto: '陽翔', yui: 'ゆい', ren: '蓮', aoi: 'あおい', sota: '颯太', hina: 'ひな', yuto: '悠斗', mio: 'みお',
  kaito: '海斗', riko: 'りこ', daiki: '大輝', tanaka: '田中', suzuki: '鈴木', sato: '佐藤', takahashi: '高橋', ito: '伊藤',
  watanabe: '渡辺', yamamoto: '山本', nakamura: '中村', kobayashi: '小林', kato: '加藤',
  ahmed: 'أحمد', fatima: 'فاطمة', omar: 'عمر', layla: 'ليلى', youssef: 'يوسف', nour: 'نور', khaled: 'خالد', mariam: 'مريم',
  hassan: 'حسن', salma: 'سلمى', karim: 'كريم', huda: 'هدى', haddad: 'حداد', khalil: 'خليل', nasser: 'ناصر', saleh: 'صالح',
  mansour: 'منصور', farouk: 'فاروق', aziz: 'عزيز', hamdan: 'حمدان', rahman: 'رحمن', qasim: 'قاسم',
  alexey: 'Алексей', olga: 'Ольга', dmitry: 'Дмитрий', anna: 'Анна', sergey: 'Сергей', irina: 'Ирина', ivan: 'Иван',
  natalia: 'Наталья', pavel: 'Павел', elena: 'Елена', mikhail: 'Михаил', daria: 'Дарья', ivanov: 'Иванов', smirnov: 'Смирнов',
  kuznetsov: 'Кузнецов', popov: 'Попов', sokolov: 'Соколов', lebedev: 'Лебедев', kozlov: 'Козлов', novikov: 'Новиков',
  morozov: 'Морозов', volkov: 'Волков',
};

/** Accented display forms for Spanish names. */
export const ACCENTED: Record<string, string> = {
  maria: 'María', jose: 'José', lucia: 'Lucía', sofia: 'Sofía', javier: 'Javier', andres: 'Andrés', ines: 'Inés',
  garcia: 'García', lopez: 'López', martinez: 'Martínez', sanchez: 'Sánchez', perez: 'Pérez', gomez: 'Gómez', ruiz: 'Ruiz',
  diaz: 'Díaz', alvarez: 'Álvarez',
};

/** Words for handles like 'quietfox' or 'the_night_owl'. */
export const HANDLE_ADJECTIVES = [
  'quiet', 'lazy', 'happy', 'little', 'big', 'wild', 'lucky', 'sleepy', 'brave', 'tiny', 'urban', 'cosmic', 'salty', 'sunny',
  'rusty', 'golden', 'midnight', 'northern', 'electric', 'honest', 'curious', 'restless', 'velvet', 'paper', 'silver', 'neon',
];
/** Nouns for handles like 'quietfox'. */
export const HANDLE_NOUNS = [
  'fox', 'owl', 'otter', 'panda', 'wolf', 'raven', 'tiger', 'moose', 'badger', 'falcon', 'bear', 'lion', 'comet', 'river', 'pixel',
  'ghost', 'rocket', 'mango', 'noodle', 'pickle', 'biscuit', 'waffle', 'cactus', 'maple', 'pebble', 'thunder', 'ember', 'atlas',
];

/** English-language cities for bios and chatter. */
export const CITIES = [
  'London', 'Leeds', 'Dublin', 'Toronto', 'Austin', 'Chicago', 'Denver', 'Seattle', 'Brooklyn', 'Oakland', 'Melbourne',
  'Auckland', 'Lagos', 'Accra', 'Nairobi', 'Mumbai', 'Manchester', 'Glasgow', 'Portland', 'Atlanta', 'Boston', 'Cape Town',
];
/** Cities per language, in that language's script. */
export const CITIES_BY_LANG: Record<Lang, readonly string[]> = {
  en: CITIES,
  es: ['Madrid', 'Sevilla', 'Valencia', 'Bogotá', 'Lima', 'Ciudad de México', 'Buenos Aires'],
  ja: ['東京', '大阪', '京都', '福岡', '札幌'],
  ar: ['القاهرة', 'عمّان', 'الرياض', 'دبي', 'الدار البيضاء'],
  ru: ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск'],
};

/** For {weekday}. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** For {month}. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** For {emoji} and decorations. */
export const EMOJI = ['😂', '🙌', '🔥', '❤️', '😅', '✨', '🙏', '😴', '🌧️', '☀️', '🎉', '👀', '💪', '🥲', '🤷'];

/** Ordinary chatter, per language. Only everyday-word topics appear in it. */
export const CHATTER: Record<Lang, readonly string[]> = {
  en: [
    'nice weather today {emoji}',
    'An apple a day keeps the doctor away, they said.',
    'coffee first, then we talk',
    'Walking to work in the rain again.',
    'Happiness is a long weekend and no alarms.',
    'What a day. Need music and an early night.',
    'Running late as usual {emoji}',
    "The internet is down at home so I'm working from the library",
    'Good morning everyone! Have a nice {weekday}.',
    "Anyone else's wifi terrible today?",
    'Made soup. Too much soup. Soup for days.',
    'Just finished a long shift. Time for food and sleep.',
    "Can't believe it's already {month}.",
    '{weekday} plans: absolutely nothing.',
    'That was a really nice surprise, thank you all {emoji}',
    'Weather app says sun, sky says otherwise.',
    'Trying to drink more water this week.',
    'New week, new to-do list that I will ignore.',
    'Grateful for good friends and bad jokes.',
    'The bus was 20 minutes late. Again.',
    'Spent the evening fixing a leaky tap. Victory.',
    'Is it just me or is everything expensive lately?',
    'Found my old phone in a drawer, so many photos',
    'Congrats to my little sister on her graduation!',
    'Rainy {weekday}. Blanket, snacks, quiet.',
    'Happy birthday to the best mum in the world {emoji}',
    'Grocery run done. Forgot the one thing I went for.',
    'Traffic was a nightmare this morning',
    'Finally some sun! Walking home the long way.',
    'Who else is staying in tonight?',
    'Trying a new recipe tonight, wish me luck',
    'Late night thoughts: why do socks disappear?',
    'Lunch break is the best part of the day',
    'Food for thought: be kind, it costs nothing.',
    'Good news at work today, feeling lucky {emoji}',
    'Missed the train by ten seconds. Classic.',
    'Nice to see everyone at the meetup yesterday!',
    'Apple pie for dessert, no regrets',
    "Today's mood: {emoji}",
    "My neighbour's music is louder than mine tonight.",
    'Stuck on hold for 45 minutes. Send help.',
    'Cleaning out the closet, found so much stuff.',
    'This week flew by.',
    'Long day, short temper, early bed.',
    'Internet friends are real friends.',
    'Happy {weekday}! Coffee and a slow start.',
    'Power cut on our street. Candles it is.',
    'Remember to call your parents.',
    "The weather can't decide what it wants to be.",
    'Nice weather for ducks.',
    'Back in {city} for the week, who is around?',
    'Moving flats this weekend. Never again.',
    'Woke up before the alarm. Suspicious.',
    "Day three of 'I'll go to bed early tonight'.",
    'Somebody please explain self-checkout machines to me',
    'the sky tonight though {emoji}',
    'Small wins: remembered my umbrella.',
    'Coffee, toast, and a quiet house. Perfect {weekday}.',
  ],
  es: [
    'Qué buen tiempo hace hoy {emoji}',
    'Un café y a trabajar',
    'Lunes otra vez...',
    'Feliz fin de semana a todos',
    'Hoy toca descansar',
    'Qué día tan largo',
    'Llueve y no tengo paraguas',
    'Gracias por los mensajes, sois geniales {emoji}',
    'La música de los vecinos otra vez',
    'Mañana será otro día',
    'Por fin viernes {emoji}',
  ],
  ja: [
    'おはようございます！今日もいい天気 {emoji}',
    'コーヒー飲みながら仕事中',
    '今日は雨でした',
    '週末は家でゆっくり',
    '電車が遅れてる…',
    'お疲れさまでした！',
    '新しいカフェ見つけた',
    '明日から頑張る',
    'ラーメン食べたい',
    'おはようございます #朝活',
    '眠い… {emoji}',
  ],
  ar: [
    'صباح الخير للجميع {emoji}',
    'الجو جميل اليوم',
    'قهوة الصباح ضرورية',
    'جمعة مباركة',
    'يوم طويل في العمل',
    'الحمد لله على كل حال',
    'عطلة نهاية أسبوع سعيدة',
    'الطقس حار جدا اليوم',
  ],
  ru: [
    'Доброе утро всем! {emoji}',
    'Сегодня отличная погода',
    'Опять пробки на дороге',
    'Кофе и за работу',
    'Наконец-то выходные',
    'Какой длинный день',
    'Всем хорошего вечера',
    'Снег идёт весь день',
  ],
};

/** Chatter hashtags: none of them is a curated topic. */
export const CHATTER_TAGS = ['tbt', 'MondayMotivation', 'weekend', 'FridayFeeling', 'mood', 'lol', 'blessed', 'nofilter'];

/** Chatter that mentions a friend ({m} is the handle, with its '@'). */
export const MENTION_CHATTER: readonly string[] = [
  'Great catching up with {m} today!',
  '{m} you were right about that place',
  'Happy birthday {m}! {emoji}',
  'Lunch with {m}, good times',
  'Thanks {m} for the tip yesterday',
  '{m} are we still on for Saturday?',
];

/** Posts that mention an account because of who it is (the 'mention' reaction). */
export const MENTION_POSTS: readonly string[] = [
  'Everyone should be following {m}',
  '{m} is always worth reading',
  'Shoutout to {m}!',
  'As {m} keeps saying, the details matter.',
  'h/t {m}',
  'Learned a lot from {m} this week',
  'Can we talk about how good {m} has been lately?',
];

/** Expert posts, per language. Every template names the topic at least once. */
export const TOPIC_TEMPLATES: Record<Lang, readonly string[]> = {
  en: [
    '{Name} tip: {v1} matters more than {v2}. #{tag}',
    'Thread on {form}: what {n} years of {v1} taught me 🧵\n1/ start with {v2}.',
    'New post up: {v1} and {v2}, explained for {form} beginners {url}',
    'Hot take: most {form} advice about {v1} is wrong.',
    '{v1} of the day #{tag}',
    'Spent the morning on {v1}. {Name} never gets old.',
    'Question for the {form} crowd: {v1} or {v2}?',
    "If you're getting into {form}, learn {v1} first. Everything else follows.",
    'Reading up on {v1} tonight. #{tag}',
    'Big week for {form}: {v1} news, {v2} drama.',
    'My {form} setup, {year} edition: {v1}, {v2}. #{tag}',
    'Workshop on {v1} this Saturday, a few seats left {url} #{tag}',
    'Still thinking about that {v1}. {Name} people, you know.',
    "What's the most underrated thing in {form}? For me: {v2}.",
    '{Name}, {n} things I wish I had known:\n- {v1}\n- {v2}',
    'Slides from my {form} talk on {v1} are up {url}',
  ],
  es: ['Hoy hablamos de {form}: {v1} y {v2} #{tag}', 'Consejo de {Name}: {v1} #{tag}', 'Nuevo artículo sobre {v1} {url} #{tag}'],
  ja: ['{v1}について書きました。#{tag} {url}', '今日の{Name} #{tag}', '{Name}の話：{v1}と{v2} #{tag}'],
  ar: ['{ar}: {v1} #{tag}', 'حديث اليوم عن {ar} و {v1}', 'أفضل نصيحة في {ar}: {v1} #{tag}'],
  ru: ['Сегодня про {Name}: {v1} и {v2} #{tag}', 'Новый пост о {v1} #{tag} {url}', '{Name}: {v1} #{tag}'],
};

/** The one post an ordinary account ever writes about a topic. */
export const ONCE_TEMPLATES: readonly string[] = [
  'Finally gave {Name} a try this weekend.',
  'Went to a {Name} thing with a friend. Fun!',
  'Random thought: {Name} is underrated.',
  'Somebody explain {Name} to me like I am five.',
  'My cousin is really into {form}, might give it a go',
];

/** Reply texts per language; none names a topic (some start with + or -). */
export const REPLIES: Record<Lang, readonly string[]> = {
  en: [
    'So true!', 'This is great', 'haha yes', 'Thanks for sharing!', 'Interesting take.', "Couldn't agree more", 'Love this',
    'Wait, really?', '+1', 'Same here', 'Saving this for later', 'Not sure I agree, but good point', 'This made my day',
    'Congrats!!', '🔥🔥', '👏', 'Exactly.', 'lol', 'Where was this?', 'Following for updates', '- and this is why I keep coming back',
    'Well said, "less is more" indeed', 'Can you share more about this?', 'Yes, 100%',
  ],
  es: ['¡Qué bueno!', 'Totalmente de acuerdo', 'jajaja', 'Gracias por compartir'],
  ja: ['わかる', 'すごい！', 'ありがとうございます', 'ほんとそれ'],
  ar: ['كلام جميل', 'شكرا', 'صحيح تماما'],
  ru: ['Согласен', 'Круто!', 'Спасибо!'],
};

/** Bot posts (they do name their spam topic). */
export const SPAM_TEMPLATES: readonly string[] = [
  '🔥 Best deals today → {url} #deals #sale',
  'Breaking: #{tag} price alert {n} {url}',
  'Daily {Name} update #{tag} {url}',
  'Get {n} followers fast! {url} #followback',
  'Top {n} {Name} links of the hour {url} #{tag}',
  '{Name} news roundup {url} #{tag} #news',
];

/** Hashtags engagement-hungry accounts stuff into posts (plus topic hashtags). */
export const STUFFING_TAGS = [
  'instagood', 'follow', 'followme', 'like4like', 'photooftheday', 'love', 'tbt', 'nofilter', 'happy', 'l4l', 'f4f',
  'picoftheday', 'instadaily', 'motivation', 'goals', 'viral', 'trending', 'explore', 'mood', 'vibes',
];
/** The few words a stuffed post has before its hashtags. */
export const STUFFED_LEADS = ['New post!', 'Good vibes only', 'Living my best life', 'Monday mood', 'Check this out', 'Sunday ready', 'Weekend plans'];

/** Bios of ordinary accounts; only everyday-word topics appear ('Living in Nice, France'). */
export const BIOS_EVERYDAY: Record<Lang, readonly string[]> = {
  en: [
    'dad of two · {city}', 'Just here for the memes', 'she/her · {city}', 'Coffee addict. Bad at replying.', 'Living in Nice, France',
    'Nurse. Tired.', '', 'Views are my own', 'Student. Procrastinator.', 'Teacher, mum, human', 'Mostly harmless',
    'Trying my best · {city}', 'he/him', 'I tweet about my day, sorry', 'Weekend walker, weekday worker',
  ],
  es: ['Madrid · café y siesta', 'Aquí de paso', 'Estudiante · {city}', ''],
  ja: ['{city}在住', 'ゆるく呟きます', '会社員です', ''],
  ar: ['من {city}', 'حساب شخصي', ''],
  ru: ['{city}', 'Просто живу', ''],
};

/** '<Topic> <role>.' in experts' bios. */
export const EXPERT_BIO_ROLES = ['nerd', 'writer', 'coach', 'researcher', 'obsessive', 'podcaster', 'teacher', 'reviewer'];
