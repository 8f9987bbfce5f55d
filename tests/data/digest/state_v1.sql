-- A digest state of schema version 1 (briefing before the inbox file cache), as
-- `briefing digest` wrote it for tests/data/digest/day1 on 2024-06-03 (sqlite3 .dump).
-- tests/functional/test_digest_incremental.py loads it to check the migration.
BEGIN TRANSACTION;
CREATE TABLE articles (
    content_key TEXT PRIMARY KEY,  -- hash of the cleaned text: renamed or re-saved copies match
    content_hash TEXT NOT NULL,    -- hash of the file's bytes (Article.content_hash)
    day TEXT NOT NULL REFERENCES digests(day),
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    topic TEXT NOT NULL,           -- the heading of the topic it was reported under
    terms TEXT NOT NULL            -- JSON {term: count}: what the article is about
);
INSERT INTO "articles" VALUES('bf7d3874b04069cb55803c352a094401a587c1879f144430323ca4de8368594d','034b6d63cd81f8529f2188f480eaa7bb287c145159477435e1f5aff81e3cd036','2024-06-03','/home/anna/nachrichten/eingang/hochwasser_bayern_passau.txt','Katastrophenfall an der Donau: Passau bangt um die Altstadt',NULL,'Donau','{"abend": 2.0, "altstadt": 5.0, "bangt": 3.0, "bay": 1.0, "behord": 1.0, "berat": 1.0, "betroff": 1.0, "damit": 1.0, "dauerreg": 1.0, "deutsch": 1.0, "dienstag": 1.0, "donau": 6.0, "erreicht": 1.0, "erst": 1.0, "freistaat": 1.0, "gemeind": 1.0, "gestieg": 2.0, "haus": 1.0, "hilf": 1.0, "hilfspaket": 1.0, "hilfswerk": 1.0, "hochwass": 2.0, "hochwassergebiet": 1.0, "innstadt": 1.0, "katastrophenfall": 3.0, "kell": 1.0, "knapp": 2.0, "lag": 2.0, "landkreis": 1.0, "leer": 1.0, "markus": 1.0, "mehr": 1.0, "mensch": 1.0, "met": 2.0, "ministerprasident": 1.0, "montag": 2.0, "musst": 1.0, "nacht": 1.0, "passau": 6.0, "pegel": 2.0, "pumpt": 1.0, "rechn": 1.0, "sagt": 1.0, "scheitel": 1.0, "schnell": 1.0, "sod": 1.0, "staatsregier": 1.0, "stand": 2.0, "straubing": 1.0, "tag": 1.0, "technisch": 1.0, "teilweis": 2.0, "verlass": 1.0, "warnt": 1.0, "wass": 2.0, "weit": 1.0, "wetterdien": 1.0, "will": 1.0, "zehn": 2.0, "zwei": 1.0}');
INSERT INTO "articles" VALUES('e27f9c8f8d17dabeae4b3e58f7890ad2d5eedb3419a2ab345328d694dd1ea285','fbd55483303002dbf40e3c26df62a67b5ff15c5e98298b374861f4c0633462de','2024-06-03','/home/anna/nachrichten/eingang/hochwasser_bayern_regensburg.txt','Hochwasser in Bayern: Donau erreicht in Regensburg kritischen Pegel',NULL,'Donau','{"altstadt": 1.0, "angab": 1.0, "angespannt": 1.0, "bay": 5.0, "bayern": 1.0, "behord": 2.0, "besucht": 1.0, "betroff": 1.0, "bleibt": 1.0, "deutsch": 1.0, "donau": 7.0, "einsatzkraft": 1.0, "einschatz": 1.0, "entlang": 1.0, "erreicht": 5.0, "errichtet": 1.0, "erwartet": 1.0, "feuerwehr": 1.0, "freistaat": 1.0, "gemeind": 1.0, "hat": 2.0, "haus": 1.0, "hilf": 1.0, "hilfswerk": 1.0, "hochwass": 5.0, "hochwassernachrichtendien": 2.0, "ihn": 1.0, "kam": 1.0, "katastrophenfall": 1.0, "kommend": 1.0, "kritisch": 3.0, "lag": 1.0, "landkreis": 1.0, "liess": 1.0, "markus": 1.0, "mehr": 4.0, "mensch": 1.0, "met": 2.0, "ministerprasident": 1.0, "mobil": 1.0, "montag": 2.0, "musst": 1.0, "nacht": 2.0, "passau": 1.0, "pegel": 5.0, "reg": 1.0, "regensburg": 7.0, "rief": 1.0, "sagt": 1.0, "schnell": 1.0, "schul": 1.0, "schutzwand": 1.0, "sech": 2.0, "sod": 1.0, "sperr": 1.0, "stadt": 1.0, "stieg": 2.0, "strass": 1.0, "straubing": 1.0, "sud": 1.0, "tag": 1.0, "technisch": 1.0, "teilt": 2.0, "turnhall": 1.0, "verlass": 1.0, "viel": 1.0, "vormittag": 1.0, "weit": 1.0, "wetterdien": 1.0}');
INSERT INTO "articles" VALUES('fef9409e4e1771869b6edc6921a3ff9c26bc6c7181d30647c52fe1efc298b1ab','6c7a12b80d208e4d3d26fcd2b7bb0233cbd582c0771936161c2925d42b2624e2','2024-06-03','/home/anna/nachrichten/eingang/bahnstreik_gdl.txt','Bahnstreik: GDL legt den Fernverkehr für zwei Tage lahm',NULL,'Bahnstreik: GDL legt den Fernverkehr für zwei Tage lahm','{"angekundigt": 1.0, "aufgeruf": 2.0, "ausstand": 2.0, "bahn": 4.0, "bahnstreik": 3.0, "beginn": 2.0, "bundesland": 1.0, "dau": 2.0, "deutsch": 3.0, "dies": 1.0, "eig": 1.0, "einstell": 1.0, "erneut": 2.0, "etwa": 1.0, "fahr": 1.0, "fahrgastverband": 1.0, "fernverkehr": 3.0, "fernzug": 1.0, "finanzierbar": 1.0, "forder": 1.0, "fordert": 1.0, "fruh": 2.0, "funftel": 1.0, "gdl": 5.0, "geb": 1.0, "gewerkschaft": 1.0, "gross": 1.0, "halt": 1.0, "hat": 2.0, "homeoffic": 1.0, "kritisiert": 1.0, "kundigt": 1.0, "kurz": 1.0, "kurzfrist": 1.0, "lahm": 3.0, "legt": 3.0, "lohnverlust": 1.0, "lokfuhrergewerkschaft": 2.0, "mitglied": 2.0, "mittwoch": 2.0, "moglich": 1.0, "notfahrplan": 1.0, "nur": 1.0, "ohn": 1.0, "pendl": 1.0, "regionalverkehr": 1.0, "riet": 1.0, "scharf": 1.0, "schichtarbeit": 1.0, "sollt": 1.0, "streik": 3.0, "tag": 5.0, "unterschied": 1.0, "verband": 1.0, "wochenarbeitszeit": 1.0, "wort": 1.0, "zwei": 5.0}');
CREATE TABLE digests (
    day TEXT PRIMARY KEY,          -- YYYY-MM-DD
    path TEXT NOT NULL,            -- the file written for that day
    written TEXT NOT NULL,         -- when (UTC, ISO)
    articles INTEGER NOT NULL
);
INSERT INTO "digests" VALUES('2024-06-03','/home/anna/nachrichten/digest/2024-06-03.md','2026-12-06T07:22:23+00:00',3);
CREATE TABLE reported (
    day TEXT NOT NULL,
    topic TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,            -- a summary sentence as the digest printed it
    sentence_key TEXT NOT NULL,
    PRIMARY KEY (day, topic, position)
);
INSERT INTO "reported" VALUES('2024-06-03','Donau',0,'In Passau ist das Hochwasser der Donau am Montag weiter gestiegen.','in passau ist das hochwasser der donau am montag weiter gestiegen');
INSERT INTO "reported" VALUES('2024-06-03','Donau',1,'Der Pegel lag am Abend bei knapp zehn Metern, die Altstadt stand teilweise unter Wasser.','der pegel lag am abend bei knapp zehn metern die altstadt stand teilweise unter wasser');
INSERT INTO "reported" VALUES('2024-06-03','Donau',2,'In den Landkreisen Passau und Straubing mussten nach Angaben der Behörden mehr als 3000 Menschen ihre Häuser verlassen.','in den landkreisen passau und straubing mussten nach angaben der behörden mehr als 3000 menschen ihre häuser verlassen');
INSERT INTO "reported" VALUES('2024-06-03','Donau',3,'Feuerwehr und Technisches Hilfswerk errichteten entlang der Donau mobile Schutzwände.','feuerwehr und technisches hilfswerk errichteten entlang der donau mobile schutzwände');
INSERT INTO "reported" VALUES('2024-06-03','Donau',4,'Ministerpräsident Markus Söder sagte den betroffenen Gemeinden schnelle Hilfe des Freistaats zu.','ministerpräsident markus söder sagte den betroffenen gemeinden schnelle hilfe des freistaats zu');
INSERT INTO "reported" VALUES('2024-06-03','Donau',5,'Der Deutsche Wetterdienst erwartet für die kommenden Tage weiteren Regen im Süden Bayerns.','der deutsche wetterdienst erwartet für die kommenden tage weiteren regen im süden bayerns');
INSERT INTO "reported" VALUES('2024-06-03','Bahnstreik: GDL legt den Fernverkehr für zwei Tage lahm',6,'Die Lokführergewerkschaft GDL hat ihre Mitglieder erneut zu einem Streik bei der Deutschen Bahn aufgerufen.','die lokführergewerkschaft gdl hat ihre mitglieder erneut zu einem streik bei der deutschen bahn aufgerufen');
CREATE TABLE seen_sentences (
    day TEXT NOT NULL,
    sentence_key TEXT NOT NULL,    -- summarize.sentence_key of every sentence of the day's articles
    PRIMARY KEY (day, sentence_key)
) WITHOUT ROWID;
INSERT INTO "seen_sentences" VALUES('2024-06-03','das hochwasser in bayern hat am montag regensburg erreicht');
INSERT INTO "seen_sentences" VALUES('2024-06-03','das technische hilfswerk pumpte in der nacht keller in der innstadt leer');
INSERT INTO "seen_sentences" VALUES('2024-06-03','der ausstand soll am mittwoch früh beginnen und zwei tage dauern');
INSERT INTO "seen_sentences" VALUES('2024-06-03','der deutsche wetterdienst erwartet für die kommenden tage weiteren regen im süden bayerns');
INSERT INTO "seen_sentences" VALUES('2024-06-03','der deutsche wetterdienst warnt vor weiterem dauerregen in bayern');
INSERT INTO "seen_sentences" VALUES('2024-06-03','der pegel der donau stieg in der nacht auf mehr als sechs meter teilte der hochwassernachrichtendienst mit');
INSERT INTO "seen_sentences" VALUES('2024-06-03','der pegel lag am abend bei knapp zehn metern die altstadt stand teilweise unter wasser');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die bahn hält diese forderung nach eigenen worten für nicht finanzierbar');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die behörden rechnen damit dass der scheitel der donau erst in zwei tagen erreicht wird');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die deutsche bahn kündigte einen notfahrplan an nach dem nur etwa ein fünftel der fernzüge fahren soll');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die gewerkschaft fordert eine kürzere wochenarbeitszeit für schichtarbeiter ohne lohnverlust');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die lage an der donau bleibt deshalb nach einschätzung der behörden angespannt');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die lokführergewerkschaft gdl hat ihre mitglieder erneut zu einem streik bei der deutschen bahn aufgerufen');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die staatsregierung will am dienstag über ein hilfspaket für die hochwassergebiete beraten');
INSERT INTO "seen_sentences" VALUES('2024-06-03','die stadt regensburg rief den katastrophenfall aus und liess mehrere strassen in der altstadt sperren');
INSERT INTO "seen_sentences" VALUES('2024-06-03','er sagte den betroffenen gemeinden schnelle hilfe des freistaats zu');
INSERT INTO "seen_sentences" VALUES('2024-06-03','fahrgastverbände kritisierten den kurzfristig angekündigten streik scharf');
INSERT INTO "seen_sentences" VALUES('2024-06-03','feuerwehr und technisches hilfswerk errichteten entlang der donau mobile schutzwände');
INSERT INTO "seen_sentences" VALUES('2024-06-03','im regionalverkehr werde es je nach bundesland grosse unterschiede geben');
INSERT INTO "seen_sentences" VALUES('2024-06-03','in den landkreisen passau und straubing mussten nach angaben der behörden mehr als 3000 menschen ihre häuser verlassen');
INSERT INTO "seen_sentences" VALUES('2024-06-03','in passau ist das hochwasser der donau am montag weiter gestiegen');
INSERT INTO "seen_sentences" VALUES('2024-06-03','mehr als 3000 menschen in den landkreisen passau und straubing mussten ihre häuser verlassen');
INSERT INTO "seen_sentences" VALUES('2024-06-03','ministerpräsident markus söder besuchte am vormittag die einsatzkräfte in regensburg');
INSERT INTO "seen_sentences" VALUES('2024-06-03','ministerpräsident markus söder sagte den betroffenen gemeinden schnelle hilfe des freistaats zu');
INSERT INTO "seen_sentences" VALUES('2024-06-03','pendler sollten sich nach möglichkeit auf homeoffice einstellen rieten die verbände');
INSERT INTO "seen_sentences" VALUES('2024-06-03','viele von ihnen kamen in turnhallen und schulen unter');
CREATE TABLE skipped (
    day TEXT NOT NULL,
    path TEXT NOT NULL,            -- an inbox file left out, so the next days do not repeat it
    reason TEXT NOT NULL,
    PRIMARY KEY (day, path)
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX seen_sentences_key ON seen_sentences(sentence_key);
COMMIT;
PRAGMA user_version = 1;
