//! Word and phrase lists. Each entry of a list that is shown to readers holds the Danish,
//! Swedish and Norwegian Bokmål form, in that order, so that the translations of one page
//! say the same thing. Slots such as `{t}` are filled by [`super::text`].

/// `[da, sv, nb]`.
pub type Tri = [&'static str; 3];

/// Subjects: who acts (plural, definite).
pub const ACTORS: &[Tri] = &[
    ["kommunerne", "kommunerna", "kommunene"],
    ["regionerne", "regionerna", "fylkeskommunene"],
    ["staten", "staten", "staten"],
    [
        "lederne i kommuner og regioner",
        "cheferna i kommuner och regioner",
        "lederne i kommuner og fylker",
    ],
    ["medarbejderne", "medarbetarna", "de ansatte"],
    ["politikerne", "politikerna", "politikerne"],
    ["borgerne", "invånarna", "innbyggerne"],
    [
        "de faglige organisationer",
        "de fackliga organisationerna",
        "fagforeningene",
    ],
    ["forvaltningerne", "förvaltningarna", "forvaltningene"],
    [
        "de frivillige foreninger",
        "de ideella föreningarna",
        "de frivillige organisasjonene",
    ],
];

/// Tags, one per field of public work; topics point into this list.
pub const TAGS: &[Tri] = &[
    ["velfærd", "välfärd", "velferd"],
    ["digitalisering", "digitalisering", "digitalisering"],
    ["samarbejde", "samverkan", "samarbeid"],
    ["ledelse", "ledarskap", "ledelse"],
    ["klima", "klimat", "klima"],
    ["økonomi", "ekonomi", "økonomi"],
    ["sundhed", "hälsa", "helse"],
    ["ældre", "äldre", "eldre"],
    ["børn og unge", "barn och unga", "barn og unge"],
    ["beskæftigelse", "arbetsmarknad", "arbeidsmarked"],
    ["demokrati", "demokrati", "demokrati"],
    ["data", "data", "data"],
    ["kompetencer", "kompetensförsörjning", "kompetanse"],
    ["skole", "skola", "skole"],
];

/// Topics (definite noun phrases) and the index of their tag in [`TAGS`].
pub const TOPICS: &[(Tri, usize)] = &[
    (["velfærden", "välfärden", "velferden"], 0),
    (
        [
            "digitaliseringen af den offentlige sektor",
            "digitaliseringen av offentlig sektor",
            "digitaliseringen av offentlig sektor",
        ],
        1,
    ),
    (
        [
            "samarbejdet mellem kommuner og regioner",
            "samverkan mellan kommuner och regioner",
            "samarbeidet mellom kommuner og fylkeskommuner",
        ],
        2,
    ),
    (
        [
            "ledelse på tværs af fagområder",
            "ledarskap över verksamhetsgränserna",
            "ledelse på tvers av fagområder",
        ],
        3,
    ),
    (
        [
            "den grønne omstilling",
            "den gröna omställningen",
            "det grønne skiftet",
        ],
        4,
    ),
    (
        [
            "klimatilpasningen i kommunerne",
            "klimatanpassningen i kommunerna",
            "klimatilpasningen i kommunene",
        ],
        4,
    ),
    (["ældreplejen", "äldreomsorgen", "eldreomsorgen"], 7),
    (
        [
            "det nære sundhedsvæsen",
            "den nära vården",
            "de nære helsetjenestene",
        ],
        6,
    ),
    (["folkeskolen", "grundskolan", "grunnskolen"], 13),
    (
        [
            "beskæftigelsesindsatsen",
            "arbetsmarknadsinsatserna",
            "arbeidsmarkedstiltakene",
        ],
        9,
    ),
    (
        [
            "borgernes tillid til det offentlige",
            "invånarnas förtroende för det offentliga",
            "innbyggernes tillit til det offentlige",
        ],
        10,
    ),
    (
        [
            "brugen af kunstig intelligens i forvaltningen",
            "användningen av artificiell intelligens i förvaltningen",
            "bruken av kunstig intelligens i forvaltningen",
        ],
        1,
    ),
    (
        [
            "rekrutteringen af nye medarbejdere",
            "kompetensförsörjningen",
            "rekrutteringen av nye medarbeidere",
        ],
        12,
    ),
    (
        [
            "arbejdsmiljøet i velfærden",
            "arbetsmiljön i välfärden",
            "arbeidsmiljøet i velferden",
        ],
        0,
    ),
    (
        ["økonomistyringen", "ekonomistyrningen", "økonomistyringen"],
        5,
    ),
    (
        [
            "datadeling på tværs af myndigheder",
            "datadelning mellan myndigheter",
            "datadeling på tvers av etater",
        ],
        11,
    ),
    (
        [
            "lokaldemokratiet",
            "den lokala demokratin",
            "lokaldemokratiet",
        ],
        10,
    ),
    (
        [
            "børne- og ungeområdet",
            "barn- och ungdomsområdet",
            "barne- og ungdomsfeltet",
        ],
        8,
    ),
    (
        [
            "den kommunale planlægning",
            "den kommunala planeringen",
            "den kommunale planleggingen",
        ],
        2,
    ),
    (
        [
            "informationssikkerheden",
            "informationssäkerheten",
            "informasjonssikkerheten",
        ],
        11,
    ),
    (
        [
            "kompetenceudviklingen",
            "kompetensutvecklingen",
            "kompetanseutviklingen",
        ],
        12,
    ),
    (
        [
            "tilliden mellem ledere og medarbejdere",
            "tilliten mellan chefer och medarbetare",
            "tilliten mellom ledere og ansatte",
        ],
        3,
    ),
    (
        [
            "de små kommuners økonomi",
            "de små kommunernas ekonomi",
            "økonomien i små kommuner",
        ],
        5,
    ),
    (["psykiatrien", "psykiatrin", "psykisk helsevern"], 6),
    (
        [
            "sammenhængen i borgernes forløb",
            "sammanhållna vårdförlopp",
            "sammenhengende pasientforløp",
        ],
        6,
    ),
];

/// Aims, as bare infinitives (after "at" / "att" / "å").
pub const GOALS: &[Tri] = &[
    [
        "skabe bedre sammenhæng for borgerne",
        "skapa bättre sammanhang för invånarna",
        "skape bedre sammenheng for innbyggerne",
    ],
    [
        "frigøre tid til kerneopgaven",
        "frigöra tid för kärnuppdraget",
        "frigjøre tid til kjerneoppgavene",
    ],
    [
        "bruge ressourcerne klogere",
        "använda resurserna klokare",
        "bruke ressursene klokere",
    ],
    [
        "sikre ligeværdige tilbud i hele landet",
        "säkra likvärdig service i hela landet",
        "sikre likeverdige tjenester i hele landet",
    ],
    [
        "styrke tilliden til den offentlige sektor",
        "stärka förtroendet för offentlig sektor",
        "styrke tilliten til offentlig sektor",
    ],
    [
        "tiltrække og fastholde dygtige medarbejdere",
        "attrahera och behålla skickliga medarbetare",
        "tiltrekke og beholde dyktige medarbeidere",
    ],
    [
        "nå de nationale klimamål",
        "nå de nationella klimatmålen",
        "nå de nasjonale klimamålene",
    ],
    [
        "løse opgaverne tættere på borgeren",
        "lösa uppgifterna närmare invånarna",
        "løse oppgavene nærmere innbyggerne",
    ],
    [
        "forebygge frem for at reparere",
        "förebygga i stället för att reparera",
        "forebygge fremfor å reparere",
    ],
    [
        "gøre det lettere at være borger og virksomhed",
        "göra det enklare att vara invånare och företagare",
        "gjøre det enklere å være innbygger og næringsdrivende",
    ],
];

/// Towns and municipalities, written the same in every language.
pub const PLACES: &[&str] = &[
    "Aarhus",
    "Aalborg",
    "Køge",
    "Næstved",
    "Sønderborg",
    "Hørsholm",
    "Ærø",
    "Göteborg",
    "Malmö",
    "Västerås",
    "Örebro",
    "Jönköping",
    "Umeå",
    "Luleå",
    "Tromsø",
    "Bodø",
    "Ålesund",
    "Bærum",
    "Lørenskog",
    "Gjøvik",
];

/// Sentences of session bodies and introductions. Slots: `{a}`/`{A}` an actor (`{A}`
/// capitalised), `{a2}` another actor, `{t}` and `{t2}` topics, `{g}` an aim, `{p}` a place,
/// `{y}` a coming year, `{y0}` a past year, `{n}` a percentage.
pub const SENTENCES: &[Tri] = &[
    [
        "{A} står over for store forandringer, når det gælder {t}.",
        "{A} står inför stora förändringar när det gäller {t}.",
        "{A} står overfor store endringer når det gjelder {t}.",
    ],
    [
        "Mange peger på {t} som nøglen til at {g}.",
        "Många pekar på {t} som nyckeln till att {g}.",
        "Mange peker på {t} som nøkkelen til å {g}.",
    ],
    [
        "Samtidig viser erfaringerne, at {t} kræver et tæt samarbejde med {a2}.",
        "Samtidigt visar erfarenheterna att {t} kräver nära samverkan med {a2}.",
        "Samtidig viser erfaringene at {t} krever tett samarbeid med {a2}.",
    ],
    [
        "Oplægsholderne giver konkrete eksempler på, hvordan {a} har grebet opgaven an.",
        "Talarna ger konkreta exempel på hur {a} har tagit sig an uppgiften.",
        "Innlederne gir konkrete eksempler på hvordan {a} har grepet oppgaven an.",
    ],
    [
        "Hvad betyder {t} for {t2}, og hvem har ansvaret, når noget går galt?",
        "Vad betyder {t} för {t2}, och vem har ansvaret när något går fel?",
        "Hva betyr {t} for {t2}, og hvem har ansvaret når noe går galt?",
    ],
    [
        "Frem mod {y} forventes presset på {t} at vokse yderligere.",
        "Fram till {y} väntas trycket på {t} att öka ytterligare.",
        "Fram mot {y} ventes presset på {t} å øke ytterligere.",
    ],
    [
        "Deltagerne får mulighed for at drøfte egne udfordringer med kolleger fra hele Norden.",
        "Deltagarna får möjlighet att diskutera egna utmaningar med kolleger från hela Norden.",
        "Deltakerne får mulighet til å drøfte egne utfordringer med kolleger fra hele Norden.",
    ],
    [
        "Ifølge en ny undersøgelse mener {n} procent af de adspurgte ledere, at {t} bør prioriteres højere.",
        "Enligt en ny undersökning anser {n} procent av de tillfrågade cheferna att {t} bör prioriteras högre.",
        "Ifølge en ny undersøkelse mener {n} prosent av de spurte lederne at {t} bør prioriteres høyere.",
    ],
    [
        "Det kræver både mod, tålmodighed og en fælles retning at {g}.",
        "Det kräver både mod, tålamod och en gemensam riktning att {g}.",
        "Det krever både mot, tålmodighet og en felles retning å {g}.",
    ],
    [
        "{A} har længe efterspurgt bedre rammer for {t}.",
        "{A} har länge efterfrågat bättre förutsättningar för {t}.",
        "{A} har lenge etterlyst bedre rammer for {t}.",
    ],
    [
        "Vi sætter særligt fokus på forholdet mellem {t} og {t2}.",
        "Vi sätter särskilt fokus på förhållandet mellan {t} och {t2}.",
        "Vi setter særlig søkelys på forholdet mellom {t} og {t2}.",
    ],
    [
        "Målet er at give ledere og medarbejdere redskaber til at {g}.",
        "Målet är att ge chefer och medarbetare verktyg för att {g}.",
        "Målet er å gi ledere og medarbeidere verktøy til å {g}.",
    ],
    [
        "Undervejs bliver der god tid til spørgsmål fra salen.",
        "Under passet finns det gott om tid för frågor från publiken.",
        "Underveis blir det god tid til spørsmål fra salen.",
    ],
    [
        "Erfaringerne fra {p} viser, at små skridt kan gøre en stor forskel for {a}.",
        "Erfarenheterna från {p} visar att små steg kan göra stor skillnad för {a}.",
        "Erfaringene fra {p} viser at små skritt kan utgjøre en stor forskjell for {a}.",
    ],
    [
        "Hvordan sikrer {a}, at {t} også fungerer i hverdagen?",
        "Hur säkerställer {a} att {t} också fungerar i vardagen?",
        "Hvordan sikrer {a} at {t} også fungerer i hverdagen?",
    ],
    [
        "I {p} har man arbejdet målrettet med {t} siden {y0}.",
        "I {p} har man arbetat målmedvetet med {t} sedan {y0}.",
        "I {p} har man jobbet målrettet med {t} siden {y0}.",
    ],
    [
        "Det handler ikke kun om teknik, men om kultur, ledelse og samarbejde.",
        "Det handlar inte bara om teknik, utan om kultur, ledarskap och samverkan.",
        "Det handler ikke bare om teknologi, men om kultur, ledelse og samarbeid.",
    ],
    [
        "Spørgsmålet er, om {a} har de kompetencer, der skal til for at {g}.",
        "Frågan är om {a} har den kompetens som krävs för att {g}.",
        "Spørsmålet er om {a} har den kompetansen som skal til for å {g}.",
    ],
    [
        "Både store og små kommuner kan lære af hinanden, når det gælder {t}.",
        "Både stora och små kommuner kan lära av varandra när det gäller {t}.",
        "Både store og små kommuner kan lære av hverandre når det gjelder {t}.",
    ],
    [
        "Ofte er det de nære løsninger, der gør den største forskel for {a}.",
        "Ofta är det de nära lösningarna som gör störst skillnad för {a}.",
        "Ofte er det de nære løsningene som utgjør den største forskjellen for {a}.",
    ],
];

/// Session titles; `{T}` is a capitalised topic.
pub const SESSION_TITLES: &[Tri] = &[
    [
        "Fremtiden for {t}",
        "Framtiden för {t}",
        "Fremtiden for {t}",
    ],
    ["{T} i praksis", "{T} i praktiken", "{T} i praksis"],
    [
        "Hvordan styrker vi {t}?",
        "Hur stärker vi {t}?",
        "Hvordan styrker vi {t}?",
    ],
    ["Nye veje for {t}", "Nya vägar för {t}", "Nye veier for {t}"],
    [
        "{T} – hvad virker?",
        "{T} – vad fungerar?",
        "{T} – hva virker?",
    ],
    [
        "Erfaringer med {t} fra {p}",
        "Erfarenheter av {t} från {p}",
        "Erfaringer med {t} fra {p}",
    ],
    [
        "Fra strategi til handling: {t}",
        "Från strategi till handling: {t}",
        "Fra strategi til handling: {t}",
    ],
    ["{T} frem mod {y}", "{T} fram mot {y}", "{T} mot {y}"],
    ["{T} under pres", "{T} under press", "{T} under press"],
    [
        "Når {t} møder {t2}",
        "När {t} möter {t2}",
        "Når {t} møter {t2}",
    ],
    ["{T} og {t2}", "{T} och {t2}", "{T} og {t2}"],
    [
        "Sådan lykkes {a} med {t}",
        "Så lyckas {a} med {t}",
        "Slik lykkes {a} med {t}",
    ],
];

pub const SESSION_SUMMARIES: &[Tri] = &[
    [
        "Om {t}, og hvordan {a} kan {g}.",
        "Om {t} och hur {a} kan {g}.",
        "Om {t} og hvordan {a} kan {g}.",
    ],
    [
        "Erfaringer fra {p} med {t}.",
        "Erfarenheter från {p} av {t}.",
        "Erfaringer fra {p} med {t}.",
    ],
    [
        "Hvad skal der til for at {g}?",
        "Vad krävs för att {g}?",
        "Hva skal til for å {g}?",
    ],
    [
        "{A} og {a2} drøfter {t}.",
        "{A} och {a2} diskuterar {t}.",
        "{A} og {a2} drøfter {t}.",
    ],
    [
        "Ny viden om {t} og {t2}.",
        "Ny kunskap om {t} och {t2}.",
        "Ny kunnskap om {t} og {t2}.",
    ],
];

/// Items of the bulleted list in session bodies.
pub const LIST_ITEMS: &[Tri] = &[
    [
        "erfaringer fra {p}",
        "erfarenheter från {p}",
        "erfaringer fra {p}",
    ],
    ["nye tal om {t}", "nya siffror om {t}", "nye tall om {t}"],
    [
        "konkrete redskaber til {t}",
        "konkreta verktyg för {t}",
        "konkrete verktøy for {t}",
    ],
    [
        "dialog om {t2} på tværs af sektorer",
        "dialog om {t2} över sektorsgränserna",
        "dialog om {t2} på tvers av sektorer",
    ],
    [
        "et blik på lovgivningen og de økonomiske rammer",
        "en blick på lagstiftningen och de ekonomiska ramarna",
        "et blikk på regelverket og de økonomiske rammene",
    ],
    [
        "næste skridt for {a}",
        "nästa steg för {a}",
        "neste steg for {a}",
    ],
    [
        "hvordan man kan {g}",
        "hur man kan {g}",
        "hvordan man kan {g}",
    ],
    [
        "spørgsmål og svar med oplægsholderne",
        "frågor och svar med talarna",
        "spørsmål og svar med innlederne",
    ],
];

pub const LIST_HEADINGS: &[Tri] = &[
    [
        "Det kommer vi omkring",
        "Det här tar vi upp",
        "Dette kommer vi inn på",
    ],
    ["Du får", "Du får", "Du får"],
    ["Programpunkter", "Programpunkter", "Programpunkter"],
];

pub const LINK_SENTENCES: &[Tri] = &[
    [
        "Læs mere om baggrunden hos [{org}]({url}).",
        "Läs mer om bakgrunden hos [{org}]({url}).",
        "Les mer om bakgrunnen hos [{org}]({url}).",
    ],
    [
        "Materialet fra [{org}]({url}) danner udgangspunkt for drøftelsen.",
        "Underlaget från [{org}]({url}) är utgångspunkt för diskussionen.",
        "Materialet fra [{org}]({url}) danner utgangspunktet for drøftingen.",
    ],
];

pub const CODE_INTROS: Tri = [
    "Oplægget tager udgangspunkt i et lille eksempel, som deltagerne kan arbejde videre med:",
    "Presentationen utgår från ett litet exempel som deltagarna kan arbeta vidare med:",
    "Innlegget tar utgangspunkt i et lite eksempel som deltakerne kan jobbe videre med:",
];

/// Code blocks: (info string, text per language). Slots: `{p}` place, `{tag}`, `{n}`, `{m}`.
pub const CODE_BLOCKS: &[(&str, Tri)] = &[
    (
        "python",
        [
            "def timer_pr_medarbejder(timer: float, medarbejdere: int) -> float:\n    \"\"\"Fordel timerne ligeligt på medarbejderne.\"\"\"\n    return round(timer / medarbejdere, 1)\n\nprint(\"{p}:\", timer_pr_medarbejder({m}, {n}))\n",
            "def timmar_per_medarbetare(timmar: float, medarbetare: int) -> float:\n    \"\"\"Fördela timmarna jämnt på medarbetarna.\"\"\"\n    return round(timmar / medarbetare, 1)\n\nprint(\"{p}:\", timmar_per_medarbetare({m}, {n}))\n",
            "def timer_per_ansatt(timer: float, ansatte: int) -> float:\n    \"\"\"Fordel timene likt på de ansatte.\"\"\"\n    return round(timer / ansatte, 1)\n\nprint(\"{p}:\", timer_per_ansatt({m}, {n}))\n",
        ],
    ),
    (
        "json",
        [
            "{\n  \"kommune\": \"{p}\",\n  \"tema\": \"{tag}\",\n  \"deltagere\": {n},\n  \"bekræftet\": true\n}\n",
            "{\n  \"kommun\": \"{p}\",\n  \"tema\": \"{tag}\",\n  \"deltagare\": {n},\n  \"bekräftad\": true\n}\n",
            "{\n  \"kommune\": \"{p}\",\n  \"tema\": \"{tag}\",\n  \"deltakere\": {n},\n  \"bekreftet\": true\n}\n",
        ],
    ),
    (
        "yaml",
        [
            "kommune: {p}\ntema: {tag}\ndeltagere: {n}\nbudget_kr: {m}000\n",
            "kommun: {p}\ntema: {tag}\ndeltagare: {n}\nbudget_kr: {m}000\n",
            "kommune: {p}\ntema: {tag}\ndeltakere: {n}\nbudsjett_kr: {m}000\n",
        ],
    ),
    (
        "sql",
        [
            "SELECT kommune, COUNT(*) AS sessioner\nFROM program\nWHERE tema = '{tag}' AND deltagere > {n}\nGROUP BY kommune;\n",
            "SELECT kommun, COUNT(*) AS pass\nFROM program\nWHERE tema = '{tag}' AND deltagare > {n}\nGROUP BY kommun;\n",
            "SELECT kommune, COUNT(*) AS økter\nFROM program\nWHERE tema = '{tag}' AND deltakere > {n}\nGROUP BY kommune;\n",
        ],
    ),
];

pub const THEME_TITLES: &[Tri] = &[
    ["{T}", "{T}", "{T}"],
    ["{T} og {t2}", "{T} och {t2}", "{T} og {t2}"],
    ["Tema: {t}", "Tema: {t}", "Tema: {t}"],
];

pub const THEME_SUMMARIES: &[Tri] = &[
    [
        "Sessioner om {t}, og om hvordan {a} kan {g}.",
        "Pass om {t} och om hur {a} kan {g}.",
        "Økter om {t} og om hvordan {a} kan {g}.",
    ],
    [
        "Temaet samler erfaringer med {t} fra hele Norden.",
        "Temat samlar erfarenheter av {t} från hela Norden.",
        "Temaet samler erfaringer med {t} fra hele Norden.",
    ],
];

/// Programme titles; `{year}` is the year of the first day.
pub const PROGRAMME_TITLES: &[Tri] = &[
    [
        "Konference om {t} {year}",
        "Konferens om {t} {year}",
        "Konferanse om {t} {year}",
    ],
    [
        "Nordisk topmøde om {t} {year}",
        "Nordiskt toppmöte om {t} {year}",
        "Nordisk toppmøte om {t} {year}",
    ],
    [
        "Årsmøde {year}: {t}",
        "Årsmöte {year}: {t}",
        "Årsmøte {year}: {t}",
    ],
    [
        "Netværksdage om {t} {year}",
        "Nätverksdagar om {t} {year}",
        "Nettverksdager om {t} {year}",
    ],
    [
        "Ledelsesdage {year} – {t}",
        "Ledarskapsdagar {year} – {t}",
        "Ledelsesdager {year} – {t}",
    ],
];

pub const PROGRAMME_SUMMARY: Tri = [
    "Dage for ledere og medarbejdere i den offentlige sektor om {t}, {t2} og {t3}.",
    "Dagar för chefer och medarbetare i offentlig sektor om {t}, {t2} och {t3}.",
    "Dager for ledere og medarbeidere i offentlig sektor om {t}, {t2} og {t3}.",
];

pub const PROGRAMME_PARALLEL: Tri = [
    "Sessionerne i de forskellige temaer foregår samtidig i {r} lokaler, så du vælger selv, hvilke du vil følge.",
    "Passen i de olika temana pågår samtidigt i {r} lokaler, så du väljer själv vilka du vill följa.",
    "Øktene i de ulike temaene foregår samtidig i {r} rom, så du velger selv hvilke du vil følge.",
];

pub const NOTICES: &[Tri] = &[
    [
        "Programmet kan blive ændret. Tjek siden igen kort før arrangementet.",
        "Programmet kan komma att ändras. Kontrollera sidan igen strax före evenemanget.",
        "Programmet kan bli endret. Sjekk siden igjen rett før arrangementet.",
    ],
    [
        "Tilmeldingsfristen er forlænget til to uger før første dag.",
        "Sista anmälningsdag har förlängts till två veckor före första dagen.",
        "Påmeldingsfristen er forlenget til to uker før første dag.",
    ],
    [
        "Enkelte sessioner er flyttet til andre lokaler.",
        "Några pass har flyttats till andra lokaler.",
        "Enkelte økter er flyttet til andre rom.",
    ],
];

pub const PRICE_INCLUDES: &[Tri] = &[
    ["forplejning", "måltider", "servering"],
    [
        "konferencemateriale",
        "konferensmaterial",
        "konferansemateriell",
    ],
    [
        "middag første dag",
        "middag första dagen",
        "middag første dag",
    ],
];

pub const PRICE_EXCLUDES: &[Tri] = &[
    ["overnatning", "övernattning", "overnatting"],
    ["transport", "resor", "reise"],
];

pub const CONTACT_ROLES: &[Tri] = &[
    [
        "Netværksansvarlig",
        "Nätverksansvarig",
        "Nettverksansvarlig",
    ],
    [
        "Konferencesekretær",
        "Konferenssekreterare",
        "Konferansesekretær",
    ],
    ["Projektleder", "Projektledare", "Prosjektleder"],
];

pub const SPEAKER_ROLES: &[Tri] = &[
    ["Kommunaldirektør", "Kommundirektör", "Kommunedirektør"],
    ["Direktør", "Direktör", "Direktør"],
    ["Afdelingschef", "Avdelningschef", "Avdelingsdirektør"],
    ["Chefkonsulent", "Senior rådgivare", "Seniorrådgiver"],
    ["Borgmester", "Kommunstyrelsens ordförande", "Ordfører"],
    ["Professor", "Professor", "Professor"],
    ["Seniorforsker", "Forskare", "Forsker"],
    ["Projektleder", "Projektledare", "Prosjektleder"],
    [
        "Digitaliseringschef",
        "Digitaliseringschef",
        "Digitaliseringssjef",
    ],
    [
        "Direktør for sundhed og omsorg",
        "Vård- och omsorgsdirektör",
        "Helse- og omsorgssjef",
    ],
    ["Klimakoordinator", "Klimatsamordnare", "Klimakoordinator"],
    ["Skolechef", "Skolchef", "Skolesjef"],
];

pub const BIOS: &[Tri] = &[
    [
        "{name} er {role} i {org}. {first} har arbejdet med {t} i {n} år og er med i flere netværk om {t2}. I {org} har {first} blandt andet stået i spidsen for arbejdet med at {g}.",
        "{name} är {role} på {org}. {first} har arbetat med {t} i {n} år och ingår i flera nätverk om {t2}. På {org} har {first} bland annat lett arbetet med att {g}.",
        "{name} er {role} i {org}. {first} har jobbet med {t} i {n} år og er med i flere nettverk om {t2}. I {org} har {first} blant annet ledet arbeidet med å {g}.",
    ],
    [
        "{name} er {role} i {org} og har tidligere arbejdet i {p}. {first} skriver og taler ofte om {t} og om, hvordan {a} kan {g}.",
        "{name} är {role} på {org} och har tidigare arbetat i {p}. {first} skriver och föreläser ofta om {t} och om hur {a} kan {g}.",
        "{name} er {role} i {org} og har tidligere jobbet i {p}. {first} skriver og holder ofte foredrag om {t} og om hvordan {a} kan {g}.",
    ],
];

pub const HOME: [Tri; 3] = [
    ["Programmer", "Program", "Programmer"],
    [
        "Konferencer, topmøder og netværksdage for den offentlige sektor i Norden.",
        "Konferenser, toppmöten och nätverksdagar för offentlig sektor i Norden.",
        "Konferanser, toppmøter og nettverksdager for offentlig sektor i Norden.",
    ],
    [
        "Her finder du programmerne for netværkets konferencer og møder. Hvert program findes på dansk, svensk og norsk, og ved hver session kan du se, hvilket sprog den foregår på.",
        "Här hittar du programmen för nätverkets konferenser och möten. Varje program finns på danska, svenska och norska, och vid varje pass ser du vilket språk det hålls på.",
        "Her finner du programmene for nettverkets konferanser og møter. Hvert program finnes på dansk, svensk og norsk, og ved hver økt kan du se hvilket språk den holdes på.",
    ],
];

/// Format prefixes of titles, by format name.
pub const FORMAT_PREFIXES: &[(&str, Tri)] = &[
    ("keynote", ["Keynote", "Keynote", "Keynote"]),
    ("debate", ["Debat", "Debatt", "Debatt"]),
    ("panel", ["Panel", "Panel", "Panel"]),
    ("workshop", ["Workshop", "Workshop", "Verksted"]),
];

/// Names by country: Denmark, Sweden, Norway.
pub const FIRST_NAMES: [&[&str]; 3] = [
    &[
        "Søren", "Mette", "Jørgen", "Birgitte", "Anders", "Lærke", "Rasmus", "Signe", "Bjørn",
        "Ditte", "Mads", "Åse", "Torben", "Gitte", "Kåre", "Hanne",
    ],
    &[
        "Åsa", "Björn", "Märta", "Göran", "Maja", "Örjan", "Sofia", "Håkan", "Linnéa", "Jöns",
        "Karin", "Anders", "Ebba", "Pär", "Ingrid", "Måns",
    ],
    &[
        "Bjørn",
        "Åshild",
        "Torbjørn",
        "Solveig",
        "Øystein",
        "Ingrid",
        "Håkon",
        "Kjersti",
        "Ørjan",
        "Sigrid",
        "Lars",
        "Marte",
        "Ståle",
        "Ragnhild",
        "Jørn",
        "Tove",
    ],
];

pub const LAST_NAMES: [&[&str]; 3] = [
    &[
        "Ørsted",
        "Mølgaard",
        "Sørensen",
        "Kjær",
        "Bæk",
        "Lykkegård",
        "Højgaard",
        "Nørgaard",
        "Dalsgaard",
        "Thomsen",
        "Ravn",
        "Brøndum",
        "Østergaard",
        "Skærbæk",
        "Holm",
        "Frølund",
    ],
    &[
        "Öberg",
        "Ålund",
        "Sjöström",
        "Lindqvist",
        "Bäckström",
        "Nyström",
        "Åkesson",
        "Söderberg",
        "Ekström",
        "Holmgren",
        "Löfgren",
        "Hägglund",
        "Strömberg",
        "Wikström",
        "Berg",
        "Dahlén",
    ],
    &[
        "Ålund",
        "Bjørnstad",
        "Sæther",
        "Løvås",
        "Haugen",
        "Myrvoll",
        "Strøm",
        "Kvåle",
        "Brække",
        "Solbakken",
        "Nordbø",
        "Rønning",
        "Holmøy",
        "Ødegård",
        "Fjeld",
        "Græsli",
    ],
];

pub const ORGANISATIONS: [&[&str]; 3] = [
    &[
        "Københavns Kommune",
        "Aarhus Kommune",
        "Region Midtjylland",
        "KL",
        "Danske Regioner",
        "Digitaliseringsstyrelsen",
        "Københavns Universitet",
        "VIVE",
        "Køge Kommune",
        "Sønderborg Kommune",
    ],
    &[
        "Göteborgs Stad",
        "Malmö stad",
        "Region Skåne",
        "Sveriges Kommuner och Regioner",
        "Myndigheten för digital förvaltning",
        "Uppsala universitet",
        "Örebro kommun",
        "Umeå kommun",
        "Västra Götalandsregionen",
        "Vinnova",
    ],
    &[
        "Oslo kommune",
        "Bergen kommune",
        "Tromsø kommune",
        "KS",
        "Digitaliseringsdirektoratet",
        "NTNU",
        "Bærum kommune",
        "Ålesund kommune",
        "Helsedirektoratet",
        "Universitetet i Bergen",
    ],
];

/// Public bodies with their addresses, for links in session bodies.
pub const LINKS: &[(&str, &str)] = &[
    ("KL", "https://www.kl.dk/"),
    ("Danske Regioner", "https://www.regioner.dk/"),
    ("Digitaliseringsstyrelsen", "https://digst.dk/"),
    ("Sundhedsstyrelsen", "https://www.sst.dk/"),
    ("Sveriges Kommuner och Regioner", "https://skr.se/"),
    (
        "Myndigheten för digital förvaltning",
        "https://www.digg.se/",
    ),
    ("Socialstyrelsen", "https://www.socialstyrelsen.se/"),
    ("KS", "https://www.ks.no/"),
    ("Digitaliseringsdirektoratet", "https://www.digdir.no/"),
    ("Helsedirektoratet", "https://www.helsedirektoratet.no/"),
    ("Nordisk Ministerråd", "https://www.norden.org/"),
];

/// Venues by country, with the country's time zone and telephone prefix.
pub const COUNTRIES: [(&str, &str, &[&str]); 3] = [
    (
        "Europe/Copenhagen",
        "+45",
        &[
            "Tivoli Congress Center, Arni Magnussons Gade 2, København V",
            "Musikhuset Aarhus, Thomas Jensens Allé 2, Aarhus C",
            "Odense Congress Center, Ørbækvej 350, Odense SØ",
            "Comwell Kolding, Skovbrynet 1, Kolding",
        ],
    ),
    (
        "Europe/Stockholm",
        "+46",
        &[
            "Stockholm Waterfront Congress Centre, Nils Ericsons Plan 4, Stockholm",
            "Svenska Mässan, Mässans gata 20, Göteborg",
            "Malmö Live, Dag Hammarskjölds torg 4, Malmö",
        ],
    ),
    (
        "Europe/Oslo",
        "+47",
        &[
            "Oslo Kongressenter, Youngs gate 21, Oslo",
            "Grieghallen, Edvard Griegs plass 1, Bergen",
            "Clarion Hotel The Edge, Kaigata 6, Tromsø",
        ],
    ),
];

pub const ORGANISERS: [&[&str]; 3] = [
    &[
        "KL",
        "Danske Regioner",
        "Komponent",
        "Digitaliseringsstyrelsen",
        "Djøf",
    ],
    &[
        "Sveriges Kommuner och Regioner",
        "Myndigheten för digital förvaltning",
        "Vinnova",
        "Kommunforskning i Västsverige",
    ],
    &[
        "KS",
        "Digitaliseringsdirektoratet",
        "Helsedirektoratet",
        "Akademikerne",
    ],
];

/// Room names, the same in every language.
pub const ROOMS: &[&str] = &[
    "Sal Øresund",
    "Sal Skagerrak",
    "Sal Kattegat",
    "Sal Limfjorden",
    "Sal Mälaren",
    "Sal Vättern",
    "Sal Mjøsa",
    "Sal Hardanger",
    "Sal Bornholm",
    "Sal Gotland",
    "Sal Lofoten",
    "Sal Åland",
    "Sal Fanø",
    "Sal Öland",
    "Sal Senja",
    "Sal Møn",
];
