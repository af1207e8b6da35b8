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
ed-import-title = Import from Word files
ed-import-help = Drop .docx or .txt files on this page, or choose files and press Import. You check the fields before saving.
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
help-import = Turn official documents (.docx, .txt, .md) into van-ban records
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
help-import-files = The documents to import
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
