# Suomi. Kaikki oletusteeman näyttämät tekstit; sisältö tulee kansiosta content/.

site-name = Verkoston ohjelmat
choose-language = Valitse kieli
skip-to-content = Siirry sisältöön
nav-main-label = Päävalikko
nav-home = Etusivu
nav-speakers = Puhujat
language-switcher-label = Kieli
footer-text = Ohjelmat on julkaistu samling-työkalulla.

programmes-heading = Ohjelmat
minutes-heading = Pöytäkirjat
programme-heading = Ohjelma
programme-about-heading = Tietoa ohjelmasta
sessions-heading = Ohjelmanumerot
themes-heading = Teemat
sessions-count = { $count ->
    [one] 1 ohjelmanumero
   *[other] { $count } ohjelmanumeroa
}
timezone-note = Kaikki ajat ovat paikallista aikaa ({ $timezone }).
date-tba = Päivämäärä ilmoitetaan myöhemmin
date-range = { $first } – { $last }
time-range = klo { $start }–{ $end }
time-start = klo { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Ilmoittaudu
registration-deadline = viimeistään { $date }
registration-closed = Ilmoittautuminen päättyi { $date }.

notice-label = Huomio
practical-heading = Käytännön tiedot
practical-note-label = Toteutus
price-label = Hinta
price = { $amount } { $currency ->
    [DKK] Tanskan kruunua
    [SEK] Ruotsin kruunua
    [NOK] Norjan kruunua
    [EUR] euroa
   *[other] { $currency }
}
price-includes = hintaan sisältyy: { $items }
price-excludes = hintaan ei sisälly: { $items }
capacity-label = Osallistujat
capacity-range = { $min }–{ $max }
capacity-max = enintään { $max }
capacity-min = vähintään { $min }
rounds-heading = Toteutuskerrat ja päivämäärät
organisation-heading = Järjestäjät ja yhteystiedot
organisers-heading = Järjestäjät
contact-heading = Yhteyshenkilö
email-label = Sähköposti
phone-label = Puhelin

date-label = Päivämäärä
time-label = Aika
room-label = Tila
place-label = Paikka
format-label = Muoto
status-label = Tilanne
language-label = Kieli
tags-label = Aiheet
translations-label = Muut kieliversiot
speakers-heading = Puhujat
moderator-label = Puheenjohtaja
not-confirmed = ei vahvistettu
pager-label = Muut ohjelmanumerot
previous-session = Edellinen
next-session = Seuraava
speaker-sessions-heading = Ohjelmanumerot

status-confirmed = Vahvistettu
status-tentative = Alustava
status-cancelled = Peruttu
status-moved = Siirretty

format-keynote = Pääpuheenvuoro
format-talk = Puheenvuoro
format-seminar = Seminaari
format-debate = Keskustelu
format-panel = Paneelikeskustelu
format-workshop = Työpaja
format-meeting = Kokous
format-break = Tauko
format-social = Vapaamuotoinen ohjelma

# Kieli, jolla ohjelmanumero pidetään, ja merkintä muunkielisten sivujen kohdalla.
held-in = { $code ->
    [da] Pidetään tanskaksi
    [sv] Pidetään ruotsiksi
    [nb] Pidetään norjaksi (bokmål)
    [nn] Pidetään norjaksi (nynorsk)
    [fi] Pidetään suomeksi
    [en] Pidetään englanniksi
   *[other] { $native }
}
in-language = { $code ->
    [da] tanskaksi
    [sv] ruotsiksi
    [nb] norjaksi (bokmål)
    [nn] norjaksi (nynorsk)
    [fi] suomeksi
    [en] englanniksi
   *[other] { $native }
}

meeting-date-label = Kokousaika
meeting-place-label = Kokouspaikka
agenda-heading = Esityslista
agenda-item = Kohta { $number }
case-label = Diaarinumero
presenter-label = Esittelijä
background-heading = Tausta
recommendation-heading = Päätösehdotus
decision-heading = Päätös
attachments-heading = Liitteet
meeting-status-agenda = Kokouskutsu ja esityslista
meeting-status-minutes = Pöytäkirja
meeting-published-label-agenda = Esityslista julkaistu
meeting-published-label-minutes = Pöytäkirja julkaistu
meeting-chair-label = Puheenjohtaja
meeting-present-label = Läsnä
meeting-absent-label = Poissa
meeting-guests-label = Muut läsnäolijat
meeting-minute-taker-label = Sihteeri
approval-heading = Pöytäkirjan tarkastus
approval-text = Pöytäkirja tarkastettiin { $date }.
approval-by-label = Tarkastajat
approval-notice = Tarkastuksesta ilmoitettiin { $date }.
approval-appeal-until = Viimeinen valituspäivä: { $date }.
item-closed = Suljettu asia
item-closed-note = Asia käsiteltiin suljetuin ovin, ja siitä julkaistaan vain numero ja otsikko.
case-history-heading = Asian käsittely
case-history-this = tämä kokous
file-size-kb = { $size } kt
file-size-mb = { $size } Mt
meetings-undated = Ilman päivämäärää
series-follow-heading = Seuraa kokouksia
calendar-series = Kaikki kokoukset kalenteriisi (.ics)
feed-series = Uudet esityslistat ja pöytäkirjat (Atom-syöte)
statement-heading = Saavutettavuuden tila
statement-status-full = Verkkosivusto täyttää digipalvelulain saavutettavuusvaatimukset (WCAG 2.1 -taso AA).
statement-status-partial = Verkkosivusto täyttää digipalvelulain saavutettavuusvaatimukset osittain (WCAG 2.1 -taso AA). Puutteet on kuvattu alla.
statement-status-none = Verkkosivusto ei täytä digipalvelulain saavutettavuusvaatimuksia (WCAG 2.1 -taso AA).
statement-updated-label = Seloste on päivitetty viimeksi
statement-method-label = Miten seloste on laadittu
statement-contact-label = Anna palautetta saavutettavuudesta
statement-complaints-label = Valvontaviranomainen
statement-gaps-heading = Sisältö, joka ei ole saavutettavaa

not-found-title = Sivua ei löydy
not-found-text = Etsimääsi sivua ei ole olemassa tai se on siirretty.
not-found-home = Siirry suomenkieliselle etusivulle

# Viennit: kalenteritiedostot, aikataulut tapahtumasovelluksiin ja muutossyöte.
exports-heading = Kalenteri ja sovellukset
calendar-add = Lisää kalenteriin (.ics)
session-page-link = Ohjelmanumeron sivu
calendar-programme = Koko ohjelma kalenteriisi (.ics)
calendar-speaker = Puhujan ohjelmanumerot kalenteriisi (.ics)
schedule-xml = Tapahtumasovelluksiin, kuten Giggity ja EventFahrplan (schedule.xml)
schedule-json = Ohjelma koneluettavassa muodossa (schedule.json)
feed-title = Ohjelmien muutokset – { $site }
feed-link = Seuraa ohjelmien muutoksia (Atom-syöte)
changes-heading = Muutokset
programme-changes = Ohjelman muutokset
programme-changes-link = { $count ->
    [one] Yksi muutos ohjelmaan
   *[other] { $count } muutosta ohjelmaan
}
programme-changes-none = Ohjelmaan ei ole vielä tehty muutoksia.
change-added = Uusi ohjelmanumero
change-moved = Siirretty
change-cancelled = Peruttu
change-speaker-confirmed = Puhuja vahvistettu
change-updated = Päivitetty

# Aikataulu, haku ja oma ohjelma.
nav-search = Haku
nav-my-programme = Oma ohjelma
timetable-heading = Aikataulu
timetable-days-label = Päivät
timetable-caption = Ohjelmanumerot ajan ja salin mukaan: { $date }
timetable-all-rooms = kaikki salit
timetable-untimed = Ilman kellonaikaa
star-label = Tallenna omaan ohjelmaan
search-heading = Haku
search-label = Hae ohjelmanumeroista, puhujista ja teemoista
search-button = Hae
search-results = Tuloksia: { $count }
search-kind-session = Ohjelmanumero
search-kind-speaker = Puhuja
search-kind-theme = Teema
search-kind-meeting = Kokous
search-kind-item = Asia
search-needs-script = Haku edellyttää JavaScriptiä, joka ei ole käytössä selaimessasi. Löydät ohjelmanumerot ohjelmista tai puhujaluettelosta:
my-programme-heading = Oma ohjelma
my-programme-needs-script = Oma ohjelma edellyttää JavaScriptiä, joka ei ole käytössä selaimessasi. Kaikki ohjelmanumerot löytyvät ohjelmista:
my-programme-intro = Merkitse ohjelmanumeroita tähdellä, niin ne kootaan tähän. Valintasi tallentuvat vain tähän selaimeen.
my-programme-empty = Et ole vielä valinnut yhtään ohjelmanumeroa.
my-programme-download = Lataa kalenteritiedostona (.ics)
my-programme-file = oma-ohjelma.ics
my-programme-share-intro = Avaa valintasi toisella laitteella, esimerkiksi puhelimellasi:
my-programme-share = linkki omaan ohjelmaan
