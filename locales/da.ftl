# Dansk. Every string the default theme shows; content comes from content/.

site-name = Netværkets programmer
choose-language = Vælg sprog
skip-to-content = Gå til indholdet
nav-main-label = Hovedmenu
nav-home = Forside
nav-speakers = Oplægsholdere
language-switcher-label = Sprog
footer-text = Programmer udgivet med samling.

programmes-heading = Programmer
minutes-heading = Referater
programme-heading = Program
programme-about-heading = Om programmet
sessions-heading = Programpunkter
themes-heading = Temaer
sessions-count = { $count ->
    [one] ét programpunkt
   *[other] { $count } programpunkter
}
timezone-note = Alle tidspunkter er lokal tid ({ $timezone }).
date-tba = Dato følger
date-range = { $first } – { $last }
time-range = kl. { $start }–{ $end }
time-start = kl. { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Tilmeld dig
registration-deadline = senest { $date }
registration-closed = Tilmeldingen lukkede { $date }.

notice-label = Bemærk
practical-heading = Praktisk information
practical-note-label = Forløb
price-label = Pris
price = { $amount } { $currency ->
    [DKK] kr.
    [SEK] svenske kr.
    [NOK] norske kr.
    [EUR] euro
   *[other] { $currency }
}
price-includes = inkl. { $items }
price-excludes = ekskl. { $items }
capacity-label = Deltagere
capacity-range = { $min }–{ $max }
capacity-max = højst { $max }
capacity-min = mindst { $min }
rounds-heading = Hold og datoer
organisation-heading = Arrangører og kontakt
organisers-heading = Arrangører
contact-heading = Kontakt
email-label = E-mail
phone-label = Telefon

date-label = Dato
time-label = Tidspunkt
room-label = Lokale
place-label = Sted
format-label = Form
status-label = Status
language-label = Sprog
tags-label = Emner
translations-label = Læs også på
speakers-heading = Oplægsholdere
moderator-label = Ordstyrer
not-confirmed = ikke bekræftet
pager-label = Andre programpunkter
previous-session = Forrige
next-session = Næste
speaker-sessions-heading = Programpunkter

status-confirmed = Bekræftet
status-tentative = Foreløbigt
status-cancelled = Aflyst
status-moved = Flyttet

format-keynote = Hovedoplæg
format-talk = Oplæg
format-seminar = Seminar
format-debate = Debat
format-panel = Paneldebat
format-workshop = Workshop
format-meeting = Møde
format-break = Pause
format-social = Socialt arrangement

# The language a session is held in, and the mark on pages in another language.
held-in = Foregår på { $code ->
    [da] dansk
    [sv] svensk
    [nb] norsk
    [nn] nynorsk
    [fi] finsk
    [en] engelsk
   *[other] { $native }
}
in-language = { $code ->
    [da] på dansk
    [sv] på svensk
    [nb] på norsk
    [nn] på nynorsk
    [fi] på finsk
    [en] på engelsk
   *[other] { $native }
}

meeting-date-label = Mødedato
meeting-place-label = Mødested
agenda-heading = Dagsorden
agenda-item = Punkt { $number }
case-label = Sagsnr.
presenter-label = Fremlægges af
background-heading = Baggrund
recommendation-heading = Indstilling
decision-heading = Beslutning
attachments-heading = Bilag
meeting-status-agenda = Dagsorden
meeting-status-minutes = Referat
meeting-published-label-agenda = Dagsorden offentliggjort
meeting-published-label-minutes = Referat offentliggjort
meeting-chair-label = Mødeleder
meeting-present-label = Til stede
meeting-absent-label = Afbud
meeting-guests-label = Gæster
meeting-minute-taker-label = Referent
approval-heading = Godkendelse af referatet
approval-text = Referatet blev godkendt { $date }.
approval-by-label = Godkendt af
approval-notice = Godkendelsen blev bekendtgjort { $date }.
approval-appeal-until = Sidste dag for klage: { $date }.
item-closed = Lukket punkt
item-closed-note = Punktet blev behandlet for lukkede døre og offentliggøres kun med nummer og titel.
case-history-heading = Sagens gang
case-history-this = dette møde
file-size-kb = { $size } kB
file-size-mb = { $size } MB
meetings-undated = Uden dato
series-follow-heading = Følg møderne
calendar-series = Alle møder i din kalender (.ics)
feed-series = Nye dagsordener og referater (Atom-feed)
statement-heading = Status for tilgængelighed
statement-status-full = Webstedet overholder kravene i webtilgængelighedsloven (WCAG 2.1 niveau AA).
statement-status-partial = Webstedet overholder delvist kravene i webtilgængelighedsloven (WCAG 2.1 niveau AA). Det, der ikke er tilgængeligt, står nedenfor.
statement-status-none = Webstedet overholder ikke kravene i webtilgængelighedsloven (WCAG 2.1 niveau AA).
statement-updated-label = Erklæringen er senest gennemgået
statement-method-label = Sådan er erklæringen udarbejdet
statement-contact-label = Kontakt os om tilgængelighed
statement-complaints-label = Klagemulighed
statement-gaps-heading = Indhold, der ikke er tilgængeligt

not-found-title = Siden findes ikke
not-found-text = Siden, du leder efter, findes ikke eller er blevet flyttet.
not-found-home = Gå til forsiden på dansk

# Exports: calendar files, schedules for conference apps, the change feed.
exports-heading = Kalender og apps
calendar-add = Tilføj til kalender (.ics)
session-page-link = Programpunktets side
calendar-programme = Hele programmet i din kalender (.ics)
calendar-speaker = Oplægsholderens programpunkter i din kalender (.ics)
schedule-xml = Til konference-apps som Giggity og EventFahrplan (schedule.xml)
schedule-json = Programmet som data (schedule.json)
feed-title = Ændringer i programmerne – { $site }
feed-link = Følg ændringer i programmerne (Atom-feed)
changes-heading = Ændringer
programme-changes = Ændringer i programmet
programme-changes-link = { $count ->
    [one] Én ændring i programmet
   *[other] { $count } ændringer i programmet
}
programme-changes-none = Der er endnu ingen ændringer i programmet.
change-added = Nyt programpunkt
change-moved = Flyttet
change-cancelled = Aflyst
change-speaker-confirmed = Oplægsholder bekræftet
change-updated = Opdateret

# Timetable, search and my programme.
nav-search = Søg
nav-my-programme = Mit program
timetable-heading = Tidsplan
timetable-days-label = Dage
timetable-caption = Programpunkter { $date } efter tidspunkt og lokale
timetable-all-rooms = alle lokaler
timetable-untimed = Uden tidspunkt
star-label = Gem i mit program
search-heading = Søg
search-label = Søg i programpunkter, oplægsholdere og temaer
search-button = Søg
search-results = Resultater: { $count }
search-kind-session = Programpunkt
search-kind-speaker = Oplægsholder
search-kind-theme = Tema
search-kind-meeting = Møde
search-kind-item = Dagsordenspunkt
search-needs-script = Søgningen kræver JavaScript, som ikke kører i din browser. Du kan finde programpunkterne via programmerne eller listen over oplægsholdere:
my-programme-heading = Mit program
my-programme-needs-script = Mit program kræver JavaScript, som ikke kører i din browser. Alle programpunkter findes i programmerne:
my-programme-intro = Markér programpunkter med stjernen for at samle dem her. Dit valg gemmes kun i denne browser.
my-programme-empty = Du har ikke valgt nogen programpunkter endnu.
my-programme-download = Hent som kalenderfil (.ics)
my-programme-file = mit-program.ics
my-programme-share-intro = Åbn dit valg på en anden enhed, fx din telefon:
my-programme-share = link til mit program
