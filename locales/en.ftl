# English. Every string the default theme shows; content comes from content/.

site-name = Network programmes
choose-language = Choose a language
skip-to-content = Skip to main content
nav-main-label = Main menu
nav-home = Home
nav-speakers = Speakers
language-switcher-label = Language
footer-text = Programmes published with samling.

programmes-heading = Programmes
minutes-heading = Minutes
programme-heading = Programme
programme-about-heading = About the programme
sessions-heading = Sessions
themes-heading = Themes
sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
timezone-note = All times are local time ({ $timezone }).
date-tba = Date to be confirmed
date-range = { $first } to { $last }
time-range = { $start }–{ $end }
time-start = { $start }

# Signing up for a programme or a session; past the deadline the closed line shows.
registration-link = Sign up
registration-deadline = by { $date }
registration-closed = Registration closed on { $date }.

notice-label = Important
practical-heading = Practical information
practical-note-label = Format
price-label = Price
price = { $amount } { $currency ->
    [DKK] Danish kroner
    [SEK] Swedish kronor
    [NOK] Norwegian kroner
    [EUR] euros
   *[other] { $currency }
}
price-includes = including { $items }
price-excludes = excluding { $items }
capacity-label = Participants
capacity-range = { $min }–{ $max }
capacity-max = up to { $max }
capacity-min = at least { $min }
rounds-heading = Groups and dates
organisation-heading = Organisers and contact
organisers-heading = Organisers
contact-heading = Contact
email-label = Email
phone-label = Telephone

date-label = Date
time-label = Time
room-label = Room
place-label = Venue
format-label = Format
status-label = Status
language-label = Language
tags-label = Topics
translations-label = Also available in
speakers-heading = Speakers
moderator-label = Moderator
not-confirmed = not confirmed
pager-label = Other sessions
previous-session = Previous
next-session = Next
speaker-sessions-heading = Sessions

status-confirmed = Confirmed
status-tentative = Provisional
status-cancelled = Cancelled
status-moved = Moved

format-keynote = Keynote
format-talk = Talk
format-seminar = Seminar
format-debate = Debate
format-panel = Panel discussion
format-workshop = Workshop
format-meeting = Meeting
format-break = Break
format-social = Social event

# The language a session is held in, and the mark on pages in another language.
held-in = Held in { $code ->
    [da] Danish
    [sv] Swedish
    [nb] Norwegian Bokmål
    [nn] Norwegian Nynorsk
    [fi] Finnish
    [en] English
   *[other] { $native }
}
in-language = { $code ->
    [da] in Danish
    [sv] in Swedish
    [nb] in Norwegian Bokmål
    [nn] in Norwegian Nynorsk
    [fi] in Finnish
    [en] in English
   *[other] { $native }
}

meeting-date-label = Date of meeting
meeting-place-label = Place of meeting
agenda-heading = Agenda
agenda-item = Item { $number }
case-label = Case number
presenter-label = Presented by
background-heading = Background
recommendation-heading = Recommendation
decision-heading = Decision
attachments-heading = Attachments
meeting-status-agenda = Agenda
meeting-status-minutes = Minutes
meeting-published-label-agenda = Agenda published
meeting-published-label-minutes = Minutes published
meeting-chair-label = Chair
meeting-present-label = Present
meeting-absent-label = Apologies
meeting-guests-label = Also present
meeting-minute-taker-label = Minutes taken by
approval-heading = Approval of the minutes
approval-text = The minutes were approved on { $date }.
approval-by-label = Approved by
approval-notice = The approval was announced on { $date }.
approval-appeal-until = Last day to appeal: { $date }.
item-closed = Closed item
item-closed-note = This item was dealt with in closed session and is published by number and title only.
case-history-heading = History of the case
case-history-this = this meeting
file-size-kb = { $size } kB
file-size-mb = { $size } MB
meetings-undated = Without a date
series-follow-heading = Follow the meetings
calendar-series = All meetings in your calendar (.ics)
feed-series = New agendas and minutes (Atom feed)
statement-heading = Accessibility status
statement-status-full = This website is fully compliant with WCAG 2.1 level AA, as the Web Accessibility Directive requires.
statement-status-partial = This website is partially compliant with WCAG 2.1 level AA, as the Web Accessibility Directive requires. What is not accessible is listed below.
statement-status-none = This website is not compliant with WCAG 2.1 level AA, as the Web Accessibility Directive requires.
statement-updated-label = This statement was last reviewed on
statement-method-label = How this statement was prepared
statement-contact-label = Contact us about accessibility
statement-complaints-label = Enforcement and complaints
statement-gaps-heading = Content that is not accessible

not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has been moved.
not-found-home = Go to the home page in English

# Exports: calendar files, schedules for conference apps, the change feed.
exports-heading = Calendar and apps
calendar-add = Add to your calendar (.ics)
session-page-link = Session page
calendar-programme = Add the whole programme to your calendar (.ics)
calendar-speaker = Add this speaker's sessions to your calendar (.ics)
schedule-xml = For conference apps such as Giggity and EventFahrplan (schedule.xml)
schedule-json = The programme as data (schedule.json)
feed-title = Changes to the programmes – { $site }
feed-link = Follow changes to the programmes (Atom feed)
changes-heading = Changes
programme-changes = Changes to the programme
programme-changes-link = { $count ->
    [one] One change to the programme
   *[other] { $count } changes to the programme
}
programme-changes-none = The programme has not been changed yet.
change-added = New session
change-moved = Moved
change-cancelled = Cancelled
change-speaker-confirmed = Speaker confirmed
change-updated = Updated

# Timetable, search and my programme.
nav-search = Search
nav-my-programme = My programme
timetable-heading = Timetable
timetable-days-label = Days
timetable-caption = Sessions on { $date } by time and room
timetable-all-rooms = all rooms
timetable-untimed = No fixed time
star-label = Save to my programme
search-heading = Search
search-label = Search sessions, speakers and themes
search-button = Search
search-results = Results: { $count }
search-kind-session = Session
search-kind-speaker = Speaker
search-kind-theme = Theme
search-kind-meeting = Meeting
search-kind-item = Agenda item
search-needs-script = Search needs JavaScript, which is not running in your browser. You can find sessions through the programmes or the list of speakers:
my-programme-heading = My programme
my-programme-needs-script = My programme needs JavaScript, which is not running in your browser. You can find all sessions in the programmes:
my-programme-intro = Select the star on a session to add it here. Your choices are only saved in this browser.
my-programme-empty = You have not added any sessions yet.
my-programme-download = Download as a calendar file (.ics)
my-programme-file = my-programme.ics
my-programme-share-intro = Open your choices on another device, for example your phone:
my-programme-share = link to my programme
