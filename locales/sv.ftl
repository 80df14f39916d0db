# Svenska. Every string the default theme shows; content comes from content/.

site-name = Nätverkets program
choose-language = Välj språk
skip-to-content = Gå till innehållet
nav-main-label = Huvudmeny
nav-home = Startsida
nav-speakers = Talare
language-switcher-label = Språk
footer-text = Program publicerade med samling.

programmes-heading = Program
minutes-heading = Protokoll
programme-heading = Program
programme-about-heading = Om programmet
sessions-heading = Programpunkter
themes-heading = Teman
sessions-count = { $count ->
    [one] en programpunkt
   *[other] { $count } programpunkter
}
timezone-note = Alla tider är lokal tid ({ $timezone }).
date-tba = Datum meddelas senare
date-range = { $first } – { $last }
time-range = kl. { $start }–{ $end }
time-start = kl. { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Anmäl dig
registration-deadline = senast { $date }
registration-closed = Anmälan stängde { $date }.

notice-label = Observera
practical-heading = Praktisk information
practical-note-label = Upplägg
price-label = Pris
price = { $amount } { $currency ->
    [DKK] danska kronor
    [SEK] kr
    [NOK] norska kronor
    [EUR] euro
   *[other] { $currency }
}
price-includes = inkl. { $items }
price-excludes = exkl. { $items }
capacity-label = Deltagare
capacity-range = { $min }–{ $max }
capacity-max = högst { $max }
capacity-min = minst { $min }
rounds-heading = Omgångar och datum
organisation-heading = Arrangörer och kontakt
organisers-heading = Arrangörer
contact-heading = Kontakt
email-label = E-post
phone-label = Telefon

date-label = Datum
time-label = Tid
room-label = Lokal
place-label = Plats
format-label = Form
status-label = Status
language-label = Språk
tags-label = Ämnen
translations-label = Läs även på
speakers-heading = Talare
moderator-label = Moderator
not-confirmed = inte bekräftad
pager-label = Andra programpunkter
previous-session = Föregående
next-session = Nästa
speaker-sessions-heading = Programpunkter

status-confirmed = Bekräftad
status-tentative = Preliminär
status-cancelled = Inställd
status-moved = Flyttad

format-keynote = Huvudföredrag
format-talk = Föredrag
format-seminar = Seminarium
format-debate = Debatt
format-panel = Paneldebatt
format-workshop = Workshop
format-meeting = Möte
format-break = Paus
format-social = Socialt program

# The language a session is held in, and the mark on pages in another language.
held-in = Hålls på { $code ->
    [da] danska
    [sv] svenska
    [nb] norska
    [nn] nynorska
    [fi] finska
    [en] engelska
   *[other] { $native }
}
in-language = { $code ->
    [da] på danska
    [sv] på svenska
    [nb] på norska
    [nn] på nynorska
    [fi] på finska
    [en] på engelska
   *[other] { $native }
}

meeting-date-label = Mötesdatum
meeting-place-label = Mötesplats
agenda-heading = Dagordning
agenda-item = Punkt { $number }
case-label = Diarienr
presenter-label = Föredragande
background-heading = Bakgrund
recommendation-heading = Förslag till beslut
decision-heading = Beslut
attachments-heading = Bilagor
meeting-status-agenda = Kallelse och dagordning
meeting-status-minutes = Protokoll
meeting-published-label-agenda = Kallelse publicerad
meeting-published-label-minutes = Protokoll publicerat
meeting-chair-label = Ordförande
meeting-present-label = Närvarande
meeting-absent-label = Frånvarande
meeting-guests-label = Övriga deltagare
meeting-minute-taker-label = Sekreterare
approval-heading = Justering
approval-text = Protokollet justerades { $date }.
approval-by-label = Justerare
approval-notice = Justeringen tillkännagavs på anslagstavlan { $date }.
approval-appeal-until = Sista dag för överklagande: { $date }.
item-closed = Sluten punkt
item-closed-note = Punkten behandlades inom stängda dörrar och visas endast med nummer och rubrik.
case-history-heading = Ärendets gång
case-history-this = detta möte
file-size-kb = { $size } kB
file-size-mb = { $size } MB
meetings-undated = Utan datum
series-follow-heading = Följ mötena
calendar-series = Alla möten i din kalender (.ics)
feed-series = Nya kallelser och protokoll (Atom-flöde)
statement-heading = Tillgänglighetsstatus
statement-status-full = Webbplatsen är förenlig med lagen om tillgänglighet till digital offentlig service (WCAG 2.1 nivå AA).
statement-status-partial = Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service (WCAG 2.1 nivå AA). Det som inte är tillgängligt beskrivs nedan.
statement-status-none = Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service (WCAG 2.1 nivå AA).
statement-updated-label = Redogörelsen granskades senast
statement-method-label = Så har vi testat webbplatsen
statement-contact-label = Kontakta oss om tillgänglighet
statement-complaints-label = Tillsyn och klagomål
statement-gaps-heading = Innehåll som inte är tillgängligt

not-found-title = Sidan finns inte
not-found-text = Sidan du letar efter finns inte eller har flyttats.
not-found-home = Gå till startsidan på svenska

# Exports: calendar files, schedules for conference apps, the change feed.
exports-heading = Kalender och appar
calendar-add = Lägg till i kalendern (.ics)
session-page-link = Programpunktens sida
calendar-programme = Hela programmet i din kalender (.ics)
calendar-speaker = Talarens programpunkter i din kalender (.ics)
schedule-xml = För konferensappar som Giggity och EventFahrplan (schedule.xml)
schedule-json = Programmet som data (schedule.json)
feed-title = Ändringar i programmen – { $site }
feed-link = Följ ändringar i programmen (Atom-flöde)
changes-heading = Ändringar
programme-changes = Ändringar i programmet
programme-changes-link = { $count ->
    [one] En ändring i programmet
   *[other] { $count } ändringar i programmet
}
programme-changes-none = Programmet har ännu inte ändrats.
change-added = Ny programpunkt
change-moved = Flyttad
change-cancelled = Inställd
change-speaker-confirmed = Talare bekräftad
change-updated = Uppdaterad

# Timetable, search and my programme.
nav-search = Sök
nav-my-programme = Mitt program
timetable-heading = Schema
timetable-days-label = Dagar
timetable-caption = Programpunkter { $date } efter tid och sal
timetable-all-rooms = alla salar
timetable-untimed = Utan tid
star-label = Spara i mitt program
search-heading = Sök
search-label = Sök bland programpunkter, talare och teman
search-button = Sök
search-results = Träffar: { $count }
search-kind-session = Programpunkt
search-kind-speaker = Talare
search-kind-theme = Tema
search-kind-meeting = Möte
search-kind-item = Ärende
search-needs-script = Sökningen kräver JavaScript, som inte körs i din webbläsare. Du hittar programpunkterna via programmen eller listan över talare:
my-programme-heading = Mitt program
my-programme-needs-script = Mitt program kräver JavaScript, som inte körs i din webbläsare. Alla programpunkter finns i programmen:
my-programme-intro = Markera programpunkter med stjärnan för att samla dem här. Ditt val sparas bara i den här webbläsaren.
my-programme-empty = Du har inte valt några programpunkter ännu.
my-programme-download = Hämta som kalenderfil (.ics)
my-programme-file = mitt-program.ics
my-programme-share-intro = Öppna ditt val på en annan enhet, till exempel din telefon:
my-programme-share = länk till mitt program
