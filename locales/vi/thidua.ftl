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
ed-import-title = Nhập từ tệp Word
ed-import-help = Kéo tệp .docx hoặc .txt thả vào trang này, hoặc chọn tệp rồi bấm Nhập. Bạn sẽ kiểm tra các trường trước khi lưu.
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
help-import = Chuyển văn bản (.docx, .txt, .md) thành bài văn bản (van-ban)
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
help-import-files = Các tệp văn bản cần nhập
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
