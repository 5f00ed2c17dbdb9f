"""Synthetic corpus and request bodies for scale.sh.

  scale-corpus.py articles N DIR   writes DIR/articles/NNNNN.txt (N articles), DIR/meta.jsonl (per article: title,
                                   source article, substitutions) and DIR/article-args (one --article=FILE a line,
                                   for the command line's @file), and prints what the corpus holds
  scale-corpus.py bodies DIR ARTICLES.json SCOPED.jsonl UNSCOPED.jsonl
                                   writes request bodies: questions from the eval sets of each article's source,
                                   with that article's substitutions; the scoped ones carry the article's id as
                                   GET /api/articles gives it

Each article recombines sentences of the shipped articles: most from one of them (its source), the rest from the
others, with the people, places and numbers swapped for ones drawn from a generator seeded by the article's
number, consistently within the article. Runs are reproducible: the same N gives the same corpus.
"""
import json
import os
import random
import re
import sys

SOURCES = {
    "carney": {
        "article": "src/main/resources/article.txt",
        "questions": ["src/test/resources/eval/dev-questions.jsonl", "src/test/resources/eval/extra-questions.jsonl"],
        "people": ["Mark Carney", "Xi Jinping", "Donald Trump", "Anita Anand"],
        "places": ["Beijing", "Ottawa", "Washington", "South Korea"],
        "countries": ["Canada", "China", "United States"],
    },
    "harbour": {
        "article": "src/test/resources/articles/harbour-flood.txt",
        "questions": ["src/test/resources/eval/harbour-flood-questions.jsonl"],
        "people": ["Helen Marsh", "Priya Venkatesan", "Tomasz Wójcik", "Alan Trevithick", "Rosalind Okafor",
                   "Sandra Polglase"],
        "places": ["Saltmouth", "Quay Street", "Fish Row", "Guildhall", "Kernow"],
        "countries": [],
    },
    "vaccine": {
        "article": "src/test/resources/articles/vaccine-trial.txt",
        "questions": ["src/test/resources/eval/vaccine-trial-questions.jsonl"],
        "people": ["Daniel Okoro", "Miriam Achterberg", "Samuel Idowu", "Laura Brennan"],
        "places": ["Lisbon", "Utrecht", "Northfield", "Halvorsen"],
        "countries": ["Netherlands", "Belgium", "Germany"],
    },
}

FIRST = ("Ada Aisha Alan Amara Anders Ana Bilal Bruno Carmen Chen Chiara Dara Dmitri Elena Emeka Esther Farid Fatima "
         "Felix Greta Hana Hugo Ines Ivan Jamal Jonas Keiko Kofi Lars Leila Luca Maya Mateo Nadia Niamh Omar Oskar "
         "Paulo Rania Rosa Sami Sofia Tariq Thea Viktor Yara Yusuf Zofia").split()
LAST = ("Abara Alvarez Bergstrom Brandt Castillo Chowdhury Dimitrov Duarte Eze Falk Ferreira Gallagher Haddad "
        "Hartmann Ibsen Iwata Jovanovic Kamara Kowalski Lindqvist Lombardi Mensah Moreau Nakamura Novak Ortega "
        "Osei Petrov Quinn Rahman Rossi Sandoval Schmidt Sorensen Takahashi Tan Varga Vasquez Weber Yilmaz "
        "Zielinski Mwangi Okonkwo Halloran Pereira Ruiz Sato Strand").split()
TOWNS = ("Ashbourne Bramwick Calderport Dunmore Eastholm Fenbridge Glenhaven Harrowgate Islesford Kestrelby "
         "Larchmont Marlow Northwick Oakhurst Penrith Quarrydale Ravensworth Stonebridge Thornbury Upton Vale "
         "Westmere Yarmouth Zennor Brightwater Coldharbour Driftwood Elmstead Foxley Greyhaven Holloway Ivybridge "
         "Juniper Kingsmere Lowmoor Millbrook Newhaven Orchard Pendle Redcliff Seacombe Tidewell Underhill Wrenfield "
         "Aldermoor Blackwater Cranford").split()
MONTHS = "January February March April May June July August September October November December".split()
COUNTRIES = ("Norway Portugal Chile Kenya Vietnam Poland Ireland Mexico Ghana Finland Austria Peru Morocco Japan "
             "Brazil Denmark Estonia Greece Iceland Jordan Malaysia Nepal Oman Rwanda Senegal Tunisia Uruguay "
             "Zambia Colombia Croatia").split()
ABBREVIATIONS = {"Dr.", "Mr.", "Ms.", "Mrs.", "Prof.", "U.S.", "St."}
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\w])")


def source_sentences(path):
    """The title and the sentences of the article's prose lines, as the server's parser keeps them."""
    lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    title, body = lines[0], lines[1:]
    prose = [i for i, l in enumerate(body) if re.search(r"[.!?…][\"'”’)\]»]*$", l) and len(l.split()) >= 2]
    sentences = []
    for line in body[:prose[-1] + 1]:
        if line in (body[i] for i in prose):
            sentences.extend(split(line))
    return title, sentences


def split(line):
    """Sentences of a line: a full stop, ! or ? (and closing quotes), a space, then a capital or an opening quote."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][”’\"]?\s+(?=[“\"A-Z])", line):
        word = line[:m.start() + 1].split()[-1]
        if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", word):
            continue
        out.append(line[start:m.end()].strip())
        start = m.end()
    out.append(line[start:].strip())
    return out


def ordinal(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Substitutions:
    """One article's people, places and numbers, drawn from a generator seeded by its number."""

    def __init__(self, rng):
        self.rng = rng
        self.map = {}
        self.patterns = []
        towns, countries = rng.sample(TOWNS, len(TOWNS)), rng.sample(COUNTRIES, len(COUNTRIES))
        for source in SOURCES.values():
            for person in source["people"]:
                first, last = person.split(" ", 1)
                new_first, new_last = rng.choice(FIRST), rng.choice(LAST)
                self.add(person, new_first + " " + new_last)
                self.add(first if person == "Xi Jinping" else last, new_last)
            for place in source["places"]:
                self.add(place, towns.pop())
            for country in source["countries"]:
                self.add(country, countries.pop())
        # longest first, so that "Xi Jinping" is replaced before "Xi"
        self.patterns.sort(key=lambda p: -len(p[1]))

    def add(self, old, new):
        self.map[old] = new
        self.patterns.append((re.compile(r"(?<!\w)" + re.escape(old) + r"(?!\w)"), old))

    def number(self, match):
        old = match.group()
        if old not in self.map:
            digits = re.sub(r"(st|nd|rd|th)$", "", old)
            plain = digits.replace(",", "")
            if re.fullmatch(r"(19|20|21)\d\d", plain):
                new = str(self.rng.randint(2008, 2034))
            else:
                whole, _, fraction = plain.partition(".")
                new = str(self.rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 1, 10 ** len(whole) - 1))
                if "," in digits:
                    new = f"{int(new):,}"
                if fraction:
                    new += "." + "".join(str(self.rng.randint(0, 9)) for _ in fraction)
            if digits != old:
                new += ordinal(int(new.split(".")[0].replace(",", "")))
            self.map[old] = new
        return self.map[old]

    def vary(self, sentence, lower_case):
        """The sentence with the article's people, places and numbers. One with at most one of them (a year, a
        country: a few dozen versions) is dated as well, or a quote given a speaker, so that it is not the same
        text in every article that uses it."""
        new = self.apply(sentence)
        if self.replaced > 1:
            return new
        speaker = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        if re.search(r",” (he|she) said\.$", new):
            return re.sub(r"(he|she) said\.$", speaker + " said.", new)
        if new.startswith("“"):
            return re.sub(r"[.!?]”$", ",” " + speaker + " said.", new)
        first, rest = new.split(" ", 1)
        first = first.lower() if first.lower() in lower_case else first  # "He said" but "Vectara Bio said"
        when = f"{self.rng.randint(1, 28)} {self.rng.choice(MONTHS)}"
        lead = f"On {when}, " if self.rng.random() < 0.5 else f"In {self.rng.choice(TOWNS)} on {when}, "
        return lead + first + " " + rest

    def apply(self, text):
        """The text with the article's people, places and numbers; self.replaced says how many there were."""
        self.replaced = 0
        for pattern, old in self.patterns:
            text, count = pattern.subn(lambda _: self.map[old], text)
            self.replaced += count
        text, count = NUMBER.subn(self.number, text)
        self.replaced += count
        return text


def articles(n, out):
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    sources = {name: source_sentences(s["article"]) for name, s in SOURCES.items()}
    # words that are capitalised only where they begin a sentence: no names, so "He said" becomes "he said"
    names = {w for _, ss in sources.values() for s in ss for w in re.findall(r"(?<=\S )[A-Z]\w*", s)}
    lower_case = {w.lower() for _, ss in sources.values() for s in ss for w in re.findall(r"\w+", s)} - \
        {w.lower() for w in names}
    all_sentences, per_article_chars = [], 0
    with open(os.path.join(out, "meta.jsonl"), "w", encoding="utf-8") as meta, \
            open(os.path.join(out, "article-args"), "w", encoding="utf-8") as args:
        for i in range(1, n + 1):
            rng = random.Random(i)
            subs = Substitutions(rng)
            source = rng.choice(sorted(SOURCES))
            title, own = sources[source]
            others = [s for name, (_, ss) in sources.items() if name != source for s in ss]
            count = rng.randint(15, 30)
            keep = min(len(own), round(count * 0.7))
            chosen = [own[j] for j in sorted(rng.sample(range(len(own)), keep))]
            for s in rng.sample(others, count - keep):
                chosen.insert(rng.randint(1, len(chosen)), s)
            sentences = [subs.vary(s, lower_case) for s in chosen]
            all_sentences.extend(sentences)
            cuts = sorted(rng.sample(range(2, len(sentences) - 1), rng.randint(2, 5)))
            paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0] + cuts, cuts + [len(sentences)])]
            headline = f"{rng.choice(TOWNS)} Report {i}: {subs.apply(title)}"
            byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}, Staff Reporter"
            text = "\n".join([headline, byline] + paragraphs) + "\n"
            per_article_chars += len(text)
            path = os.path.join(out, "articles", f"{i:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            args.write(f"--article={os.path.abspath(path)}\n")
            meta.write(json.dumps({"title": headline, "source": source, "map": subs.map}, ensure_ascii=False) + "\n")
    counts = {}
    for s in all_sentences:
        counts[s] = counts.get(s, 0) + 1
    once = sum(1 for c in counts.values() if c == 1)
    print(f"corpus: {n} articles, {len(all_sentences)} sentences ({len(all_sentences) / n:.1f} an article), "
          f"{len(counts)} distinct sentences ({100 * len(counts) / len(all_sentences):.1f}%), "
          f"{once} of them in one article only ({100 * once / len(all_sentences):.1f}% of all sentences); "
          f"{per_article_chars / 1e6:.1f} MB of text")


def bodies(out, served, scoped_path, unscoped_path, count=4096):
    ids = {a["title"]: a["id"] for a in json.load(open(served, encoding="utf-8"))["articles"]}
    meta = [json.loads(line) for line in open(os.path.join(out, "meta.jsonl"), encoding="utf-8")]
    missing = [m["title"] for m in meta if m["title"] not in ids]
    if missing:
        sys.exit(f"{len(missing)} generated articles are not served, e.g. {missing[0]!r}")
    questions = {}
    for name, source in SOURCES.items():
        questions[name] = [q["q"] for path in source["questions"] for q in map(json.loads, open(path, encoding="utf-8"))
                           if not q.get("history")]
    rng = random.Random(0)
    with open(scoped_path, "w", encoding="utf-8") as scoped, open(unscoped_path, "w", encoding="utf-8") as unscoped:
        for _ in range(count):
            article = rng.choice(meta)
            subs = Substitutions(random.Random(0))
            subs.map = article["map"]  # the article's own people, places and numbers
            subs.patterns = sorted(((re.compile(r"(?<!\w)" + re.escape(old) + r"(?!\w)"), old)
                                    for old in subs.map if not old[0].isdigit()), key=lambda p: -len(p[1]))
            question = subs.apply(rng.choice(questions[article["source"]]))
            # the question last: scale.lua makes it unique by appending to it
            scoped.write(json.dumps({"articleId": ids[article["title"]], "question": question}, ensure_ascii=False) + "\n")
            unscoped.write(json.dumps({"question": question}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "articles":
        articles(int(sys.argv[2]), sys.argv[3])
    else:
        bodies(*sys.argv[2:6])
