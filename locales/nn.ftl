# Norsk nynorsk. Alle tekstane standardtemaet viser; innhaldet kjem frå content/.

site-name = Programma til nettverket
choose-language = Vel språk
skip-to-content = Gå til innhaldet
nav-main-label = Hovudmeny
nav-home = Framside
nav-speakers = Foredragshaldarar
language-switcher-label = Språk
footer-text = Programma er publiserte med samling.

programmes-heading = Program
minutes-heading = Referat
programme-heading = Program
programme-about-heading = Om programmet
sessions-heading = Programpostar
themes-heading = Tema
sessions-count = { $count ->
    [one] éin programpost
   *[other] { $count } programpostar
}
timezone-note = Alle klokkeslett er lokal tid ({ $timezone }).
date-tba = Dato kjem seinare
date-range = { $first } – { $last }
time-range = kl. { $start }–{ $end }
time-start = kl. { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Meld deg på
registration-deadline = innan { $date }
registration-closed = Påmeldinga stengde { $date }.

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
capacity-label = Deltakarar
capacity-range = { $min }–{ $max }
capacity-max = høgst { $max }
capacity-min = minst { $min }
rounds-heading = Kull og datoar
organisation-heading = Arrangørar og kontakt
organisers-heading = Arrangørar
contact-heading = Kontakt
email-label = E-post
phone-label = Telefon

date-label = Dato
time-label = Tidspunkt
room-label = Rom
place-label = Stad
format-label = Form
status-label = Status
language-label = Språk
tags-label = Emne
translations-label = Les òg på
speakers-heading = Foredragshaldarar
moderator-label = Ordstyrar
not-confirmed = ikkje stadfesta
pager-label = Andre programpostar
previous-session = Førre
next-session = Neste
speaker-sessions-heading = Programpostar

status-confirmed = Stadfesta
status-tentative = Førebels
status-cancelled = Avlyst
status-moved = Flytta

format-keynote = Hovudinnlegg
format-talk = Innlegg
format-seminar = Seminar
format-debate = Debatt
format-panel = Paneldebatt
format-workshop = Arbeidsverkstad
format-meeting = Møte
format-break = Pause
format-social = Sosialt program

# Språket ein programpost går føre seg på, og merket på sider som er på eit anna språk.
held-in = Går føre seg på { $code ->
    [da] dansk
    [sv] svensk
    [nb] bokmål
    [nn] nynorsk
    [fi] finsk
    [en] engelsk
   *[other] { $native }
}
in-language = { $code ->
    [da] på dansk
    [sv] på svensk
    [nb] på bokmål
    [nn] på nynorsk
    [fi] på finsk
    [en] på engelsk
   *[other] { $native }
}

meeting-date-label = Møtedato
meeting-place-label = Møtestad
agenda-heading = Saksliste
agenda-item = Sak { $number }
case-label = Saksnr.
presenter-label = Blir lagt fram av
background-heading = Bakgrunn
recommendation-heading = Innstilling
decision-heading = Vedtak
attachments-heading = Vedlegg
meeting-status-agenda = Innkalling og saksliste
meeting-status-minutes = Referat
meeting-published-label-agenda = Innkalling publisert
meeting-published-label-minutes = Referat publisert
meeting-chair-label = Møteleiar
meeting-present-label = Til stades
meeting-absent-label = Forfall
meeting-guests-label = Andre til stades
meeting-minute-taker-label = Referent
approval-heading = Godkjenning av referatet
approval-text = Referatet vart godkjent { $date }.
approval-by-label = Godkjent av
approval-notice = Godkjenninga vart kunngjord { $date }.
approval-appeal-until = Siste frist for klage: { $date }.
item-closed = Lukka sak
item-closed-note = Saka vart handsama i lukka møte og blir berre vist med nummer og tittel.
case-history-heading = Saksgangen
case-history-this = dette møtet
file-size-kb = { $size } kB
file-size-mb = { $size } MB
meetings-undated = Utan dato
series-follow-heading = Følg møta
calendar-series = Alle møta i kalenderen din (.ics)
feed-series = Nye innkallingar og referat (Atom-feed)
statement-heading = Status for universell utforming
statement-status-full = Nettstaden oppfyller krava til universell utforming (WCAG 2.1 nivå AA).
statement-status-partial = Nettstaden oppfyller delvis krava til universell utforming (WCAG 2.1 nivå AA). Det som ikkje er universelt utforma, står nedanfor.
statement-status-none = Nettstaden oppfyller ikkje krava til universell utforming (WCAG 2.1 nivå AA).
statement-updated-label = Erklæringa vart sist gått gjennom
statement-method-label = Slik er erklæringa laga
statement-contact-label = Kontakt oss om universell utforming
statement-complaints-label = Klage
statement-gaps-heading = Innhald som ikkje er universelt utforma

not-found-title = Sida finst ikkje
not-found-text = Sida du leitar etter, finst ikkje eller er flytta.
not-found-home = Gå til framsida på nynorsk

# Eksport: kalenderfiler, timeplanar for konferanseappar, straumen med endringar.
exports-heading = Kalender og appar
calendar-add = Legg til i kalenderen (.ics)
session-page-link = Sida til programposten
calendar-programme = Heile programmet i kalenderen din (.ics)
calendar-speaker = Programpostane til foredragshaldaren i kalenderen din (.ics)
schedule-xml = For konferanseappar som Giggity og EventFahrplan (schedule.xml)
schedule-json = Programmet som data (schedule.json)
feed-title = Endringar i programma – { $site }
feed-link = Følg endringar i programma (Atom-feed)
changes-heading = Endringar
programme-changes = Endringar i programmet
programme-changes-link = { $count ->
    [one] Éi endring i programmet
   *[other] { $count } endringar i programmet
}
programme-changes-none = Programmet er ikkje endra enno.
change-added = Ny programpost
change-moved = Flytta
change-cancelled = Avlyst
change-speaker-confirmed = Foredragshaldar stadfesta
change-updated = Oppdatert

# Timeplan, søk og mitt program.
nav-search = Søk
nav-my-programme = Mitt program
timetable-heading = Timeplan
timetable-days-label = Dagar
timetable-caption = Programpostar { $date } etter tidspunkt og rom
timetable-all-rooms = alle rom
timetable-untimed = Utan tidspunkt
star-label = Lagre i mitt program
search-heading = Søk
search-label = Søk i programpostar, foredragshaldarar og tema
search-button = Søk
search-results = Treff: { $count }
search-kind-session = Programpost
search-kind-speaker = Foredragshaldar
search-kind-theme = Tema
search-kind-meeting = Møte
search-kind-item = Sak
search-needs-script = Søket krev JavaScript, som ikkje køyrer i nettlesaren din. Du finn programpostane i programma eller i lista over foredragshaldarar:
my-programme-heading = Mitt program
my-programme-needs-script = Mitt program krev JavaScript, som ikkje køyrer i nettlesaren din. Alle programpostane finst i programma:
my-programme-intro = Merk programpostar med stjerna for å samle dei her. Valet ditt blir berre lagra i denne nettlesaren.
my-programme-empty = Du har ikkje valt nokon programpostar enno.
my-programme-download = Last ned som kalenderfil (.ics)
my-programme-file = mitt-program.ics
my-programme-share-intro = Opne valet ditt på ei anna eining, til dømes telefonen din:
my-programme-share = lenkje til mitt program
