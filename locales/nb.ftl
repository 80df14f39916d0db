# Norsk bokmål. Every string the default theme shows; content comes from content/.

site-name = Nettverkets programmer
choose-language = Velg språk
skip-to-content = Gå til innholdet
nav-main-label = Hovedmeny
nav-home = Forside
nav-speakers = Foredragsholdere
language-switcher-label = Språk
footer-text = Programmer publisert med samling.

programmes-heading = Programmer
minutes-heading = Referater
programme-heading = Program
programme-about-heading = Om programmet
sessions-heading = Programpunkter
themes-heading = Temaer
sessions-count = { $count ->
    [one] ett programpunkt
   *[other] { $count } programpunkter
}
timezone-note = Alle klokkeslett er lokal tid ({ $timezone }).
date-tba = Dato kommer
date-range = { $first } – { $last }
time-range = kl. { $start }–{ $end }
time-start = kl. { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Meld deg på
registration-deadline = innen { $date }
registration-closed = Påmeldingen stengte { $date }.

notice-label = Merk
practical-heading = Praktisk informasjon
practical-note-label = Opplegg
price-label = Pris
price = { $amount } { $currency ->
    [DKK] danske kroner
    [SEK] svenske kroner
    [NOK] kr
    [EUR] euro
   *[other] { $currency }
}
price-includes = inkl. { $items }
price-excludes = ekskl. { $items }
capacity-label = Deltakere
capacity-range = { $min }–{ $max }
capacity-max = høyst { $max }
capacity-min = minst { $min }
rounds-heading = Kull og datoer
organisation-heading = Arrangører og kontakt
organisers-heading = Arrangører
contact-heading = Kontakt
email-label = E-post
phone-label = Telefon

date-label = Dato
time-label = Tidspunkt
room-label = Rom
place-label = Sted
format-label = Form
status-label = Status
language-label = Språk
tags-label = Emner
translations-label = Les også på
speakers-heading = Foredragsholdere
moderator-label = Ordstyrer
not-confirmed = ikke bekreftet
pager-label = Andre programpunkter
previous-session = Forrige
next-session = Neste
speaker-sessions-heading = Programpunkter

status-confirmed = Bekreftet
status-tentative = Foreløpig
status-cancelled = Avlyst
status-moved = Flyttet

format-keynote = Hovedinnlegg
format-talk = Innlegg
format-seminar = Seminar
format-debate = Debatt
format-panel = Paneldebatt
format-workshop = Arbeidsverksted
format-meeting = Møte
format-break = Pause
format-social = Sosialt program

# The language a session is held in, and the mark on pages in another language.
held-in = Holdes på { $code ->
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

meeting-date-label = Møtedato
meeting-place-label = Møtested
agenda-heading = Dagsorden
agenda-item = Sak { $number }
case-label = Saksnr.
presenter-label = Legges fram av
background-heading = Bakgrunn
recommendation-heading = Innstilling
decision-heading = Vedtak
attachments-heading = Vedlegg
meeting-status-agenda = Innkalling og saksliste
meeting-status-minutes = Referat
meeting-published-label-agenda = Innkalling publisert
meeting-published-label-minutes = Referat publisert
meeting-chair-label = Møteleder
meeting-present-label = Til stede
meeting-absent-label = Forfall
meeting-guests-label = Andre til stede
meeting-minute-taker-label = Referent
approval-heading = Godkjenning av referatet
approval-text = Referatet ble godkjent { $date }.
approval-by-label = Godkjent av
approval-notice = Godkjenningen ble kunngjort { $date }.
approval-appeal-until = Siste frist for klage: { $date }.
item-closed = Lukket sak
item-closed-note = Saken ble behandlet i lukket møte og vises bare med nummer og tittel.
case-history-heading = Sakens gang
case-history-this = dette møtet
file-size-kb = { $size } kB
file-size-mb = { $size } MB
meetings-undated = Uten dato
series-follow-heading = Følg møtene
calendar-series = Alle møtene i kalenderen din (.ics)
feed-series = Nye innkallinger og referater (Atom-feed)
statement-heading = Status for universell utforming
statement-status-full = Nettstedet oppfyller kravene til universell utforming (WCAG 2.1 nivå AA).
statement-status-partial = Nettstedet oppfyller delvis kravene til universell utforming (WCAG 2.1 nivå AA). Det som ikke er universelt utformet, står nedenfor.
statement-status-none = Nettstedet oppfyller ikke kravene til universell utforming (WCAG 2.1 nivå AA).
statement-updated-label = Erklæringen ble sist gjennomgått
statement-method-label = Slik er erklæringen laget
statement-contact-label = Kontakt oss om universell utforming
statement-complaints-label = Klage
statement-gaps-heading = Innhold som ikke er universelt utformet

not-found-title = Siden finnes ikke
not-found-text = Siden du leter etter, finnes ikke eller er flyttet.
not-found-home = Gå til forsiden på norsk

# Exports: calendar files, schedules for conference apps, the change feed.
exports-heading = Kalender og apper
calendar-add = Legg til i kalenderen (.ics)
session-page-link = Programpunktets side
calendar-programme = Hele programmet i kalenderen din (.ics)
calendar-speaker = Foredragsholderens programpunkter i kalenderen din (.ics)
schedule-xml = For konferanseapper som Giggity og EventFahrplan (schedule.xml)
schedule-json = Programmet som data (schedule.json)
feed-title = Endringer i programmene – { $site }
feed-link = Følg endringer i programmene (Atom-feed)
changes-heading = Endringer
programme-changes = Endringer i programmet
programme-changes-link = { $count ->
    [one] Én endring i programmet
   *[other] { $count } endringer i programmet
}
programme-changes-none = Programmet er ikke endret ennå.
change-added = Nytt programpunkt
change-moved = Flyttet
change-cancelled = Avlyst
change-speaker-confirmed = Foredragsholder bekreftet
change-updated = Oppdatert

# Timetable, search and my programme.
nav-search = Søk
nav-my-programme = Mitt program
timetable-heading = Timeplan
timetable-days-label = Dager
timetable-caption = Programpunkter { $date } etter tidspunkt og rom
timetable-all-rooms = alle rom
timetable-untimed = Uten tidspunkt
star-label = Lagre i mitt program
search-heading = Søk
search-label = Søk i programpunkter, foredragsholdere og temaer
search-button = Søk
search-results = Treff: { $count }
search-kind-session = Programpunkt
search-kind-speaker = Foredragsholder
search-kind-theme = Tema
search-kind-meeting = Møte
search-kind-item = Sak
search-needs-script = Søket krever JavaScript, som ikke kjører i nettleseren din. Du finner programpunktene via programmene eller listen over foredragsholdere:
my-programme-heading = Mitt program
my-programme-needs-script = Mitt program krever JavaScript, som ikke kjører i nettleseren din. Alle programpunkter finnes i programmene:
my-programme-intro = Merk programpunkter med stjernen for å samle dem her. Valget ditt lagres bare i denne nettleseren.
my-programme-empty = Du har ikke valgt noen programpunkter ennå.
my-programme-download = Last ned som kalenderfil (.ics)
my-programme-file = mitt-program.ics
my-programme-share-intro = Åpne valget ditt på en annen enhet, for eksempel telefonen din:
my-programme-share = lenke til mitt program
