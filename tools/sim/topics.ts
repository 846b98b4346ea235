/**
 * The curated topics of the synthetic world: 75 real Klout topics (slug and display name
 * exactly as in klout_topic_ontology_20180601.csv; Arabic names from
 * klout_topic_display_20180601.csv), each with the surface forms the generator writes and
 * a domain vocabulary that names no other curated topic.
 *
 * Three kinds:
 * - expert topics: somebody's true expertise; experts post about them repeatedly;
 * - everyday topics: names that are ordinary words ("Nice", "Weather", "Apple", "Happiness")
 *   and turn up in everybody's chatter; nobody is an expert on them just for saying
 *   "nice weather today";
 * - both: coffee, running, weather, apple are real expertise for a few (a barista, a
 *   marathoner, a meteorologist, a gadget reviewer) and everyday words for everyone else.
 * Note: the ontology has no "Today" topic (only "India Today"), so "today" is chatter only.
 */

/** A curated topic and the words the generator writes about it. */
export interface SimTopic {
  slug: string;
  /** topicDisplayName in the ontology */
  name: string;
  /** forms written in posts besides the display name (lower case, hyphenated, singular) */
  forms: readonly string[];
  /** hashtag body: '#' + tag */
  tag: string;
  /** domain words experts use; none of them is a curated topic's surface form */
  vocab: readonly string[];
  /** Arabic display name from the ontology, when it has one */
  ar?: string;
  /** may be somebody's true expertise */
  expert: boolean;
  /** appears in everybody's ordinary chatter */
  everyday: boolean;
}

type Row = [slug: string, name: string, forms: string[], tag: string, vocab: string[], ar: string | undefined, kind: 'expert' | 'everyday' | 'both'];

const ROWS: Row[] = [
  ['hip-hop', 'Hip Hop', ['hip-hop', 'hip hop'], 'hiphop', ['beats', 'bars', 'mixtape', 'verse', 'producer', 'sample flip', 'cypher'], 'هيب هوب', 'expert'],
  ['jazz', 'Jazz', ['jazz'], 'jazz', ['bebop', 'standards', 'trio', 'improvisation', 'swing feel', 'upright bass'], 'موسيقى الجاز', 'expert'],
  ['k-pop', 'K-Pop', ['kpop', 'k-pop'], 'kpop', ['comeback', 'fandom', 'idol group', 'choreography', 'fancam', 'lightstick'], 'كي بوب', 'expert'],
  ['classical-music', 'Classical Music', ['classical music'], 'classicalmusic', ['symphony', 'concerto', 'orchestra', 'Brahms', 'sonata', 'conductor'], 'موسيقى كلاسيكية', 'expert'],
  ['guitar', 'Guitars', ['guitar', 'guitars'], 'guitar', ['fretboard', 'pickups', 'tone woods', 'pedalboard', 'fingerpicking', 'tuning'], 'القيثارات', 'expert'],
  ['anime', 'Anime', ['anime'], 'anime', ['studio', 'opening theme', 'seasonal lineup', 'voice acting', 'isekai', 'shonen'], 'رسوم متحركة', 'expert'],
  ['manga', 'Manga', ['manga'], 'manga', ['chapter', 'tankobon', 'mangaka', 'panel layout', 'serialization', 'volume'], 'مانجا', 'expert'],
  ['movies', 'Movies', ['movie', 'movies'], 'movies', ['screenplay', 'box office', 'director cut', 'cinematography', 'sequel', 'premiere'], 'أفلام', 'expert'],
  ['television', 'Television', ['television', 'TV series'], 'television', ['showrunner', 'season finale', 'pilot episode', 'ratings', 'sitcom', 'writers room'], 'تلفزيون', 'expert'],
  ['books', 'Books', ['book', 'books'], 'books', ['novel', 'paperback', 'chapters', 'author interview', 'reading list', 'debut'], 'الكتب', 'expert'],
  ['poetry', 'Poetry', ['poetry', 'poem'], 'poetry', ['stanza', 'sonnet', 'verse', 'haiku', 'chapbook', 'open mic'], 'الشعر', 'expert'],
  ['video-games', 'Video Games', ['video game', 'video games'], 'videogames', ['speedrun', 'patch notes', 'boss fight', 'RPG', 'indie dev', 'frame rate'], 'ألعاب الفيديو', 'expert'],
  ['esports', 'eSports', ['esports', 'e-sports'], 'esports', ['tournament', 'bracket', 'scrims', 'roster', 'grand final', 'meta'], 'رياضات إلكترونية', 'expert'],
  ['coffee', 'Coffee', ['coffee'], 'coffee', ['espresso', 'pour-over', 'latte art', 'single origin', 'grinder', 'roast profile', 'crema'], 'قهوة', 'both'],
  ['tea', 'Tea', ['tea'], 'tea', ['matcha', 'oolong', 'steeping', 'loose leaf', 'gaiwan', 'sencha'], 'شاي', 'expert'],
  ['wine', 'Wine', ['wine', 'wines'], 'wine', ['vintage', 'tannins', 'sommelier', 'pinot noir', 'terroir', 'decanting'], 'نبيذ', 'expert'],
  ['beer', 'Beer', ['beer', 'beers'], 'beer', ['IPA', 'homebrew', 'hops', 'stout', 'brewery', 'fermentation'], 'جعة', 'expert'],
  ['cookies', 'Cookies', ['cookie', 'cookies'], 'cookies', ['brown butter', 'dough', 'chewy center', 'sheet pan', 'sprinkles'], 'بسكويت', 'expert'],
  ['baking', 'Baking', ['baking'], 'baking', ['sourdough starter', 'proofing', 'crumb', 'laminated dough', 'oven spring', 'flour'], 'الخَبز', 'expert'],
  ['pizza', 'Pizza', ['pizza', 'pizzas'], 'pizza', ['Neapolitan', 'wood-fired oven', 'crust', 'mozzarella', 'dough ball', 'leopard spotting'], 'بيتزا', 'expert'],
  ['chocolate', 'Chocolate', ['chocolate'], 'chocolate', ['cacao', 'tempering', 'bean-to-bar', 'ganache', 'truffles', 'cocoa butter'], 'شوكولاتة', 'expert'],
  ['veganism', 'Veganism', ['veganism', 'vegan'], 'vegan', ['plant-based', 'tofu', 'oat milk', 'lentils', 'seitan', 'meal prep'], 'النباتية في الأكل', 'expert'],
  ['machine-learning', 'Machine Learning', ['machine learning', 'ML'], 'machinelearning', ['gradient descent', 'overfitting', 'feature engineering', 'training set', 'transformers', 'loss curve'], 'تعلم الماكينات', 'expert'],
  ['artificial-intelligence', 'Artificial Intelligence', ['artificial intelligence', 'AI'], 'ai', ['alignment', 'language models', 'benchmarks', 'agents', 'inference', 'reasoning'], 'الذكاء الإصطناعي', 'expert'],
  ['data-science', 'Data Science', ['data science'], 'datascience', ['pandas', 'dashboards', 'A/B test', 'regression', 'notebooks', 'SQL'], 'علوم البيانات', 'expert'],
  ['python', 'Python', ['python'], 'python', ['type hints', 'virtualenv', 'asyncio', 'decorators', 'pip', 'PEP 8'], 'بيثون', 'expert'],
  ['javascript', 'JavaScript', ['javascript', 'JS'], 'javascript', ['closures', 'promises', 'npm', 'bundler', 'event loop', 'TypeScript'], 'جافا سكريبت', 'expert'],
  ['open-source', 'Open Source', ['open source', 'open-source'], 'opensource', ['maintainers', 'pull request', 'license', 'contributors', 'issue tracker', 'release notes'], 'مورد متاح', 'expert'],
  ['cybersecurity', 'Cybersecurity', ['cybersecurity', 'infosec'], 'cybersecurity', ['phishing', 'zero-day', 'CVE', 'threat model', 'ransomware', 'patching'], 'الأمن السبيراني', 'expert'],
  ['blockchain', 'Blockchain', ['blockchain'], 'blockchain', ['ledger', 'smart contracts', 'consensus', 'validators', 'rollups', 'tokens'], undefined, 'expert'],
  ['bitcoin', 'Bitcoin', ['bitcoin', 'BTC'], 'bitcoin', ['halving', 'sats', 'cold wallet', 'hashrate', 'mempool', 'lightning node'], 'بيتكوين', 'expert'],
  ['robotics', 'Robotics', ['robotics', 'robots'], 'robotics', ['actuators', 'servo', 'kinematics', 'ROS', 'grippers', 'lidar'], 'الروبوتات', 'expert'],
  ['apple', 'Apple', ['Apple'], 'apple', ['iPhone', 'macOS', 'keynote', 'M-series chip', 'iPad', 'WWDC'], 'أبل', 'both'],
  ['startups', 'Startups', ['startup', 'startups'], 'startups', ['founders', 'seed round', 'product-market fit', 'runway', 'pitch deck', 'burn rate'], 'شركات الإنترنت', 'expert'],
  ['venture-capital', 'Venture Capital', ['venture capital', 'VC'], 'venturecapital', ['term sheet', 'portfolio', 'LPs', 'due diligence', 'valuation', 'fund II'], 'رأس المال الاستثماري', 'expert'],
  ['marketing', 'Marketing', ['marketing'], 'marketing', ['funnel', 'brand voice', 'campaign', 'conversion rate', 'positioning', 'newsletter'], 'التسويق', 'expert'],
  ['seo', 'SEO', ['SEO'], 'seo', ['backlinks', 'crawl budget', 'SERP', 'keyword research', 'meta descriptions', 'site audit'], 'تحسين محرك البحث', 'expert'],
  ['astronomy', 'Astronomy', ['astronomy'], 'astronomy', ['telescope', 'nebula', 'meteor shower', 'exoplanet', 'dark skies', 'star chart'], 'علم الفلك', 'expert'],
  ['physics', 'Physics', ['physics'], 'physics', ['quantum field', 'entropy', 'particle collider', 'relativity', 'thermodynamics', 'lab notes'], 'علوم الفيزياء', 'expert'],
  ['neuroscience', 'Neuroscience', ['neuroscience'], 'neuroscience', ['neurons', 'synapse', 'fMRI', 'cortex', 'dopamine', 'memory consolidation'], 'على الأعصاب', 'expert'],
  ['climate-change', 'Climate Change', ['climate change'], 'climatechange', ['emissions', 'carbon budget', 'sea level', 'IPCC', 'heatwaves', 'decarbonisation'], 'التغير المناخي', 'expert'],
  ['weather', 'Weather', ['weather'], 'weather', ['forecast', 'cold front', 'radar loop', 'dew point', 'barometric pressure', 'storm track'], 'حالة الطقس', 'both'],
  ['basketball', 'Basketball', ['basketball', 'hoops'], 'basketball', ['playoffs', 'three-pointer', 'rebounds', 'point guard', 'box score', 'fast break'], 'كرة السلة', 'expert'],
  ['soccer', 'Soccer', ['soccer'], 'soccer', ['midfield', 'clean sheet', 'transfer window', 'penalty', 'derby', 'pressing'], 'كرة القدم', 'expert'],
  ['tennis', 'Tennis', ['tennis'], 'tennis', ['backhand', 'serve', 'tiebreak', 'clay court', 'Grand Slam', 'baseline'], 'التنس الععشبي', 'expert'],
  ['golf', 'Golf', ['golf'], 'golf', ['fairway', 'putter', 'handicap', 'birdie', 'tee time', 'short game'], 'جولف', 'expert'],
  ['formula-one', 'Formula One', ['Formula One', 'F1'], 'f1', ['pit stop', 'qualifying', 'tyre strategy', 'pole position', 'DRS', 'constructors'], 'فورميولا وان', 'expert'],
  ['baseball', 'Baseball', ['baseball'], 'baseball', ['bullpen', 'batting average', 'shortstop', 'innings', 'home run', 'spring training'], 'كرة القاعدة', 'expert'],
  ['running', 'Running', ['running'], 'running', ['tempo run', 'splits', 'long run', 'negative split', 'trainers', 'easy miles'], 'الجري', 'both'],
  ['yoga', 'Yoga', ['yoga'], 'yoga', ['vinyasa', 'asana', 'breathwork', 'mat', 'sun salutation', 'pranayama'], 'اليوجا', 'expert'],
  ['marathons', 'Marathons', ['marathon', 'marathons'], 'marathon', ['race day', 'taper', 'negative split', 'bib', 'PB', 'aid station'], 'الماراثون', 'expert'],
  ['surfing', 'Surfing', ['surfing', 'surf'], 'surfing', ['swell', 'longboard', 'barrel', 'wetsuit', 'lineup', 'offshore wind'], 'ركوب الأمواج', 'expert'],
  ['skiing', 'Skiing', ['skiing', 'ski'], 'skiing', ['powder day', 'moguls', 'backcountry', 'lift pass', 'carving', 'avalanche report'], 'التزحلق', 'expert'],
  ['chess', 'Chess', ['chess'], 'chess', ['opening prep', 'endgame', 'blitz', 'Sicilian', 'grandmaster', 'rating'], 'الطرنج', 'expert'],
  ['hiking', 'Hiking', ['hiking', 'hike'], 'hiking', ['trailhead', 'switchbacks', 'summit', 'elevation gain', 'day pack', 'ridge line'], 'المشي لمسافات طويلة', 'expert'],
  ['photography', 'Photography', ['photography'], 'photography', ['aperture', 'shutter speed', 'prime lens', 'golden hour', 'bokeh', 'RAW files'], 'التصوير الفوتوغرافي', 'expert'],
  ['film-photography', 'Film Photography', ['film photography', 'analog photography'], 'filmphotography', ['Portra 400', 'darkroom', 'rangefinder', 'negatives', 'medium format', 'expired stock'], 'التصوير الفيلمي', 'expert'],
  ['architecture', 'Architecture', ['architecture'], 'architecture', ['facade', 'brutalism', 'floor plan', 'cantilever', 'concrete', 'urbanism'], 'الهندسة المعمارية', 'expert'],
  ['painting', 'Painting', ['painting', 'paintings'], 'painting', ['oils', 'gouache', 'canvas', 'brushwork', 'palette knife', 'plein air'], 'الرسم', 'expert'],
  ['typography', 'Typography', ['typography'], 'typography', ['typeface', 'kerning', 'serif', 'ligatures', 'type specimen', 'leading'], 'الطباعة', 'expert'],
  ['fashion', 'Fashion', ['fashion'], 'fashion', ['runway', 'streetwear', 'capsule wardrobe', 'tailoring', 'lookbook', 'fabric'], 'الموضة', 'expert'],
  ['parenting', 'Parenting', ['parenting'], 'parenting', ['toddler', 'bedtime routine', 'screen time', 'school run', 'tantrums', 'naps'], 'الأبوة والأمومة', 'expert'],
  ['dogs', 'Dogs', ['dogs', 'dog'], 'dogs', ['puppy', 'leash training', 'rescue', 'kibble', 'vet visit', 'recall'], 'الكلاب', 'expert'],
  ['cats', 'Cats', ['cats', 'cat'], 'cats', ['kitten', 'litter box', 'catnip', 'purring', 'scratching post', 'zoomies'], 'القطط', 'expert'],
  ['birds', 'Birds', ['birds', 'birding'], 'birds', ['binoculars', 'warbler', 'migration', 'field guide', 'heron', 'lifer'], 'الطيور', 'expert'],
  ['travel', 'Travel', ['travel'], 'travel', ['itinerary', 'layover', 'carry-on', 'hostel', 'passport', 'off-season'], 'السفر', 'expert'],
  ['nutrition', 'Nutrition', ['nutrition'], 'nutrition', ['protein', 'macros', 'fiber', 'micronutrients', 'hydration', 'meal timing'], 'التغذية', 'expert'],
  ['fitness', 'Fitness', ['fitness'], 'fitness', ['deadlift', 'reps', 'progressive overload', 'mobility', 'kettlebell', 'rest day'], 'اللياقة بدنية', 'expert'],
  ['garden', 'Gardening', ['gardening'], 'gardening', ['compost', 'seedlings', 'raised beds', 'pruning', 'perennials', 'mulch'], 'حديقة', 'expert'],
  ['nice', 'Nice', ['nice'], 'nice', [], 'لطيف', 'everyday'],
  ['music', 'Music', ['music'], 'music', [], 'موسيقى', 'everyday'],
  ['food', 'Food', ['food'], 'food', [], 'الطعام', 'everyday'],
  ['walking', 'Walking', ['walking'], 'walking', [], 'المشي', 'everyday'],
  ['happiness', 'Happiness', ['happiness'], 'happiness', [], 'السعادة', 'everyday'],
  ['internet', 'Internet', ['internet'], 'internet', [], 'الانترنت', 'everyday'],
];

/** The curated topics, in a fixed order (their index is the topic code in a World). */
export const SIM_TOPICS: readonly SimTopic[] = ROWS.map(([slug, name, forms, tag, vocab, ar, kind]) => ({
  slug,
  name,
  forms,
  tag,
  vocab,
  ...(ar === undefined ? {} : { ar }),
  expert: kind !== 'everyday',
  everyday: kind !== 'expert',
}));

/** Indexes of topics that can be true expertise. */
export const EXPERT_TOPICS: readonly number[] = SIM_TOPICS.flatMap((t, i) => (t.expert ? [i] : []));

/** Indexes of expert topics that are NOT everyday words (safe for a one-off mention). */
export const PLAIN_EXPERT_TOPICS: readonly number[] = SIM_TOPICS.flatMap((t, i) => (t.expert && !t.everyday ? [i] : []));

/** Index of a topic by slug, or -1. */
export function findTopic(slug: string): number {
  return SIM_TOPICS.findIndex((t) => t.slug === slug);
}
