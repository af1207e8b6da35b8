# thidua's message catalogue in English (THIDUA_LANG=en).
# Every identifier here exists in locales/vi/thidua.ftl too.

error-prefix = error

## Kinds
kind-campaign = Campaign
kind-person = Exemplary person
kind-news = News
kind-document = Document
kind-page = Page

## Dates
date-not-a-date = `{ $value }` is not a date: write day/month/year, e.g. 30/12/2023 (or 2023-12-30; 12/2023 or 2023 when the day is unknown)
date-year-digits = `{ $value }` is not a date: the year needs 4 digits, the day and month 1 or 2, e.g. 30/12/2023
date-no-such-month = `{ $value }` is not a date: month { $month } does not exist (months go from 01 to 12)
date-no-such-day = day { $day } of month { $month } of { $year } does not exist: month { $month } of { $year } has { $max } days

## Front matter typed in a word processor
fm-curly-quote = line { $line }: a curly double quote ({ $code }, put there by Word) cannot enclose a value
fm-curly-quote-hint = replace “ ” with straight double quotes ", e.g. title = "Lễ hội"; in Word turn off AutoCorrect → "straight quotes with smart quotes" before typing, or edit the record in thidua serve's editor
fm-curly-apostrophe = line { $line }: a curly single quote ({ $code }, put there by Word) cannot enclose a value
fm-curly-apostrophe-hint = enclose the value in straight double quotes ", e.g. title = "Lễ hội"
fm-nbsp = line { $line }: a non-breaking space ({ $code }, usually copied from Word or a web page) stands where a plain space is needed
fm-nbsp-hint = delete the spaces around = and type them again with the space bar
fm-yaml-tab = line { $line }: YAML does not allow indenting with the Tab key
fm-yaml-tab-hint = replace each Tab at the start of the line with two spaces
fm-bare-date = line { $line }: a date written like 30/12/2023 must be in double quotes
fm-bare-date-hint = write date = "30/12/2023" (with quotes), or date = 2023-12-30

## thidua new
new-empty-slug = the title `{ $title }` gives no URL slug: write a title with letters or digits
new-exists = { $path } already exists; nothing was written (choose another title, or edit that file)
new-created = Created a new record: { $path }
new-draft-note = It is a draft (draft = true): readers do not see it yet. Fill in the empty lines, then remove the draft line (or set it to false) to publish.
new-how-to-see = To see and edit it: run `thidua serve --root { $root }` and open the editor address it prints (drafts are shown in the preview, marked as drafts).
new-slug-help = page address; the file name by default
new-body-hint = Write the text here. A line starting with ## is a section heading; **bold**; a link is written `[page name](/phong-trao/campaign-name/)`.

## Fields (shared by the forms, thidua new and checking)
schema-title = Title
schema-title-help = the record's name, with diacritics; the page address is made from it
schema-date = Date
schema-date-help = day/month/year, e.g. 30/12/2023
schema-summary = Summary
schema-summary-help = one or two sentences, shown in lists and when shared
schema-tags = Topics
schema-tags-help = topics separated by commas, e.g. giảm nghèo, y tế
schema-draft = Draft
schema-draft-help = a draft is not published; untick when ready
schema-campaigns = Related campaigns
schema-campaigns-help = pick the campaigns the record is about
schema-people = People mentioned
schema-people-help = pick the people or collectives the record is about
schema-author = Author
schema-author-help = who wrote it, or the writing unit
schema-image = Lead photo
schema-image-help = file name of a photo beside the record (folder record), e.g. anh.jpg
schema-photo = Portrait
schema-photo-help = file name of a photo beside the record (folder record), e.g. chan-dung.jpg
schema-start = Start
schema-start-help = year (2021) or start date (30/12/2021)
schema-end = End
schema-end-help = year or end date
schema-launched-by = Launched by
schema-launched-by-help = e.g. Chủ tịch UBND tỉnh
schema-level = Level
schema-level-help = e.g. Cấp tỉnh
schema-theme = Campaign theme
schema-theme-help = the campaign's slogan or main aim
schema-indicators = Indicators
schema-indicators-help = indicators: repeat an [[indicators]] block for each one
schema-person-kind = Person or collective
schema-person-kind-help = "ca-nhan" (a person) or "tap-the" (a collective)
schema-person-kind-individual = Person
schema-person-kind-collective = Collective
schema-ethnicity = Ethnic group
schema-ethnicity-help = one of the 54 groups, e.g. Xtiêng, Mnông, Khmer
schema-role = Title or role
schema-role-help = e.g. Người có uy tín
schema-commune = Commune
schema-commune-help = e.g. Xã Bom Bo
schema-district = District
schema-district-help = e.g. Bù Đăng (with or without the word "huyện")
schema-year = Year honoured
schema-year-help = four digits, e.g. 2023
schema-award = Award
schema-award-help = e.g. Bằng khen của Chủ tịch UBND tỉnh
schema-sort-name = Sort name
schema-sort-name-help = only when the name should sort differently
schema-number = Document number
schema-number-help = e.g. 15/KH-BDT
schema-doc-type = Document type
schema-doc-type-help = Kế hoạch, Báo cáo, Quyết định, Công văn…
schema-issued = Issued on
schema-issued-help = day/month/year; 02/2022 when the day is blank
schema-issuer = Issuer
schema-issuer-help = e.g. Ban Dân tộc tỉnh
schema-signer = Signed by
schema-signer-help = the signer's full name
schema-recipients = Recipients
schema-recipients-help = one recipient per line
schema-attachments = Attachments
schema-attachments-help = names of files beside the record, one per line

## How diagnostics are shown
diag-error = error
diag-warning = warning
diag-hint = hint

## Front matter keys
field-wrong-type = `{ $key }` must be { $expected ->
    [text] text
    [list] a list of text values
    [bool] true or false
    [int] a whole number
    [date] a date
   *[other] { $expected }
  }
field-write-like = write it like { $example }
field-missing = missing required key `{ $key }`
field-missing-hint = add a line { $example } to the front matter
field-empty = `{ $key }` is empty
field-empty-hint = write a value between the quotes
field-out-of-range = `{ $key }` = { $value } is out of range { $min }–{ $max }
field-check-number = check the figure, e.g. { $example }
field-bad-date = invalid date in `{ $key }`: { $why }
field-date-hint = write the date as day/month/year, e.g. 30/12/2023 (or 2023-12-30; 12/2023 or 2023 when the day is unknown)
field-unknown = unknown key `{ $key }` is ignored
field-did-you-mean = did you mean `{ $key }`?
field-unknown-hint = remove it, or check the README for the keys this kind of record takes
field-unknown-more = and { $shown } more unknown keys
field-unknown-more-hint = remove the unused keys from the front matter; the README lists the keys of each kind of record

## Reading a record's file
file-unreadable = cannot read the file: { $error }
file-not-utf8 = the file is not valid UTF-8 text
file-not-utf8-hint = save the file as UTF-8 (in Word or Notepad: Save As → Encoding: UTF-8); if it is not a text file, give it another extension
file-nul = the file holds NUL bytes (byte 0); they were replaced with �
file-nul-hint = byte 0 usually comes from a damaged file or a paste from a binary file: open the file, delete the � characters and save it as UTF-8
news-needs-date = a news item needs `date`
news-needs-date-hint = add a line date = "30/12/2023" (the day the news happened or was published)
person-unknown-ethnicity = ethnicity “{ $name }” is not one of Vietnam's 54 ethnic groups
person-unknown-ethnicity-hint = check the spelling (e.g. Xtiêng, Mnông, Khmer, Chơ Ro); the record is kept under its own group
slug-invalid = slug `{ $slug }` is not a URL slug
slug-invalid-hint = use lowercase ASCII letters, digits and hyphens, e.g. slug = "{ $suggestion }"
slug-from-file-empty = the file name `{ $name }` gives no usable URL
slug-from-file-empty-hint = rename the file with letters or digits, e.g. bao-cao-2023.md, or set slug = "…"
person-kind-invalid = kind `{ $value }` is neither "ca-nhan" nor "tap-the"
person-kind-invalid-hint = write kind = "ca-nhan" for a person or kind = "tap-the" for a collective
doc-status-invalid = status `{ $value }` is not a validity
doc-status-invalid-hint = write status = "con-hieu-luc" (in force), "het-hieu-luc" (expired) or "bi-thay-the" (replaced)

## Checks across records
url-reserved = the URL { $url } is reserved for the portal's { $pages } pages
url-reserved-hint = rename the file or set another slug
url-duplicate = duplicate slug: { $url } is also published by { $other }
url-duplicate-hint = give one of the two records another slug (set slug = "…" or rename the file)
ref-unknown = `{ $key }` refers to the { $what ->
    [campaign] campaign
   *[person] person
  } `{ $slug }`, which does not exist
ref-hidden = `{ $slug }` is a draft or dated in the future: publish it, or build with --drafts / --future
ref-did-you-mean = did you mean `{ $slug }`? the slugs are the file names in content/{ $section }/
ref-use-slug = use the slug of a file in content/{ $section }/ (its file name without .md)
doc-replaced-by-self = `replaced_by` names this document itself
doc-replaced-by-self-hint = write the slug of the newer document that replaces this one
doc-replaced-by-unknown = `replaced_by` refers to the document `{ $slug }`, which does not exist
doc-expires-before-effective = `expires` ({ $expires }) is before `effective` ({ $effective })
doc-expires-before-effective-hint = check the two dates: a document expires after it takes effect
file-key-unsafe-scheme = `{ $key }`: the link scheme `{ $scheme }:` is not allowed
file-key-missing = `{ $key }` names the file `{ $file }`, which was not found
file-put-beside = put `{ $file }` in { $folder } next to index.md, or fix the name
file-make-folder = make the record a folder: move it to content/{ $section }/{ $slug }/index.md and put `{ $file }` beside it
output-collision = two files on one output path { $path }: `{ $a }` and `{ $b }`
output-collision-hint = rename or remove `{ $a }` or `{ $b }`, so that each path has one file
bundle-link-hint = a record's files must lie in its own folder: copy the file there instead of linking to it
img-no-alt = an image has no alt text
img-no-alt-hint = describe the picture between the brackets: ![Già làng trao quà cho học sinh](anh.jpg), for readers who cannot see it
link-unsafe-scheme = the link scheme `{ $scheme }:` is not allowed
link-unsafe-hint = use only http:, https:, mailto:, tel:, or an address on the site (/tin-tuc/…, #muc); this link is not published
link-no-content-file = broken link: no content file `{ $file }`
link-no-content-file-hint = write @/ followed by the path under content/, e.g. @/phong-trao/vi-nguoi-ngheo.md
link-nothing-at = broken link: nothing is published at { $address }
link-add-slash = add the final slash: { $address }
link-check-address = check the address: record pages are /<section>/<slug>/, e.g. /phong-trao/vi-nguoi-ngheo/
link-not-beside = broken link: `{ $file }` is not a file beside this record
link-not-beside-hint = link to pages with an address starting with / (e.g. /tin-tuc/ten-bai/); put images in the record's folder (<slug>/index.md with the image beside it)
link-broken-anchor = broken anchor: { $address } has no heading with id `{ $anchor }`
link-headings-are = the headings there are: { $list }
link-no-headings = that page has no headings

## Front matter and indicators
fm-missing = the file does not start with front matter
fm-missing-hint = start the file with a line `+++`, then `title = "…"` and the other keys, then a closing `+++` line (or use `---` fences for YAML)
fm-not-closed = the front matter is never closed: no second `{ $fence }` line
fm-not-closed-hint = add a line containing only `{ $fence }` after the last key
fm-invalid-toml = invalid TOML front matter: { $detail }
fm-invalid-toml-hint = values need straight quotes (`title = "…"`), lists use brackets (`tags = ["a", "b"]`)
fm-invalid-yaml = invalid YAML front matter: { $detail }
fm-invalid-yaml-hint = write `key: value`, one per line; quote values that contain `:` or start with a special character
content-missing = the content/ folder is missing
content-missing-hint = create content/ with phong-trao/, dien-hinh/, tin-tuc/ and van-ban/ inside (see the README)
symlink-outside = symbolic link `{ $link }` leads outside the site, to `{ $target }`: not read
symlink-dangling = symbolic link `{ $link }` leads to `{ $target }`, which does not exist
symlink-loop = symbolic link `{ $link }` loops back to itself
symlink-loops-back = symbolic link `{ $link }` loops back to the folder `{ $folder }` above it
symlink-hint = remove the link, or copy the real file into the site folder; thidua publishes only files inside the site folder (and the theme folder)
path-unreadable = cannot read: { $error }
path-unreadable-hint = fix the folder's permissions
ind-not-list = `indicators` must be a list of tables
ind-example = write each indicator like { $example }
ind-not-table = indicator { $n } is not a table
ind-no-name = indicator { $n } has no `name`
ind-target-not-number = indicator { $n } (`{ $name }`): `target` must be a finite number
ind-value-not-table = indicator { $n } (`{ $name }`): value { $index } is not {"{"} period, value {"}"}
ind-value-no-period = indicator { $n } (`{ $name }`): value { $index } has no `period`
ind-value-not-number = indicator { $n } (`{ $name }`): value { $index } (`{ $period }`) needs a finite number in `value`
ind-values-not-list = indicator { $n } (`{ $name }`): `values` must be a list of {"{"} period, value {"}"}
ind-place-target = `target`
ind-place-value = value { $index } (`{ $period }`)
ind-too-large = indicator { $n } (`{ $name }`): { $place } = { $value } is too large (at most 1,000,000,000,000)
ind-percent-range = indicator { $n } (`{ $name }`): { $place } = { $value }% is outside 0–1000%
ind-negative-count = indicator { $n } (`{ $name }`): { $place } = { $value } { $unit }: a count is never negative
ext-status = external link answers { $code }: { $address }
ext-gone-hint = the page is gone: open the address in a browser, find where it moved and update the link, or remove it
ext-status-hint = the site answered with an error: try the address in a browser; if it works there, the site may refuse automatic checks
ext-unreachable = external link does not answer: { $address } ({ $why })
ext-unreachable-hint = check the address for typos; if this computer is offline, run `thidua check` without --external

## config.toml
config-unreadable = cannot read config.toml: { $error }
config-unreadable-hint = run thidua in the site folder, or pass --root DIR pointing at the folder that holds config.toml
config-invalid = invalid config.toml: { $detail }
config-invalid-hint = config.toml needs a [site] table with at least title = "…"; see the README for every key
config-base-url = base_url `{ $value }` is not a URL or a path
config-base-url-hint = write a full URL such as "https://bandantoc.example.gov.vn/" or a path such as "/portal/"
config-language = language `{ $value }` is not supported
config-language-hint = thidua builds Vietnamese portals: set language = "vi"
config-news-per-page = news_per_page must be at least 1
config-news-per-page-hint = e.g. news_per_page = 10
config-theme-missing = theme `{ $theme }` not found at { $folder }
config-theme-missing-hint = create that folder with templates/ and static/, or set theme = "default" to use the built-in theme
config-static-file = `{ $key }` names `{ $value }`, which is not a file in static/
config-static-file-hint = put the image in the site's static/ folder and write its path from there, e.g. { $key } = "/img/logo.svg"
config-menu-entry = a [[{ $key }]] entry has the address `{ $url }` or an empty name
config-menu-entry-hint = each entry needs name = "Văn bản" and url = "/van-ban/" (a path on the portal, or an https:// address)

## Templates (theme)
tpl-compile = a template does not compile: { $detail }
tpl-compile-hint = fix the template syntax at the place named ({"{{"} {"}}"} for values, {"{%"} {"%}"} for tags, each {"{%"} block {"%}"} closed by {"{%"} endblock {"%}"})
tpl-recursion = the templates call themselves without end ({ $path }); rendering would overflow the stack
tpl-recursion-hint = break the loop: a template may not include itself, and a macro may not call itself (directly or through others); write the repeated part out or pass the data already nested
tpl-overdue = rendering { $page } was stopped: it took longer than { $limit } s ({ $elapsed } s so far)
tpl-overdue-hint = the template does too much for one page: look for nested loops ({"{%"} for {"%}"} inside {"{%"} for {"%}"}) that grow without end, and bound them
tpl-memory = rendering { $page } was stopped: it used more than { $budget } MB of memory ({ $start } MB when it began, { $now } MB now)
tpl-memory-hint = the template builds a value that grows without end (a string or list doubled in a loop, `~` or `concat` on itself): bound it
tpl-not-utf8 = rendering { $page } made text that is not UTF-8
tpl-not-utf8-hint = check the filters the template uses
tpl-stopped = rendering { $page } was stopped: { $why }
tpl-stopped-hint = the template does too much for one page: look for a range() or a loop that grows without end, and bound it
tpl-failed = rendering { $page } failed: { $detail }
tpl-failed-hint = check the template: a value it uses may be missing for this page; use {"{%"} if x {"%}"} around optional values
tpl-file-not-utf8 = the template is not valid UTF-8
tpl-file-not-utf8-hint = save it as UTF-8

## Images
img-unreadable = cannot read the image: { $error }
img-undecodable = the image cannot be read ({ $error }); save it as JPEG or PNG
img-encode-failed = JPEG encoding failed: { $error }
img-failed-key = `{ $key }`: { $why }
img-failed-body = an image in the text: { $why }
img-failed-hint = use a JPEG, PNG or WebP photo; re-save it from a photo editor if it is damaged

## Building and writing the output
search-err-glossary = { $path }: invalid glossary: { $message }. Fix the file after the default theme's themes/default/glossary.toml: each group is a list of spellings that mean the same
search-err-index = { $path }: search index: { $detail }
search-err-no-index = { $path }: no search index here; run `thidua build` first
search-err-damaged = { $path }: damaged search index: { $message }; run `thidua build` again
search-err-other-version = it was written by another version of thidua
search-failed = building the search index failed: { $detail }
output-generated-page = a page thidua makes itself at { $path }
output-default-theme-file = static/{ $path } of the default theme
output-collision-generated-hint = rename or remove one of the two files; the paths thidua makes itself (sitemap.xml, atom.xml, robots.txt, 404.html, section pages, _search/) cannot be used for static files
build-waiting-lock = another build is writing to { $output }; waiting for it to finish…

## thidua import
imp-day-blank = the day of issue is blank; `issued` is the month { $issued }
imp-day-month-blank = the day and month of issue are blank; `issued` is the year { $issued }
imp-no-signer-name = no signer's name found; only the position "{ $title }" (`signer_title`)
imp-type-from-number = no document type line; `doc_type` "{ $doc_type }" is taken from the number { $number }
imp-issuer-from-number = the header names no issuing body; `issuer` "{ $issuer }" is taken from the code { $code } of the number
imp-number-blank = the number is blank in the document; `number` is "{ $number }"
imp-not-found = could not find { $what ->
    [number] the number (`Số: …`)
    [type] the document type (KẾ HOẠCH, BÁO CÁO, …)
    [title] the trích yếu (title)
    [issuer] the issuing body
    [date] the date (`…, ngày … tháng … năm …`)
    [signer] the signer
   *[other] { $what }
  }
imp-legacy-encoding = the text was typed in the old { $encoding } encoding (fonts { $fonts }…) and has been converted to Unicode; compare it with the original
imp-title-from-file = no trích yếu found; the title is the file name "{ $name }"
imp-title-from-file-hint = edit `title` in the written index.md
imp-read = cannot read the file: { $error }
imp-read-hint = check that the file exists and can be read
imp-docx = { $detail }
imp-docx-hint = open it in Word or LibreOffice and save it again as .docx (Word Document)
imp-not-utf8 = it is not UTF-8 text (the first invalid byte is at offset { $offset })
imp-not-utf8-hint = save the text as UTF-8 (in Notepad: Save As → Encoding: UTF-8)
imp-binary = it is a binary file, not text (it contains NUL bytes)
imp-binary-hint = import the original .docx, or copy the text into a UTF-8 .txt file
imp-not-a-file = not a regular file (a device, a pipe or a folder)
imp-not-a-file-hint = name the document file itself (.docx, .pdf, .txt, .md) or a folder that holds such files
imp-too-large = the file is larger than { $limit } MiB, the most thidua import reads
imp-too-large-hint = an official document is rarely more than a few MiB: check that this is the right file, or split the annexes into files of their own
imp-legacy-doc = this is a Word 97–2003 file (.doc), an old format thidua cannot read
imp-legacy-doc-hint = open the file in Word or LibreOffice, save it as .docx (Word Document), then import the .docx
imp-unsupported = cannot import `.{ $ext }` files
imp-unsupported-hint = import .docx, .pdf, .txt or .md files, or a folder of them
imp-empty = the document has no text
imp-empty-hint = is this the right file?
imp-no-campaign = the campaign `{ $slug }` does not exist in content/phong-trao/
imp-campaigns-are = the slugs are the file names in content/phong-trao/: { $list }
imp-write = cannot write: { $error }
imp-write-hint = check the folder's permissions and free space
docx-not-zip = it is not a .docx file (not a zip archive: { $detail })
docx-no-document = it is a zip archive without word/document.xml, so not a Word document
docx-part = cannot read { $part } from the archive: { $detail }
docx-part-too-large = { $part } unpacks to more than { $limit } MiB, the most thidua import reads
docx-truncated = { $part } is cut short: the file ends with { $open } elements still open (the first is <{ $first }>)
docx-xml = { $part } is not well-formed XML at byte { $offset }: { $detail }
pdf-broken = cannot read the PDF file: { $why }
pdf-broken-hint = open the file in a PDF reader to check it; if there is a .docx of the document, import that
pdf-encrypted = the PDF file is protected by a password
pdf-encrypted-hint = ask for a copy without a password, or import the .docx of the document
pdf-too-many-pages = the PDF file has { $pages } pages, more than the { $limit } thidua import reads
pdf-too-large = the PDF file holds too much data ({ $what ->
    [stream] a compressed stream
   *[text] text
  }); thidua import does not read it cut short
pdf-parser-stopped = the file is damaged (the parser stopped abnormally)
pdf-no-header = the file does not start with %PDF
pdf-too-large-hint = split long annexes into files of their own, or import the .docx of the document
pdf-stamp = digital signature on the PDF: signed by { $signer }, signed at { $time } (removed from the text)
pdf-issued-from-stamp = the date of issue is blank; `issued` is the date of the digital signature { $date }
pdf-undiacritised = the text of the PDF has almost no Vietnamese diacritics: it is probably recognised (OCR) text of a scan, and the fields read from it are unreliable; import the .docx or a PDF exported from Word
imp-undiacritised = the text has almost no Vietnamese diacritics: only the fixed words of the layout (Số, ngày … tháng … năm, Kính gửi, Nơi nhận, the type, the signer's position) were given theirs; names, the subject and the body stay as in the file, add the diacritics by hand
pdf-scanned = this PDF file ({ $pages } pages) has no text layer (it is a scan): only the original file is attached, the body is empty
pdf-scanned-hint = type the number, date, signer and trích yếu into index.md, or import a .docx/.pdf of this document that has text

## Progress and summary lines of the commands
build-failed-summary = { $errors } error(s), { $warnings } warning(s); nothing was written, the previous output is unchanged
build-output-failed = writing the output failed (the previous output is intact): { $detail }
build-done = { $unchanged ->
    [yes] nothing changed since the last build, kept
   *[no] built
  } { $records } records into { $pages } pages ({ $files } files) in { $ms } ms → { $output }{ $warnings ->
    [0] {""}
   *[other] , { $warnings } warning(s)
  }
stage-load = reading and checking content
stage-index = building the search index
stage-images = resizing images
stage-render = rendering pages
stage-write = writing the output
build-no-interrupt-handler = cannot install the Ctrl-C handler ({ $error }); the temporary folder will be cleaned by the next build
build-interrupted = stopped: the temporary folder was removed, the previous output is unchanged
check-scheduled = scheduled: { $path } is dated { $date } and will be published on that day (use --future to preview)
check-ok = ok: { $records } records, no errors, { $warnings } warning(s)
imp-row-existing = already in the site: { $record } (same number and issuing body); not imported again
imp-row-merged = the same document as { $primary }: merged into one record, with both files attached
imp-existing = this document is already in the site ({ $record }), with the same number and issuing body; not imported again
imp-existing-hint = edit the existing record if needed; to import it again, delete its folder first
imp-slug-taken = note: content/van-ban/{ $wanted } already exists; using the slug `{ $slug }` instead
imp-wrote = wrote { $dir }/index.md and { $files }
imp-would-write = would write { $dir }/index.md and { $dir }/{ $attachment }:
imp-report-failed = { $path }: cannot write the report: { $error }
imp-report = report: { $path }
imp-summary = { $dry_run ->
    [yes] would import
   *[no] imported
  } { $done } document(s), { $failed } failed{ $merged ->
    [0] {""}
   *[other] , { $merged } copy(ies) merged
  }{ $existing ->
    [0] {""}
   *[other] , { $existing } already in the site
  }
search-no-results = No results for “{ $query }”.
search-missing = Missing: { $words }
search-write-failed = writing the results: { $error }
serve-listening = serving http://{ $addr }/ (Ctrl+C to stop)
serve-listen-failed = cannot listen on { $addr }: { $error }
serve-watch-failed = cannot watch the site folder: { $error }

## Command help: the remaining options
help-check-json = Print the diagnostics as JSON (each with its message identifier `id`)
help-search-output = The output folder the last build wrote (default: <root>/public)
help-search-limit = Maximum number of hits
help-search-json = Print hits as a JSON array
help-search-kind = Only this kind: campaign, person, news, document, page
help-search-campaign = Only records of this campaign (slug)
help-search-ethnicity = Only this ethnicity (any spelling)
help-search-district = Only this district
help-search-year = Only this year
help-import-report = Also write the report (file, kind, number, date, signer, title, warnings) as CSV to this file
help-flag-help = Print help
help-flag-version = Print version

## The output folder
refusal = not writing to the output folder { $path }: { $reason }
    { "  " }hint: { $hint }
refusal-elsewhere-hint = choose a folder that does not exist yet or is empty, e.g. --output <site folder>/public
refusal-is-root = that is the site folder itself (where config.toml and content/ are); building would delete the sources
refusal-holds-root = this folder holds the site folder { $root }; building would delete the sources
refusal-in-sources = this folder lies inside { $folder }/ (the site's { $folder ->
    [content] content
    [static] static files
   *[themes] themes
  })
refusal-in-cache = this folder lies inside the .thidua-cache cache
refusal-unreadable = cannot read the path: { $error }
refusal-dangling-link = this is a link to { $target }, where there is no folder yet
refusal-dangling-link-hint = create the link's target folder first (mkdir), or remove the link
refusal-a-file = a file (not a folder) is already there
refusal-foreign = the folder holds things thidua did not write (for example { $example }); building would delete them all
refusal-foreign-hint = choose a folder that does not exist yet or is empty; if you do mean to publish here, move the old content elsewhere yourself and build again
refusal-via-link = { $reason } (the path leads to { $target })
refusal-no-name = the path has no folder name
output-escape = refusing to write outside the output folder: { $path }
output-unusable = the output folder { $path } is not usable: { $why }
output-generated-file = a file thidua makes itself

serve-accept-failed = accept: { $error }
serve-thread-failed = cannot start a connection thread: { $error }
serve-search-panicked = the search index build panicked; the search page keeps the previous index
serve-no-low-priority = could not lower the search indexer's priority
serve-reindexer-stopped = the search re-indexer has stopped; restart thidua serve for search to follow the content
serve-rebuild-stopped = the rebuild loop has stopped; restart thidua serve

fm-yaml-not-mapping = the front matter must be a list of `key: value` lines
tpl-why-time = it took longer than { $limit } s
tpl-why-output = its output grew past { $limit } MB
ext-host-not-found = host not found
ext-timed-out = timed out
ext-refused = connection refused
imp-folder-exists = the record folder exists

## thidua serve
serve-built = built: { $files } files in { $ms } ms
serve-rebuilt = rebuilt: { $files } files in { $ms } ms
serve-failed = { $errors } error(s) (see above); still serving the last good site
serve-search-updated = search index updated in { $ms } ms
serve-editor-open = Editor (Ctrl+click the address below; it is a key, do not share it):
serve-editor-off = The editor is off: { $addr } is not this machine's loopback address (run thidua serve without --interface to use it)

## The "edit this page" bar of previewed pages
bar-label = Editing tools
bar-edit = Edit this page
bar-draft = DRAFT
bar-scheduled = Scheduled for { $date }

## The editor
ed-app = Portal editor
ed-nav-label = Editor
ed-nav-home = Records
ed-nav-new = New { $kind }
ed-nav-guide = Guide
ed-nav-site = View the site
ed-home-title = Records of the site
ed-none = No records yet.
ed-filter-search = Find
ed-filter-kind = Kind
ed-filter-state = State
ed-filter-all = All
ed-filter-errors = Only records with errors
ed-filter-button = Filter
ed-state-draft = Draft
ed-state-published = Published
ed-state-scheduled = Scheduled
ed-state-broken = Unreadable
ed-col-title = Title
ed-col-date = Date
ed-col-state = State
ed-col-problems = Problems
ed-error = Error
ed-warning = Warning
ed-line = line { $line }
ed-required = required
ed-or = or
ed-new-title = New { $kind }
ed-edit-title = Edit: { $title }
ed-body = Text
ed-toolbar = Text formatting
ed-preview = Preview
ed-view-page = See this page in the preview site
ed-save = Save
ed-saved = Saved. The preview site updates within seconds.
ed-saved-with-errors = The draft was saved, but it still has errors: the preview site and thidua build stop at them until they are fixed.
ed-delete = Delete
ed-delete-title = Delete “{ $title }”?
ed-delete-explain = The file { $path } will be moved to the site's thung-rac/ folder (not destroyed; copy it back to restore it).
ed-delete-confirm = Move it to the trash
ed-delete-unconfirmed = Deletion not confirmed; nothing was done.
ed-deleted = Moved the record to { $path }.
ed-cancel = Keep it
ed-back-home = Back to the records
ed-picker-search = Type to find…
ed-picker-search-label = Find in { $what }
ed-picker-unknown = not on the site
ed-upload-title = Photos and attachments
ed-upload-help = JPG, PNG, WebP, GIF photos up to 15 MB; PDF, Word, Excel files up to 30 MB. We name the files; the record becomes a folder record.
ed-upload-photo = Choose a photo
ed-upload-alt = Photo description (required with a photo)
ed-upload-alt-help = one sentence saying what the photo shows, for people who cannot see it
ed-upload-caption = Caption
ed-upload-file = Attachment
ed-yaml-convert = Convert this file's front matter to TOML (needed to save changed fields)
ed-yaml-needs-consent = This file's front matter is YAML. To save changed fields, tick "Convert this file's front matter to TOML" and save again (the text stays as it is).
ed-unreadable = The file's front matter cannot be read: { $message }
ed-conflict = Not saved: the file was changed elsewhere after you opened the form. The version on disk is below; the form keeps yours. Copy what you need, then Save to write your version.
ed-conflict-disk = The version on disk
ed-has-errors = Not saved: the record has errors (see beside the fields). Fix them, or tick Draft to save it for later.
ed-write-failed = The file could not be written: { $message }
ed-exists = A record with the address { $slug } exists; choose another title, or edit that record.
ed-refused = Not allowed
ed-refused-cookie = This browser is not unlocked. Open the editor address that thidua serve printed (the line with ?khoa=).
ed-refused-host = The request names another host; the editor only answers 127.0.0.1 or localhost.
ed-refused-origin = The request comes from another site; the editor only takes its own forms.
ed-bad-request = The request cannot be read.
ed-bad-method = The editor takes only GET and POST.
ed-too-large = The upload is too large.
ed-not-found = Not found
ed-not-found-text = The editor has no such page.
ed-unknown-section = There is no section “{ $section }”: use phong-trao, dien-hinh, tin-tuc, van-ban or trang.
ed-bad-path = “{ $path }” cannot be edited: only .md files under content/ can.
ed-import-title = Import from Word or PDF files
ed-import-help = Drop .docx, .pdf or .txt files on this page, or choose files and press Import. You check the fields before saving.
ed-import-choose = Choose files
ed-import-button = Import
ed-import-none = No file chosen to import.
ed-import-failed = Import failed
ed-import-review = Check the document imported from { $file }
ed-import-found = The file was read; check and correct the fields, then Save ({ $count } notes).

## Uploads
up-bad-name = The file name “{ $name }” is refused: a file name may not hold /, \ or ..
up-bad-type = The file “{ $name }” is not of an accepted type ({ $allowed }).
up-too-large = The file “{ $name }” is larger than { $mb } MB.
up-not-a-photo = The file “{ $name }” is not a photo.
up-alt-required = The photo “{ $name }” needs a description: one sentence saying what it shows.

## Command help (thidua --help)
help-about = Builds the portal of a provincial Ban Dân tộc from the files in content/.
help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-build = Build the site into the output folder (public/ by default)
help-check = Load and validate every record; write nothing
help-search = Search the index that the last build wrote
help-import = Turn official documents (.docx, .pdf, .txt, .md, or folders of them) into van-ban records
help-new = Write a new record with commented front matter
help-serve = Preview the site and open the editor; rebuild on every change
help-build-root = The site folder (holds config.toml and content/)
help-check-root = The site folder
help-new-root = The site folder
help-serve-root = The site folder
help-import-root = The site folder
help-search-root = The site folder
help-build-output = Where to write the site (default: <root>/public)
help-build-base-url = Override [site] base_url, e.g. http://localhost:8000/portal/
help-build-drafts = Include records marked draft = true
help-build-future = Include records dated after today
help-check-drafts = Also check drafts
help-check-future = Also check records dated after today
help-check-external = Also check external links (needs a network)
help-new-kind = The kind: tin-tuc, phong-trao, dien-hinh, van-ban or trang (or news, campaign, person, document, page)
help-new-title = The title, with diacritics; the file name is folded from it
help-new-folder = Make a folder record (<slug>/index.md) that keeps photos and files beside it
help-serve-port = Port to listen on (0 picks a free one)
help-serve-interface = Address to listen on; other than 127.0.0.1, the editor needs a password in THIDUA_EDITOR_PASSWORD
help-serve-drafts = Show drafts (the default)
help-serve-future = Show records dated after today (the default)
help-serve-published-only = Show only what thidua build publishes: no drafts, nothing scheduled
help-import-campaign = Add the records to this campaign (a slug of content/phong-trao/)
help-import-dry-run = Show what would be written; write nothing
help-import-files = The documents to import, or folders to import every document in
help-search-query = The query, as a reader would type it

## Indicators table
ed-ind-legend = Indicator { $n }
ed-ind-name = Indicator name
ed-ind-unit = Unit
ed-ind-target = Target (a number)
ed-ind-rows = Values by period (leave unused rows blank)
ed-ind-period = Period
ed-ind-value = Value
ed-ind-period-row = Indicator { $n }, period in row { $row }
ed-ind-value-row = Indicator { $n }, value in row { $row }

ed-district-near = the district “{ $name }” is new to the site but close to “{ $near }”
ed-district-near-hint = if it is the same district, write it as “{ $near }” (with or without the word "huyện")
ed-campaign-unknown = there is no campaign “{ $slug }”; the site's campaigns: { $valid }
ed-campaign-suggest = did you mean “{ $title }” ({ $slug })? Pick it in the list
ed-campaign-pick = pick the campaign in the list instead of typing it

## Editor: password, importing several files, drafts with errors, thidua check suggestions, the new fields
chk-campaign-unknown = `{ $key }` names the campaign “{ $slug }”, which does not exist; the site's campaigns: { $valid }
chk-campaign-none = (the site has no campaign yet)
chk-campaign-suggest = did you mean the campaign “{ $title }” ({ $slug })? Write { $key } = ["{ $slug }"] (its file name in content/phong-trao/)
chk-campaign-pick = write the file name (without .md) of a campaign in content/phong-trao/, or pick the campaign in the editor
chk-district-near = the district “{ $name }” is close to the district “{ $near }” that other records use
chk-district-near-hint = if it is the same district, write it as “{ $near }” (with or without “huyện”, “thị xã”, “thành phố”)
schema-image-alt = Lead photo description
schema-image-alt-help = what the photo shows, for readers who cannot see it (needed when there is a photo)
schema-image-caption = Lead photo caption
schema-image-caption-help = the line shown under the photo
schema-image-credit = Lead photo credit
schema-image-credit-help = e.g. Ảnh: Phòng Tuyên truyền
schema-photo-alt = Portrait description
schema-photo-alt-help = who the photo shows, for readers who cannot see it (needed when there is a photo)
schema-photo-caption = Portrait caption
schema-photo-caption-help = the line shown under the photo
schema-photo-credit = Portrait credit
schema-photo-credit-help = e.g. Ảnh: Phòng Tuyên truyền
schema-signer-title = Signer's position
schema-signer-title-help = e.g. Trưởng ban, Phó Chủ tịch UBND tỉnh
schema-field = Field
schema-field-help = e.g. Công tác dân tộc, Chính sách dân tộc
schema-status = Validity
schema-status-help = leave “Automatic” to compute it from the effective and expiry dates and the replacing document
schema-status-auto = Automatic, from the dates
schema-status-valid = In force
schema-status-expired = Expired
schema-status-replaced = Replaced
schema-effective = In force from
schema-effective-help = dd/mm/yyyy; leave empty if in force from the day it was issued
schema-expires = Expires on
schema-expires-help = dd/mm/yyyy; leave empty if the document has not expired
schema-replaced-by = Replaced by
schema-replaced-by-help = the file name (without .md) of the newer document replacing this one, in content/van-ban/
ed-login-title = Sign in to the editor
ed-login-explain = The editor is open to the local network, so it needs a password. Ask the administrator for the one set in THIDUA_EDITOR_PASSWORD.
ed-login-password = Password
ed-login-button = Sign in
ed-login-wrong = Wrong password. Type it again (mind capitals and the Vietnamese input method).
ed-login-off = No password is set, so signing in from another machine is off; open the ?khoa= address that thidua serve printed.
serve-editor-password = The editor is open to the network at { $addr } with a password (THIDUA_EDITOR_PASSWORD); on this machine open:
serve-editor-needs-password = The editor is off: { $addr } is not this machine's loopback address. Set a password in THIDUA_EDITOR_PASSWORD to use it from other machines, or run thidua serve without --interface.
ed-import-queue = File { $n }/{ $total }: { $file }
ed-import-queue-label = Files being imported
ed-import-queue-done = saved
ed-import-queue-failed = could not be read: { $message }
ed-import-queue-skip = Skip this file
ed-import-all-done = All { $total } imported files are done.
ed-import-gone = This import is gone (the editor restarted or it is finished). Drop the files again on the home page.
bar-errors = { $count } errors, shown only in the preview: this draft cannot be published yet
ed-draft-errors-kept = The draft was saved with its errors; the rest of the site still previews. Fix the errors below before unchecking “Bản nháp”.
