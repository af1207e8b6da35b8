# Danh mục thông báo của thidua (tiếng Việt, mặc định).
# Mỗi thông báo có một mã; locales/en/thidua.ftl có đúng các mã đó bằng tiếng Anh.

error-prefix = lỗi

## Loại bài
kind-campaign = Phong trào
kind-person = Điển hình
kind-news = Tin tức
kind-document = Văn bản
kind-page = Trang

## Ngày tháng
date-not-a-date = `{ $value }` không phải là ngày: viết ngày/tháng/năm, ví dụ 30/12/2023 (hoặc 2023-12-30; 12/2023 hay 2023 khi không rõ ngày)
date-year-digits = `{ $value }` không phải là ngày: năm cần đủ 4 chữ số, ngày và tháng 1 hoặc 2 chữ số, ví dụ 30/12/2023
date-no-such-month = `{ $value }` không phải là ngày: tháng { $month } không tồn tại (tháng từ 01 đến 12)
date-no-such-day = ngày { $day } tháng { $month } năm { $year } không tồn tại: tháng { $month } năm { $year } chỉ có { $max } ngày

## Phần khai báo (front matter) gõ bằng Word
fm-curly-quote = dòng { $line }: dấu ngoặc kép cong ({ $code }, do Word tự đổi) không dùng được để bao giá trị
fm-curly-quote-hint = thay dấu “ ” bằng dấu ngoặc kép thẳng ", ví dụ title = "Lễ hội"; trong Word: tắt Tự động sửa (AutoCorrect) → "Dấu ngoặc thẳng" trước khi gõ, hoặc sửa bài bằng trình biên tập của thidua serve
fm-curly-apostrophe = dòng { $line }: dấu nháy đơn cong ({ $code }, do Word tự đổi) không dùng được để bao giá trị
fm-curly-apostrophe-hint = bao giá trị bằng dấu ngoặc kép thẳng ", ví dụ title = "Lễ hội"
fm-nbsp = dòng { $line }: có dấu cách không ngắt ({ $code }, thường chép từ Word hay trang web) ở chỗ cần dấu cách thường
fm-nbsp-hint = xoá khoảng trắng quanh dấu = và gõ lại bằng phím cách
fm-yaml-tab = dòng { $line }: YAML không cho thụt đầu dòng bằng phím Tab
fm-yaml-tab-hint = thay mỗi Tab ở đầu dòng bằng hai dấu cách
fm-bare-date = dòng { $line }: ngày viết kiểu 30/12/2023 phải đặt trong ngoặc kép
fm-bare-date-hint = viết date = "30/12/2023" (có ngoặc kép), hoặc date = 2023-12-30

## thidua new
new-empty-slug = tiêu đề `{ $title }` không cho ra địa chỉ trang: tiêu đề cần có chữ hoặc số
new-exists = { $path } đã có; không ghi gì (chọn tiêu đề khác, hoặc sửa tệp đó)
new-created = Đã tạo bài mới: { $path }
new-draft-note = Bài đang là bản nháp (draft = true): người đọc chưa thấy. Điền các dòng còn trống, rồi xoá dòng draft (hoặc đổi thành false) khi muốn đăng.
new-how-to-see = Xem và sửa bài: chạy `thidua serve --root { $root }` rồi mở địa chỉ trình biên tập mà lệnh in ra (bản nháp vẫn hiện khi xem thử, có dấu BẢN NHÁP).
new-slug-help = địa chỉ trang; mặc định lấy từ tên tệp
new-body-hint = Viết nội dung ở đây. Dòng bắt đầu bằng ## là tiêu đề mục; **chữ đậm**; liên kết viết `[tên trang](/phong-trao/ten-phong-trao/)`.

## Các trường (dùng chung cho biểu mẫu, thidua new và kiểm tra)
schema-title = Tiêu đề
schema-title-help = tên của bài, có dấu; địa chỉ trang được tạo từ tiêu đề
schema-date = Ngày
schema-date-help = ngày/tháng/năm, ví dụ 30/12/2023
schema-summary = Tóm tắt
schema-summary-help = một hai câu, hiện trong danh sách và khi chia sẻ
schema-tags = Chủ đề
schema-tags-help = các chủ đề cách nhau bằng dấu phẩy, ví dụ giảm nghèo, y tế
schema-draft = Bản nháp
schema-draft-help = bài nháp chưa được đăng; bỏ đánh dấu khi sẵn sàng đăng
schema-campaigns = Phong trào liên quan
schema-campaigns-help = chọn các phong trào mà bài nói đến
schema-people = Điển hình được nhắc đến
schema-people-help = chọn các cá nhân, tập thể mà bài nói đến
schema-author = Tác giả
schema-author-help = người viết hoặc đơn vị viết bài
schema-image = Ảnh đầu bài
schema-image-help = tên tệp ảnh đặt cạnh bài (bài dạng thư mục), ví dụ anh.jpg
schema-photo = Ảnh chân dung
schema-photo-help = tên tệp ảnh đặt cạnh bài (bài dạng thư mục), ví dụ chan-dung.jpg
schema-start = Bắt đầu
schema-start-help = năm (2021) hoặc ngày bắt đầu (30/12/2021)
schema-end = Kết thúc
schema-end-help = năm hoặc ngày kết thúc
schema-launched-by = Người phát động
schema-launched-by-help = ví dụ Chủ tịch UBND tỉnh
schema-level = Cấp phát động
schema-level-help = ví dụ Cấp tỉnh
schema-theme = Chủ đề phong trào
schema-theme-help = khẩu hiệu hay nội dung chính của phong trào
schema-indicators = Chỉ tiêu
schema-indicators-help = chỉ tiêu: lặp lại khối [[indicators]] cho mỗi chỉ tiêu
schema-person-kind = Cá nhân hay tập thể
schema-person-kind-help = "ca-nhan" (cá nhân) hoặc "tap-the" (tập thể)
schema-person-kind-individual = Cá nhân
schema-person-kind-collective = Tập thể
schema-ethnicity = Dân tộc
schema-ethnicity-help = một trong 54 dân tộc, ví dụ Xtiêng, Mnông, Khmer
schema-role = Danh hiệu, vai trò
schema-role-help = ví dụ Người có uy tín
schema-commune = Xã, phường
schema-commune-help = ví dụ Xã Bom Bo
schema-district = Huyện, thị xã, thành phố
schema-district-help = ví dụ Bù Đăng (có hay không có chữ "huyện" đều được)
schema-year = Năm được tuyên dương
schema-year-help = bốn chữ số, ví dụ 2023
schema-award = Hình thức khen thưởng
schema-award-help = ví dụ Bằng khen của Chủ tịch UBND tỉnh
schema-sort-name = Tên để xếp thứ tự
schema-sort-name-help = chỉ điền khi cần xếp khác tên gọi
schema-number = Số ký hiệu
schema-number-help = ví dụ 15/KH-BDT
schema-doc-type = Loại văn bản
schema-doc-type-help = Kế hoạch, Báo cáo, Quyết định, Công văn…
schema-issued = Ngày ban hành
schema-issued-help = ngày/tháng/năm; 02/2022 nếu để trống ngày
schema-issuer = Cơ quan ban hành
schema-issuer-help = ví dụ Ban Dân tộc tỉnh
schema-signer = Người ký
schema-signer-help = họ tên người ký
schema-recipients = Nơi nhận
schema-recipients-help = mỗi nơi nhận một dòng
schema-attachments = Tệp đính kèm
schema-attachments-help = tên các tệp đặt cạnh bài, mỗi tệp một dòng

## Cách trình bày thông báo
diag-error = lỗi
diag-warning = cảnh báo
diag-hint = gợi ý

## Các khoá trong phần khai báo
field-wrong-type = `{ $key }` phải là { $expected ->
    [text] chữ (đặt trong ngoặc kép)
    [list] danh sách chữ
    [bool] true hoặc false
    [int] số nguyên
    [date] ngày
   *[other] { $expected }
  }
field-write-like = viết như sau: { $example }
field-missing = thiếu khoá bắt buộc `{ $key }`
field-missing-hint = thêm dòng { $example } vào phần khai báo
field-empty = `{ $key }` đang để trống
field-empty-hint = gõ giá trị vào giữa hai dấu ngoặc kép
field-out-of-range = `{ $key }` = { $value } nằm ngoài khoảng cho phép { $min }–{ $max }
field-check-number = kiểm tra lại con số, ví dụ { $example }
field-bad-date = ngày ở `{ $key }` không đúng: { $why }
field-date-hint = viết ngày/tháng/năm, ví dụ 30/12/2023 (hoặc 2023-12-30; viết 12/2023 hay 2023 khi không rõ ngày)
field-unknown = khoá `{ $key }` không dùng đến, bị bỏ qua
field-did-you-mean = có phải ý bạn là `{ $key }`?
field-unknown-hint = xoá dòng này, hoặc xem README để biết các khoá của loại bài này
field-unknown-more = và { $shown } khoá không dùng đến khác
field-unknown-more-hint = bỏ các khoá không dùng đến khỏi phần khai báo; xem README để biết các khoá của từng loại bài

## Đọc tệp bài
file-unreadable = không đọc được tệp: { $error }
file-not-utf8 = tệp không phải văn bản UTF-8
file-not-utf8-hint = lưu lại tệp dạng UTF-8 (trong Word hay Notepad: Lưu thành → Mã hoá: UTF-8); nếu đây không phải tệp văn bản, đổi phần đuôi tên tệp
file-nul = tệp có ký tự NUL (byte 0); đã thay bằng �
file-nul-hint = byte 0 thường do tệp hỏng hoặc dán từ tệp nhị phân: mở tệp, xoá ký tự � rồi lưu lại dạng UTF-8
news-needs-date = tin tức cần có ngày (`date`)
news-needs-date-hint = thêm dòng date = "30/12/2023" (ngày xảy ra sự việc hoặc ngày đăng tin)
person-unknown-ethnicity = “{ $name }” không phải một trong 54 dân tộc của Việt Nam
person-unknown-ethnicity-hint = kiểm tra chính tả (ví dụ Xtiêng, Mnông, Khmer, Chơ Ro); bài vẫn được giữ, xếp theo tên dân tộc như đã viết
slug-invalid = `{ $slug }` không dùng được làm địa chỉ trang (slug)
slug-invalid-hint = chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ slug = "{ $suggestion }"
slug-from-file-empty = tên tệp `{ $name }` không cho ra địa chỉ trang
slug-from-file-empty-hint = đặt lại tên tệp có chữ hoặc số, ví dụ bao-cao-2023.md, hoặc thêm dòng slug = "…"
person-kind-invalid = kind `{ $value }` không phải "ca-nhan" hay "tap-the"
person-kind-invalid-hint = viết kind = "ca-nhan" cho một người, kind = "tap-the" cho một tập thể
doc-status-invalid = status `{ $value }` không phải một tình trạng hiệu lực
doc-status-invalid-hint = viết status = "con-hieu-luc" (còn hiệu lực), "het-hieu-luc" (hết hiệu lực) hoặc "bi-thay-the" (bị thay thế)

## Kiểm tra giữa các bài
url-reserved = địa chỉ { $url } dành riêng cho các trang { $pages } của cổng thông tin
url-reserved-hint = đổi tên tệp hoặc đặt slug khác
url-duplicate = trùng địa chỉ: { $url } cũng là địa chỉ của { $other }
url-duplicate-hint = đặt cho một trong hai bài địa chỉ khác (thêm dòng slug = "…" hoặc đổi tên tệp)
ref-unknown = `{ $key }` nhắc đến { $what ->
    [campaign] phong trào
   *[person] điển hình
  } `{ $slug }`, nhưng không có bài này
ref-hidden = `{ $slug }` đang là bản nháp hoặc có ngày sau hôm nay: đăng bài đó, hoặc dựng với --drafts / --future
ref-did-you-mean = có phải ý bạn là `{ $slug }`? Tên viết ở đây là tên tệp trong content/{ $section }/
ref-use-slug = viết tên một tệp trong content/{ $section }/ (tên tệp, bỏ đuôi .md)
doc-replaced-by-self = `replaced_by` trỏ vào chính văn bản này
doc-replaced-by-self-hint = viết tên (slug) của văn bản mới thay thế văn bản này
doc-replaced-by-unknown = `replaced_by` nhắc đến văn bản `{ $slug }`, nhưng không có văn bản này
doc-expires-before-effective = ngày hết hiệu lực (`expires`, { $expires }) trước ngày có hiệu lực (`effective`, { $effective })
doc-expires-before-effective-hint = kiểm tra lại hai ngày: văn bản hết hiệu lực sau khi có hiệu lực
file-key-unsafe-scheme = `{ $key }`: liên kết dùng giao thức `{ $scheme }:`, không được phép
file-key-missing = `{ $key }` ghi tệp `{ $file }`, nhưng không tìm thấy tệp này
file-put-beside = đặt `{ $file }` vào { $folder }, cạnh index.md, hoặc sửa lại tên tệp
file-make-folder = chuyển bài thành dạng thư mục: dời tệp đến content/{ $section }/{ $slug }/index.md rồi đặt `{ $file }` bên cạnh
output-collision = hai tệp cùng ghi ra { $path }: `{ $a }` và `{ $b }`
output-collision-hint = đổi tên hoặc xoá `{ $a }` hay `{ $b }`, để mỗi đường dẫn chỉ có một tệp
bundle-link-hint = tệp của một bài phải nằm trong chính thư mục của bài: chép tệp vào đó thay vì tạo liên kết
img-no-alt = ảnh chưa có mô tả (alt)
img-no-alt-hint = mô tả ảnh trong cặp ngoặc vuông, ví dụ ![Già làng trao quà cho học sinh](anh.jpg), cho người không nhìn thấy ảnh
link-unsafe-scheme = liên kết dùng giao thức `{ $scheme }:`, không được phép
link-unsafe-hint = chỉ dùng http:, https:, mailto:, tel:, hoặc địa chỉ trong trang (/tin-tuc/…, #muc); liên kết này không được đăng
link-no-content-file = liên kết hỏng: không có tệp `{ $file }` trong content/
link-no-content-file-hint = viết @/ rồi đường dẫn trong content/, ví dụ @/phong-trao/vi-nguoi-ngheo.md
link-nothing-at = liên kết hỏng: không có trang nào ở { $address }
link-add-slash = thêm dấu / ở cuối: { $address }
link-check-address = kiểm tra lại địa chỉ: trang của bài có dạng /<mục>/<tên>/, ví dụ /phong-trao/vi-nguoi-ngheo/
link-not-beside = liên kết hỏng: `{ $file }` không phải tệp đặt cạnh bài này
link-not-beside-hint = liên kết đến trang bằng địa chỉ bắt đầu bằng / (ví dụ /tin-tuc/ten-bai/); đặt ảnh trong thư mục của bài (<tên>/index.md, ảnh bên cạnh)
link-broken-anchor = liên kết hỏng: { $address } không có mục nào mang mã `{ $anchor }`
link-headings-are = các mục ở trang đó: { $list }
link-no-headings = trang đó không có mục nào

## Phần khai báo và chỉ tiêu
fm-missing = tệp không mở đầu bằng phần khai báo
fm-missing-hint = dòng đầu tiên của tệp là `+++`, tiếp theo là `title = "…"` và các khoá khác, rồi một dòng `+++` để đóng (hoặc dùng `---` cho YAML)
fm-not-closed = phần khai báo chưa được đóng: thiếu dòng `{ $fence }` thứ hai
fm-not-closed-hint = thêm một dòng chỉ có `{ $fence }` sau khoá cuối cùng
fm-invalid-toml = phần khai báo TOML viết sai: { $detail }
fm-invalid-toml-hint = giá trị chữ phải đặt trong ngoặc kép thẳng (`title = "…"`), danh sách đặt trong ngoặc vuông (`tags = ["a", "b"]`)
fm-invalid-yaml = phần khai báo YAML viết sai: { $detail }
fm-invalid-yaml-hint = viết `khoá: giá trị`, mỗi khoá một dòng; đặt trong ngoặc kép giá trị có dấu `:` hoặc mở đầu bằng ký tự đặc biệt
content-missing = chưa có thư mục content/
content-missing-hint = tạo thư mục content/ có các thư mục phong-trao/, dien-hinh/, tin-tuc/ và van-ban/ bên trong (xem README)
symlink-outside = liên kết tượng trưng `{ $link }` trỏ ra ngoài thư mục trang, tới `{ $target }`: không đọc
symlink-dangling = liên kết tượng trưng `{ $link }` trỏ tới `{ $target }`, nơi không tồn tại
symlink-loop = liên kết tượng trưng `{ $link }` vòng lặp về chính nó
symlink-loops-back = liên kết tượng trưng `{ $link }` vòng lặp: trỏ ngược lên thư mục `{ $folder }` chứa nó
symlink-hint = xoá liên kết, hoặc chép tệp thật vào trong thư mục trang; thidua chỉ đăng các tệp nằm trong thư mục trang (và thư mục giao diện)
path-unreadable = không đọc được: { $error }
path-unreadable-hint = sửa quyền truy cập của thư mục
ind-not-list = `indicators` phải là danh sách các bảng
ind-example = viết mỗi chỉ tiêu như sau: { $example }
ind-not-table = chỉ tiêu { $n } không phải một bảng
ind-no-name = chỉ tiêu { $n } chưa có tên (`name`)
ind-target-not-number = chỉ tiêu { $n } (`{ $name }`): mục tiêu (`target`) phải là một con số
ind-value-not-table = chỉ tiêu { $n } (`{ $name }`): số liệu thứ { $index } không có dạng {"{"} period, value {"}"}
ind-value-no-period = chỉ tiêu { $n } (`{ $name }`): số liệu thứ { $index } chưa có kỳ (`period`)
ind-value-not-number = chỉ tiêu { $n } (`{ $name }`): số liệu thứ { $index } (kỳ `{ $period }`) cần một con số ở `value`
ind-values-not-list = chỉ tiêu { $n } (`{ $name }`): `values` phải là danh sách {"{"} period, value {"}"}
ind-place-target = mục tiêu
ind-place-value = số liệu thứ { $index } (kỳ `{ $period }`)
ind-too-large = chỉ tiêu { $n } (`{ $name }`): { $place } = { $value } lớn quá mức cho phép (tối đa 1.000.000.000.000)
ind-percent-range = chỉ tiêu { $n } (`{ $name }`): { $place } = { $value }% nằm ngoài khoảng 0–1000%
ind-negative-count = chỉ tiêu { $n } (`{ $name }`): { $place } = { $value } { $unit }: số đếm không thể âm
ext-status = liên kết ra ngoài trả lời mã { $code }: { $address }
ext-gone-hint = trang đó không còn: mở địa chỉ trong trình duyệt, tìm nơi trang đã chuyển đến rồi sửa liên kết, hoặc bỏ liên kết
ext-status-hint = trang đó báo lỗi: thử mở địa chỉ trong trình duyệt; nếu mở được, có thể trang đó từ chối việc kiểm tra tự động
ext-unreachable = liên kết ra ngoài không trả lời: { $address } ({ $why })
ext-unreachable-hint = kiểm tra lỗi gõ trong địa chỉ; nếu máy đang không có mạng, chạy `thidua check` không có --external

## config.toml
config-unreadable = không đọc được config.toml: { $error }
config-unreadable-hint = chạy thidua trong thư mục của trang, hoặc thêm --root <thư mục> chỉ đến thư mục có config.toml
config-invalid = config.toml viết sai: { $detail }
config-invalid-hint = config.toml cần một bảng [site] có ít nhất dòng title = "…"; README liệt kê mọi khoá
config-base-url = base_url `{ $value }` không phải địa chỉ web hay đường dẫn
config-base-url-hint = viết đủ địa chỉ, ví dụ "https://bandantoc.example.gov.vn/", hoặc một đường dẫn như "/portal/"
config-language = ngôn ngữ `{ $value }` chưa được hỗ trợ
config-language-hint = thidua dựng cổng thông tin tiếng Việt: viết language = "vi"
config-news-per-page = news_per_page phải từ 1 trở lên
config-news-per-page-hint = ví dụ news_per_page = 10
config-theme-missing = không thấy giao diện `{ $theme }` ở { $folder }
config-theme-missing-hint = tạo thư mục đó có templates/ và static/ bên trong, hoặc viết theme = "default" để dùng giao diện có sẵn
config-static-file = `{ $key }` ghi `{ $value }`, nhưng đó không phải một tệp trong static/
config-static-file-hint = đặt ảnh vào thư mục static/ của trang rồi viết đường dẫn tính từ đó, ví dụ { $key } = "/img/logo.svg"
config-menu-entry = một mục [[{ $key }]] có địa chỉ `{ $url }` không dùng được, hoặc chưa có tên
config-menu-entry-hint = mỗi mục cần name = "Văn bản" và url = "/van-ban/" (một đường dẫn trên cổng, hoặc địa chỉ https://)

## Mẫu trang (giao diện)
tpl-compile = mẫu trang viết sai: { $detail }
tpl-compile-hint = sửa cú pháp mẫu ở chỗ được chỉ ra ({"{{"} {"}}"} cho giá trị, {"{%"} {"%}"} cho lệnh, mỗi {"{%"} block {"%}"} đóng bằng {"{%"} endblock {"%}"})
tpl-recursion = các mẫu trang gọi lẫn nhau không dừng ({ $path }); dựng trang sẽ tràn bộ nhớ ngăn xếp
tpl-recursion-hint = cắt vòng lặp: một mẫu không được tự chèn chính nó, một macro không được tự gọi chính nó (trực tiếp hay qua macro khác)
tpl-overdue = đã dừng dựng { $page }: quá { $limit } giây (đã chạy { $elapsed } giây)
tpl-overdue-hint = mẫu trang làm quá nhiều việc cho một trang: tìm các vòng lặp lồng nhau ({"{%"} for {"%}"} trong {"{%"} for {"%}"}) lớn không giới hạn và giới hạn chúng
tpl-memory = đã dừng dựng { $page }: dùng quá { $budget } MB bộ nhớ ({ $start } MB lúc bắt đầu, { $now } MB lúc dừng)
tpl-memory-hint = mẫu trang tạo một giá trị lớn dần không dừng (chuỗi hay danh sách tự nhân đôi trong vòng lặp, `~` hay `concat` với chính nó): hãy giới hạn nó
tpl-not-utf8 = dựng { $page } ra chữ không phải UTF-8
tpl-not-utf8-hint = kiểm tra các bộ lọc (filter) mà mẫu trang dùng
tpl-stopped = đã dừng dựng { $page }: { $why }
tpl-stopped-hint = mẫu trang làm quá nhiều việc cho một trang: tìm range() hay vòng lặp lớn không giới hạn và giới hạn nó
tpl-failed = không dựng được { $page }: { $detail }
tpl-failed-hint = kiểm tra mẫu trang: có thể trang này thiếu một giá trị mà mẫu dùng; bao các giá trị không bắt buộc bằng {"{%"} if x {"%}"}
tpl-file-not-utf8 = tệp mẫu trang không phải văn bản UTF-8
tpl-file-not-utf8-hint = lưu lại tệp dạng UTF-8

## Ảnh
img-unreadable = không đọc được tệp ảnh: { $error }
img-undecodable = không mở được ảnh ({ $error }); lưu lại ảnh dạng JPEG hoặc PNG
img-encode-failed = không ghi được ảnh JPEG: { $error }
img-failed-key = `{ $key }`: { $why }
img-failed-body = một ảnh trong nội dung: { $why }
img-failed-hint = dùng ảnh JPEG, PNG hoặc WebP; nếu ảnh bị hỏng, mở bằng chương trình sửa ảnh rồi lưu lại

## Dựng trang và ghi ra thư mục xuất
search-err-glossary = { $path }: bảng từ viết tắt không hợp lệ: { $message }. Sửa tệp theo mẫu glossary.toml của giao diện mặc định (themes/default/glossary.toml): mỗi nhóm là một danh sách các cách viết cùng nghĩa
search-err-index = { $path }: chỉ mục tìm kiếm: { $detail }
search-err-no-index = { $path }: chưa có chỉ mục tìm kiếm ở đây; hãy chạy `thidua build` trước
search-err-damaged = { $path }: chỉ mục tìm kiếm bị hỏng ({ $message }); hãy chạy lại `thidua build`
search-err-other-version = chỉ mục do một phiên bản thidua khác ghi
search-failed = không dựng được chỉ mục tìm kiếm: { $detail }
output-generated-page = trang thidua tự tạo tại { $path }
output-default-theme-file = static/{ $path } của giao diện mặc định
output-collision-generated-hint = đổi tên hoặc xoá một trong hai tệp; các đường dẫn thidua tự tạo (sitemap.xml, atom.xml, robots.txt, 404.html, trang chuyên mục, _search/) không dùng cho tệp tĩnh
build-waiting-lock = một lần dựng khác đang ghi vào { $output }; chờ lần đó xong…

## thidua import
imp-day-blank = ngày ban hành để trống; `issued` lấy tháng { $issued }
imp-day-month-blank = ngày và tháng ban hành để trống; `issued` lấy năm { $issued }
imp-no-signer-name = không thấy tên người ký; chỉ biết chức vụ "{ $title }" (`signer_title`)
imp-type-from-number = không thấy dòng tên loại văn bản; `doc_type` "{ $doc_type }" lấy từ số ký hiệu { $number }
imp-issuer-from-number = phần đầu văn bản không ghi cơ quan ban hành; `issuer` "{ $issuer }" lấy từ mã { $code } trong số ký hiệu
imp-number-blank = số văn bản để trống trong văn bản; `number` là "{ $number }"
imp-not-found = không tìm thấy { $what ->
    [number] số ký hiệu (`Số: …`)
    [type] tên loại văn bản (KẾ HOẠCH, BÁO CÁO, …)
    [title] trích yếu (tiêu đề)
    [issuer] cơ quan ban hành
    [date] ngày ban hành (`…, ngày … tháng … năm …`)
    [signer] người ký
   *[other] { $what }
  }
imp-legacy-encoding = văn bản gõ bằng bảng mã cũ { $encoding } (phông { $fonts }…) đã được chuyển sang Unicode; hãy đối chiếu với bản gốc
imp-title-from-file = không thấy trích yếu; tiêu đề lấy theo tên tệp "{ $name }"
imp-title-from-file-hint = sửa `title` trong tệp index.md vừa ghi
imp-read = không đọc được tệp: { $error }
imp-read-hint = kiểm tra tệp có tồn tại và đọc được không
imp-docx = { $detail }
imp-docx-hint = mở tệp bằng Word hoặc LibreOffice rồi lưu lại thành .docx (Word Document)
imp-not-utf8 = tệp không phải văn bản UTF-8 (byte sai đầu tiên ở vị trí { $offset })
imp-not-utf8-hint = lưu lại văn bản dạng UTF-8 (trong Notepad: Lưu thành → Mã hoá: UTF-8)
imp-binary = đây là tệp nhị phân, không phải văn bản (có byte NUL)
imp-binary-hint = nhập tệp .docx gốc, hoặc chép chữ vào một tệp .txt dạng UTF-8
imp-not-a-file = không phải một tệp thông thường (thiết bị, ống dẫn hay thư mục)
imp-not-a-file-hint = hãy chỉ ra chính tệp văn bản (.docx, .pdf, .txt, .md) hoặc thư mục chứa chúng
imp-too-large = tệp lớn hơn { $limit } MiB, mức tối đa mà thidua import đọc
imp-too-large-hint = một văn bản hành chính hiếm khi quá vài MiB: kiểm tra đúng tệp chưa, hoặc tách phụ lục thành tệp riêng
imp-legacy-doc = đây là tệp Word 97–2003 (.doc), thidua không đọc được định dạng cũ này
imp-legacy-doc-hint = mở tệp bằng Word hoặc LibreOffice và lưu lại thành .docx (Word Document), rồi nhập tệp .docx
imp-unsupported = không nhập được tệp `.{ $ext }`
imp-unsupported-hint = nhập tệp .docx, .pdf, .txt hoặc .md, hoặc một thư mục chứa chúng
imp-empty = văn bản không có chữ nào
imp-empty-hint = kiểm tra xem có đúng tệp không
imp-no-campaign = không có phong trào `{ $slug }` trong content/phong-trao/
imp-campaigns-are = tên các phong trào là tên tệp trong content/phong-trao/: { $list }
imp-write = không ghi được: { $error }
imp-write-hint = kiểm tra quyền ghi và chỗ trống trên đĩa
docx-not-zip = đây không phải tệp .docx (không phải tệp nén zip: { $detail })
docx-no-document = tệp nén zip không có word/document.xml, nên không phải văn bản Word
docx-part = không đọc được { $part } trong tệp nén: { $detail }
docx-part-too-large = { $part } giải nén ra hơn { $limit } MiB, mức tối đa mà thidua import đọc
docx-truncated = { $part } bị cắt cụt: hết tệp khi { $open } phần tử còn chưa đóng (đầu tiên là <{ $first }>)
docx-xml = { $part } có XML viết sai ở byte { $offset }: { $detail }
pdf-broken = không đọc được tệp PDF: { $why }
pdf-broken-hint = mở tệp bằng trình đọc PDF để kiểm tra; nếu có bản .docx của văn bản, hãy nhập bản đó
pdf-encrypted = tệp PDF được bảo vệ bằng mật khẩu
pdf-encrypted-hint = xin bản không đặt mật khẩu, hoặc nhập bản .docx của văn bản
pdf-too-many-pages = tệp PDF có { $pages } trang, quá mức { $limit } trang mà thidua import đọc
pdf-too-large = tệp PDF chứa quá nhiều dữ liệu ({ $what ->
    [stream] luồng nén
   *[text] chữ
  }); thidua import không đọc cắt cụt
pdf-parser-stopped = tệp hỏng (trình phân tích dừng bất thường)
pdf-no-header = tệp không bắt đầu bằng %PDF
pdf-too-large-hint = tách phụ lục dài thành tệp riêng, hoặc nhập bản .docx của văn bản
pdf-stamp = chữ ký số trên tệp PDF: ký bởi { $signer }, thời gian ký { $time } (đã bỏ khỏi nội dung)
pdf-issued-from-stamp = ngày ban hành để trống; `issued` lấy ngày ký số { $date }
pdf-undiacritised = chữ trong tệp PDF gần như không có dấu tiếng Việt: có lẽ là chữ nhận dạng (OCR) từ bản quét, các trường đọc được không đáng tin; hãy nhập bản .docx hoặc bản PDF xuất từ Word
imp-undiacritised = văn bản gần như không có dấu tiếng Việt: chỉ các chữ cố định của thể thức (Số, ngày … tháng … năm, Kính gửi, Nơi nhận, tên loại, chức vụ người ký) được thêm dấu; tên người, trích yếu và nội dung giữ nguyên như trong tệp, hãy sửa lại cho có dấu
pdf-scanned = tệp PDF này ({ $pages } trang) không có lớp chữ (là bản quét): chỉ đính kèm tệp gốc, nội dung để trống
pdf-scanned-hint = gõ lại số, ngày, người ký, trích yếu vào index.md, hoặc nhập bản .docx/.pdf có chữ của văn bản này

## Dòng tiến độ và tổng kết của các lệnh
build-failed-summary = { $errors } lỗi, { $warnings } cảnh báo; chưa ghi gì, bản xuất trước vẫn giữ nguyên
build-output-failed = ghi bản xuất không thành (bản xuất trước vẫn nguyên vẹn): { $detail }
build-done = { $unchanged ->
    [yes] không có gì thay đổi từ lần dựng trước, giữ nguyên
   *[no] đã dựng
  } { $records } bài thành { $pages } trang ({ $files } tệp) trong { $ms } ms → { $output }{ $warnings ->
    [0] {""}
   *[other] , { $warnings } cảnh báo
  }
stage-load = đọc và kiểm tra nội dung
stage-index = dựng chỉ mục tìm kiếm
stage-images = thu nhỏ ảnh
stage-render = dựng các trang
stage-write = ghi ra thư mục xuất
build-no-interrupt-handler = không cài được xử lý Ctrl-C ({ $error }); thư mục tạm sẽ được dọn ở lần dựng sau
build-interrupted = đã dừng: thư mục tạm đã được xoá, bản xuất trước vẫn giữ nguyên
check-scheduled = hẹn đăng: { $path } có ngày { $date }, sẽ được đăng vào ngày đó (thêm --future để xem trước)
check-ok = tốt: { $records } bài, không có lỗi, { $warnings } cảnh báo
imp-row-existing = đã có trong trang: { $record } (cùng số và cơ quan ban hành); không nhập lại
imp-row-merged = cùng văn bản với { $primary }: gộp thành một bản ghi, đính kèm cả hai tệp
imp-existing = văn bản này đã có trong trang ({ $record }), cùng số và cơ quan ban hành; không nhập lại
imp-existing-hint = sửa bài đã có nếu cần; muốn nhập lại thì xoá thư mục của bài đó trước
imp-slug-taken = lưu ý: content/van-ban/{ $wanted } đã có; dùng tên `{ $slug }` thay thế
imp-wrote = đã ghi { $dir }/index.md và { $files }
imp-would-write = sẽ ghi { $dir }/index.md và { $dir }/{ $attachment }:
imp-report-failed = { $path }: không ghi được báo cáo: { $error }
imp-report = báo cáo: { $path }
imp-summary = { $dry_run ->
    [yes] sẽ nhập
   *[no] đã nhập
  } { $done } văn bản, { $failed } không nhập được{ $merged ->
    [0] {""}
   *[other] , { $merged } bản trùng được gộp
  }{ $existing ->
    [0] {""}
   *[other] , { $existing } văn bản đã có trong trang
  }
search-no-results = Không có kết quả cho “{ $query }”.
search-missing = Không có: { $words }
search-write-failed = không ghi được kết quả: { $error }
serve-listening = Trang xem thử: http://{ $addr }/ (bấm Ctrl+C để dừng)
serve-listen-failed = không mở được cổng { $addr }: { $error }
serve-watch-failed = không theo dõi được thư mục trang: { $error }

## Trợ giúp dòng lệnh: các tuỳ chọn còn lại
help-check-json = In các thông báo dạng JSON (mỗi thông báo kèm mã `id`)
help-search-output = Thư mục xuất mà lần dựng trước đã ghi (mặc định <thư mục trang>/public)
help-search-limit = Số kết quả nhiều nhất
help-search-json = In kết quả dạng mảng JSON
help-search-kind = Chỉ một loại: campaign, person, news, document, page
help-search-campaign = Chỉ các bài của phong trào này (tên tệp trong content/phong-trao/)
help-search-ethnicity = Chỉ dân tộc này (viết kiểu nào cũng được)
help-search-district = Chỉ huyện này
help-search-year = Chỉ năm này
help-import-report = Ghi thêm báo cáo (tệp, loại, số, ngày, người ký, trích yếu, cảnh báo) dạng CSV vào tệp này
help-flag-help = In trợ giúp
help-flag-version = In phiên bản

## Thư mục xuất
refusal = không ghi vào thư mục xuất { $path }: { $reason }
    { "  " }gợi ý: { $hint }
refusal-elsewhere-hint = chọn một thư mục chưa có hoặc đang trống, ví dụ --output <thư mục trang>/public
refusal-is-root = đó là chính thư mục trang (nơi có config.toml và content/); dựng trang sẽ xoá mất nguồn
refusal-holds-root = thư mục này chứa thư mục trang { $root }; dựng trang sẽ xoá mất nguồn
refusal-in-sources = thư mục này nằm trong { $folder }/ ({ $folder ->
    [content] nội dung
    [static] tệp tĩnh
   *[themes] giao diện
  } của trang)
refusal-in-cache = thư mục này nằm trong bộ nhớ đệm .thidua-cache
refusal-unreadable = không đọc được đường dẫn: { $error }
refusal-dangling-link = đây là liên kết tới { $target }, nơi chưa có thư mục
refusal-dangling-link-hint = tạo thư mục đích của liên kết trước (mkdir), hoặc xoá liên kết
refusal-a-file = ở đó đã có một tệp, không phải thư mục
refusal-foreign = thư mục đã có nội dung mà thidua không viết ra (ví dụ: { $example }); dựng trang sẽ xoá hết
refusal-foreign-hint = chọn một thư mục chưa có hoặc đang trống; nếu đúng là muốn đăng vào đây, hãy tự chuyển nội dung cũ đi nơi khác rồi dựng lại
refusal-via-link = { $reason } (đường dẫn trỏ tới { $target })
refusal-no-name = đường dẫn không có tên thư mục
output-escape = không ghi ra ngoài thư mục xuất: { $path }
output-unusable = thư mục xuất { $path } không dùng được: { $why }
output-generated-file = một tệp do thidua tạo ra

serve-accept-failed = không nhận được kết nối: { $error }
serve-thread-failed = không mở được luồng cho kết nối: { $error }
serve-search-panicked = việc dựng chỉ mục tìm kiếm bị lỗi giữa chừng; trang tìm kiếm giữ chỉ mục cũ
serve-no-low-priority = không hạ được mức ưu tiên của việc dựng chỉ mục tìm kiếm
serve-reindexer-stopped = việc dựng lại chỉ mục tìm kiếm đã dừng; khởi động lại thidua serve để tìm kiếm theo kịp nội dung
serve-rebuild-stopped = việc dựng lại trang đã dừng; khởi động lại thidua serve

fm-yaml-not-mapping = phần khai báo phải là các dòng `khoá: giá trị`
tpl-why-time = quá { $limit } giây
tpl-why-output = trang dựng ra hơn { $limit } MB
ext-host-not-found = không tìm thấy máy chủ
ext-timed-out = quá thời gian chờ
ext-refused = máy chủ từ chối kết nối
imp-folder-exists = thư mục của bài đã có

## thidua serve
serve-built = Đã dựng { $files } tệp trong { $ms } ms
serve-rebuilt = Đã cập nhật { $files } tệp trong { $ms } ms
serve-failed = Có { $errors } lỗi (xem bên trên); trang xem thử giữ bản tốt gần nhất cho đến khi sửa xong
serve-search-updated = Đã cập nhật chỉ mục tìm kiếm trong { $ms } ms
serve-editor-open = Trình biên tập (giữ Ctrl và bấm vào địa chỉ dưới đây; địa chỉ này là chìa khoá, đừng gửi cho người khác):
serve-editor-off = Trình biên tập tắt: { $addr } không phải địa chỉ nội bộ của máy này (chạy thidua serve không có --interface để dùng nó)

## Thanh "Sửa trang này" trong trang xem thử
bar-label = Công cụ biên tập
bar-edit = Sửa trang này
bar-draft = BẢN NHÁP
bar-scheduled = Hẹn đăng ngày { $date }

## Trình biên tập
ed-app = Biên tập trang thông tin
ed-nav-label = Trình biên tập
ed-nav-home = Danh sách bài
ed-nav-new = Thêm { $kind }
ed-nav-guide = Hướng dẫn
ed-nav-site = Xem trang web
ed-home-title = Các bài trên trang
ed-none = Chưa có bài nào.
ed-filter-search = Tìm
ed-filter-kind = Loại
ed-filter-state = Trạng thái
ed-filter-all = Tất cả
ed-filter-errors = Chỉ bài có lỗi
ed-filter-button = Lọc
ed-state-draft = Bản nháp
ed-state-published = Đã đăng
ed-state-scheduled = Hẹn đăng
ed-state-broken = Không đọc được
ed-col-title = Tên bài
ed-col-date = Ngày
ed-col-state = Trạng thái
ed-col-problems = Vấn đề
ed-error = Lỗi
ed-warning = Lưu ý
ed-line = dòng { $line }
ed-required = bắt buộc
ed-or = hoặc
ed-new-title = Thêm { $kind }
ed-edit-title = Sửa: { $title }
ed-body = Nội dung
ed-toolbar = Định dạng nội dung
ed-preview = Xem trước
ed-view-page = Xem trang này trên trang xem thử
ed-save = Lưu
ed-saved = Đã lưu. Trang xem thử tự cập nhật sau vài giây.
ed-saved-with-errors = Đã lưu bản nháp, nhưng bài còn lỗi: trang xem thử và thidua build dừng ở lỗi này cho đến khi sửa xong.
ed-delete = Xoá bài
ed-delete-title = Xoá bài “{ $title }”?
ed-delete-explain = Tệp { $path } sẽ được chuyển vào thư mục thung-rac/ của trang (không mất hẳn; chép về chỗ cũ để lấy lại).
ed-delete-confirm = Đồng ý chuyển vào thùng rác
ed-delete-unconfirmed = Chưa xác nhận xoá; không làm gì.
ed-deleted = Đã chuyển bài vào { $path }.
ed-cancel = Không xoá
ed-back-home = Về danh sách bài
ed-picker-search = Gõ để tìm…
ed-picker-search-label = Tìm trong { $what }
ed-picker-unknown = không có trên trang
ed-upload-title = Ảnh và tệp đính kèm
ed-upload-help = Ảnh JPG, PNG, WebP, GIF đến 15 MB; tệp PDF, Word, Excel đến 30 MB. Tên tệp do chương trình đặt; bài thành bài dạng thư mục.
ed-upload-photo = Chọn ảnh
ed-upload-alt = Mô tả ảnh (bắt buộc khi có ảnh)
ed-upload-alt-help = một câu nói trong ảnh có gì, cho người không nhìn thấy ảnh
ed-upload-caption = Chú thích ảnh
ed-upload-file = Tệp đính kèm
ed-yaml-convert = Chuyển phần khai báo của tệp này sang TOML (cần để lưu thay đổi các trường)
ed-yaml-needs-consent = Tệp này khai báo bằng YAML. Để lưu thay đổi các trường, đánh dấu "Chuyển phần khai báo sang TOML" rồi lưu lại (nội dung không đổi).
ed-unreadable = Không đọc được phần khai báo của tệp: { $message }
ed-conflict = Không lưu: tệp đã bị sửa ở nơi khác sau khi bạn mở biểu mẫu. Bản trên đĩa ở dưới; biểu mẫu giữ bản của bạn. Chép phần cần giữ rồi bấm Lưu để ghi bản của bạn.
ed-conflict-disk = Bản hiện có trên đĩa
ed-has-errors = Chưa lưu: bài có lỗi (xem bên cạnh các ô). Sửa lỗi, hoặc đánh dấu Bản nháp để lưu tạm.
ed-write-failed = Không ghi được tệp: { $message }
ed-exists = Đã có bài với địa chỉ { $slug }; chọn tiêu đề khác, hoặc sửa bài đó.
ed-refused = Không được phép
ed-refused-cookie = Trình duyệt này chưa được mở khoá. Mở địa chỉ trình biên tập mà lệnh thidua serve in ra (dòng có ?khoa=).
ed-refused-host = Yêu cầu gửi đến một tên máy lạ; trình biên tập chỉ trả lời địa chỉ 127.0.0.1 hoặc localhost.
ed-refused-origin = Yêu cầu đến từ một trang khác; trình biên tập chỉ nhận biểu mẫu của chính nó.
ed-bad-request = Yêu cầu không đọc được.
ed-bad-method = Trình biên tập chỉ nhận GET và POST.
ed-too-large = Tệp gửi lên quá lớn.
ed-not-found = Không tìm thấy
ed-not-found-text = Trình biên tập không có trang này.
ed-unknown-section = Không có mục “{ $section }”: dùng phong-trao, dien-hinh, tin-tuc, van-ban hoặc trang.
ed-bad-path = Không sửa được “{ $path }”: chỉ sửa được tệp .md trong thư mục content/.
ed-import-title = Nhập từ tệp Word hoặc PDF
ed-import-help = Kéo tệp .docx, .pdf hoặc .txt thả vào trang này, hoặc chọn tệp rồi bấm Nhập. Bạn sẽ kiểm tra các trường trước khi lưu.
ed-import-choose = Chọn tệp
ed-import-button = Nhập
ed-import-none = Chưa chọn tệp nào để nhập.
ed-import-failed = Không nhập được
ed-import-review = Kiểm tra văn bản nhập từ { $file }
ed-import-found = Đã đọc tệp; kiểm tra và sửa các trường rồi bấm Lưu ({ $count } lưu ý).

## Tải tệp lên
up-bad-name = Tên tệp “{ $name }” không được nhận: tên tệp không được chứa /, \ hay ..
up-bad-type = Tệp “{ $name }” không thuộc loại được nhận ({ $allowed }).
up-too-large = Tệp “{ $name }” lớn hơn { $mb } MB.
up-not-a-photo = Tệp “{ $name }” không phải là ảnh.
up-alt-required = Ảnh “{ $name }” cần mô tả ảnh: gõ một câu nói trong ảnh có gì.

## Trợ giúp dòng lệnh (thidua --help)
help-about = Dựng trang thông tin của Ban Dân tộc tỉnh từ các tệp trong content/.
help-usage = Cách dùng
help-commands = Lệnh
help-arguments = Tham số
help-options = Tuỳ chọn
help-build = Dựng trang vào thư mục xuất (mặc định public/)
help-check = Đọc và kiểm tra mọi bài; không ghi gì
help-search = Tìm trong chỉ mục mà lần dựng trước đã ghi
help-import = Chuyển văn bản (.docx, .pdf, .txt, .md, hoặc cả thư mục) thành bài văn bản (van-ban)
help-new = Tạo bài mới có sẵn phần khai báo và lời chỉ dẫn
help-serve = Xem thử trang và mở trình biên tập; tự dựng lại khi có thay đổi
help-build-root = Thư mục của trang (có config.toml và content/)
help-check-root = Thư mục của trang
help-new-root = Thư mục của trang
help-serve-root = Thư mục của trang
help-import-root = Thư mục của trang
help-search-root = Thư mục của trang
help-build-output = Nơi ghi trang (mặc định <thư mục trang>/public)
help-build-base-url = Thay [site] base_url, ví dụ http://localhost:8000/portal/
help-build-drafts = Dựng cả bài nháp (draft = true)
help-build-future = Dựng cả bài có ngày sau hôm nay
help-check-drafts = Kiểm tra cả bài nháp
help-check-future = Kiểm tra cả bài có ngày sau hôm nay
help-check-external = Kiểm tra cả liên kết ra ngoài (cần mạng)
help-new-kind = Loại bài: tin-tuc, phong-trao, dien-hinh, van-ban hoặc trang
help-new-title = Tiêu đề, có dấu; tên tệp được tạo từ tiêu đề
help-new-folder = Tạo bài dạng thư mục (<tên>/index.md) để đặt ảnh và tệp bên cạnh
help-serve-port = Cổng (0 để chọn một cổng trống)
help-serve-interface = Địa chỉ lắng nghe; ngoài 127.0.0.1, trình biên tập cần mật khẩu trong biến THIDUA_EDITOR_PASSWORD
help-serve-drafts = Hiện bài nháp (mặc định đã hiện)
help-serve-future = Hiện bài có ngày sau hôm nay (mặc định đã hiện)
help-serve-published-only = Chỉ hiện những gì thidua build đăng: không bài nháp, không bài hẹn ngày
help-import-campaign = Gắn các bài vào phong trào này (tên trong content/phong-trao/)
help-import-dry-run = Chỉ cho xem sẽ ghi gì; không ghi
help-import-files = Các tệp văn bản cần nhập, hoặc thư mục để nhập mọi văn bản trong đó
help-search-query = Điều cần tìm, gõ như người đọc gõ

## Bảng chỉ tiêu
ed-ind-legend = Chỉ tiêu { $n }
ed-ind-name = Tên chỉ tiêu
ed-ind-unit = Đơn vị
ed-ind-target = Mục tiêu (số)
ed-ind-rows = Số liệu theo kỳ (để trống dòng không dùng)
ed-ind-period = Kỳ
ed-ind-value = Giá trị
ed-ind-period-row = Chỉ tiêu { $n }, kỳ ở dòng { $row }
ed-ind-value-row = Chỉ tiêu { $n }, giá trị ở dòng { $row }

ed-district-near = huyện “{ $name }” chưa có trên trang, nhưng gần giống “{ $near }”
ed-district-near-hint = nếu là cùng một huyện, viết đúng như “{ $near }” (có hay không có chữ "huyện" đều được)
ed-campaign-unknown = không có phong trào “{ $slug }”; các phong trào trên trang: { $valid }
ed-campaign-suggest = có phải phong trào “{ $title }” ({ $slug })? Chọn nó trong danh sách
ed-campaign-pick = chọn phong trào trong danh sách thay vì gõ tay

## Trình biên tập: mật khẩu, nhập nhiều tệp, bản nháp có lỗi, gợi ý của thidua check, các trường mới
chk-campaign-unknown = `{ $key }` ghi phong trào “{ $slug }”, nhưng không có phong trào này; các phong trào của trang: { $valid }
chk-campaign-none = (trang chưa có phong trào nào)
chk-campaign-suggest = có phải phong trào “{ $title }” ({ $slug })? Viết { $key } = ["{ $slug }"] (tên tệp trong content/phong-trao/)
chk-campaign-pick = viết tên tệp (không có .md) của một phong trào trong content/phong-trao/, hoặc chọn phong trào trong trình biên tập
chk-district-near = huyện “{ $name }” gần giống huyện “{ $near }” mà các hồ sơ khác dùng
chk-district-near-hint = nếu là cùng một huyện, viết đúng như “{ $near }” (có hay không có chữ “huyện”, “thị xã”, “thành phố” đều được)
schema-image-alt = Mô tả ảnh đầu bài
schema-image-alt-help = tả điều ảnh cho thấy, cho người không xem được ảnh (bắt buộc khi có ảnh)
schema-image-caption = Chú thích ảnh đầu bài
schema-image-caption-help = dòng chữ hiện dưới ảnh
schema-image-credit = Nguồn ảnh đầu bài
schema-image-credit-help = ví dụ: Ảnh: Phòng Tuyên truyền
schema-photo-alt = Mô tả ảnh chân dung
schema-photo-alt-help = tả người trong ảnh, cho người không xem được ảnh (bắt buộc khi có ảnh)
schema-photo-caption = Chú thích ảnh chân dung
schema-photo-caption-help = dòng chữ hiện dưới ảnh
schema-photo-credit = Nguồn ảnh chân dung
schema-photo-credit-help = ví dụ: Ảnh: Phòng Tuyên truyền
schema-signer-title = Chức vụ người ký
schema-signer-title-help = ví dụ: Trưởng ban, Phó Chủ tịch UBND tỉnh
schema-field = Lĩnh vực
schema-field-help = ví dụ: Công tác dân tộc, Chính sách dân tộc
schema-status = Hiệu lực
schema-status-help = để “Tự tính” thì hiệu lực được tính từ ngày hiệu lực, ngày hết hiệu lực và văn bản thay thế
schema-status-auto = Tự tính theo ngày
schema-status-valid = Còn hiệu lực
schema-status-expired = Hết hiệu lực
schema-status-replaced = Bị thay thế
schema-effective = Ngày có hiệu lực
schema-effective-help = dd/mm/yyyy; để trống nếu có hiệu lực từ ngày ban hành
schema-expires = Ngày hết hiệu lực
schema-expires-help = dd/mm/yyyy; để trống nếu văn bản chưa hết hiệu lực
schema-replaced-by = Được thay thế bởi
schema-replaced-by-help = tên tệp (không có .md) của văn bản mới thay thế văn bản này, trong content/van-ban/
ed-login-title = Đăng nhập trình biên tập
ed-login-explain = Trình biên tập đang mở cho mạng nội bộ nên cần mật khẩu. Hỏi người quản trị mật khẩu đã đặt trong biến THIDUA_EDITOR_PASSWORD.
ed-login-password = Mật khẩu
ed-login-button = Đăng nhập
ed-login-wrong = Mật khẩu không đúng. Gõ lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).
ed-login-off = Chưa đặt mật khẩu nên không đăng nhập được từ máy khác; mở địa chỉ có ?khoa= mà thidua serve in ra.
serve-editor-password = Trình biên tập mở cho mạng tại { $addr }, cần mật khẩu (THIDUA_EDITOR_PASSWORD); trên máy này có thể mở:
serve-editor-needs-password = Trình biên tập tắt: { $addr } không phải địa chỉ nội bộ của máy này. Đặt mật khẩu trong biến THIDUA_EDITOR_PASSWORD để dùng nó từ máy khác, hoặc chạy thidua serve không có --interface.
ed-import-queue = Tệp { $n }/{ $total }: { $file }
ed-import-queue-label = Các tệp đang nhập
ed-import-queue-done = đã lưu
ed-import-queue-failed = không đọc được: { $message }
ed-import-queue-skip = Bỏ qua tệp này
ed-import-all-done = Đã xử lý hết { $total } tệp nhập.
ed-import-gone = Đợt nhập này không còn (trình biên tập đã khởi động lại hoặc đã xong). Thả tệp lại ở trang chủ.
bar-errors = { $count } lỗi, chỉ hiện khi xem thử: bài nháp này chưa đăng được
ed-draft-errors-kept = Bài nháp có lỗi vẫn được lưu; các trang khác vẫn xem thử được. Sửa các lỗi bên dưới trước khi bỏ chọn “Bản nháp”.
