//! Vietnamese text the synthetic plans are made of: areas, target and task templates, budget item
//! titles, narrative paragraphs and names. Everything here is invented in the style of the bundled
//! Quảng Ngãi documents (the legal bases are real documents, cited by their real numbers).
//!
//! Placeholders, replaced by the generator: `{dv}` the level word ("tỉnh", "thành phố", "xã",
//! "phường", "đặc khu"), `{ten}` the unit's name ("xã Tân Thành"), `{v}` the goal value.

/// The 13 areas (lĩnh vực), in the order and with the ids of the bundled `content/areas.toml`.
pub const AREAS: [(&str, &str); 13] = [
    ("lanh-dao-chi-dao", "Lãnh đạo, chỉ đạo, kiểm tra, giám sát"),
    ("nhan-thuc-so", "Nhận thức số, truyền thông"),
    ("the-che-so", "Thể chế, chính sách số"),
    ("ha-tang-so", "Hạ tầng số"),
    ("nhan-luc-so", "Nhân lực số"),
    ("du-lieu-so", "Dữ liệu số"),
    ("nen-tang-so", "Nền tảng số"),
    ("an-toan-thong-tin", "An toàn thông tin mạng"),
    ("chinh-quyen-so", "Chính quyền số, dịch vụ công trực tuyến"),
    ("kinh-te-so", "Kinh tế số"),
    ("xa-hoi-so", "Xã hội số"),
    (
        "cong-nghe-hop-tac",
        "Nghiên cứu, hợp tác, ứng dụng công nghệ",
    ),
    ("to-chuc-thuc-hien", "Tổ chức thực hiện, nguồn lực"),
];

/// How a target is measured and compared.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Percent,
    Count,
    Milestone,
}

/// A target template. `cmp` is the comparator the wording implies; `values` the goal values a
/// plan may set (percent ≤ 100).
pub struct TargetT {
    pub area: usize,
    pub measure: Measure,
    pub text: &'static str,
    pub values: &'static [u32],
    pub cmp: &'static str,
    /// Short name used in the results section of a document ("tỷ lệ hồ sơ xử lý trên môi trường mạng").
    pub short: &'static str,
    pub province: bool,
    pub commune: bool,
}

#[allow(clippy::too_many_arguments)]
const fn t(
    area: usize,
    measure: Measure,
    text: &'static str,
    values: &'static [u32],
    cmp: &'static str,
    short: &'static str,
    province: bool,
    commune: bool,
) -> TargetT {
    TargetT {
        area,
        measure,
        text,
        values,
        cmp,
        short,
        province,
        commune,
    }
}

use Measure::*;

pub const TARGETS: &[TargetT] = &[
    t(
        0,
        Percent,
        "{v}% nhiệm vụ do Chính phủ, Thủ tướng Chính phủ và UBND {dv} giao được theo dõi, giám sát, đánh giá bằng dữ liệu số trên Hệ thống theo dõi nhiệm vụ",
        &[90, 95, 100],
        ">=",
        "nhiệm vụ được theo dõi, đánh giá bằng dữ liệu số",
        true,
        true,
    ),
    t(
        0,
        Milestone,
        "Ban hành Kế hoạch hoạt động năm 2025 của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của {dv}; phân công nhiệm vụ cho từng thành viên",
        &[],
        "",
        "kế hoạch hoạt động của Ban Chỉ đạo",
        true,
        true,
    ),
    t(
        1,
        Percent,
        "Tỷ lệ cán bộ, công chức, viên chức tham gia khóa học đại trà về kỹ năng số trên nền tảng học trực tuyến mở (MOOCs) đạt tối thiểu {v}%",
        &[70, 80, 85, 90],
        ">=",
        "cán bộ, công chức tham gia khóa học kỹ năng số",
        true,
        true,
    ),
    t(
        1,
        Count,
        "Tổ chức ít nhất {v} đợt tuyên truyền, phổ biến về chuyển đổi số và phong trào “Bình dân học vụ số” trên địa bàn {dv} trong năm 2025",
        &[4, 6, 8, 12],
        ">=",
        "đợt tuyên truyền về chuyển đổi số",
        true,
        true,
    ),
    t(
        2,
        Milestone,
        "Ban hành đầy đủ quy chế quản lý, vận hành, khai thác các hệ thống thông tin, nền tảng số dùng chung của {dv} đáp ứng mô hình chính quyền địa phương hai cấp",
        &[],
        "",
        "quy chế quản lý, vận hành hệ thống thông tin",
        true,
        true,
    ),
    t(
        2,
        Percent,
        "{v}% chế độ báo cáo định kỳ của {dv} được thực hiện trên Hệ thống thông tin báo cáo, không sử dụng văn bản giấy",
        &[80, 90, 100],
        ">=",
        "chế độ báo cáo thực hiện trên hệ thống thông tin báo cáo",
        true,
        false,
    ),
    t(
        3,
        Percent,
        "Tỷ lệ hộ gia đình trên địa bàn {dv} có khả năng tiếp cận Internet cáp quang băng rộng đạt {v}%",
        &[85, 90, 95, 100],
        ">=",
        "hộ gia đình tiếp cận Internet cáp quang",
        true,
        true,
    ),
    t(
        3,
        Percent,
        "Tỷ lệ thôn, tổ dân phố được phủ sóng băng rộng di động 4G/5G đạt {v}%",
        &[95, 98, 100],
        ">=",
        "thôn, tổ dân phố phủ sóng 4G/5G",
        true,
        true,
    ),
    t(
        3,
        Count,
        "Số điểm truy cập Wi-Fi công cộng miễn phí tại trung tâm hành chính, nơi công cộng trên địa bàn {dv} đạt ít nhất {v} điểm",
        &[5, 10, 20, 30],
        ">=",
        "điểm Wi-Fi công cộng miễn phí",
        false,
        true,
    ),
    t(
        3,
        Count,
        "Số trạm phát sóng 5G được đầu tư mới trên địa bàn {dv} trong năm 2025 đạt ít nhất {v} trạm",
        &[150, 200, 300, 450, 600],
        ">=",
        "trạm phát sóng 5G đầu tư mới",
        true,
        false,
    ),
    t(
        4,
        Percent,
        "Tỷ lệ cán bộ, công chức làm công tác chuyển đổi số, công nghệ thông tin được bồi dưỡng, tập huấn chuyên sâu đạt {v}%",
        &[80, 90, 100],
        ">=",
        "cán bộ chuyên trách được bồi dưỡng chuyên sâu",
        true,
        true,
    ),
    t(
        4,
        Count,
        "Số Tổ công nghệ số cộng đồng được kiện toàn, hoạt động thường xuyên trên địa bàn {dv} đạt {v} tổ",
        &[8, 10, 12, 15, 20],
        ">=",
        "Tổ công nghệ số cộng đồng hoạt động thường xuyên",
        false,
        true,
    ),
    t(
        5,
        Percent,
        "Tỷ lệ kết quả giải quyết thủ tục hành chính còn hiệu lực được số hóa, tái sử dụng đạt {v}%",
        &[80, 90, 100],
        ">=",
        "kết quả giải quyết TTHC được số hóa",
        true,
        true,
    ),
    t(
        5,
        Count,
        "Số bộ dữ liệu mở được công bố trên Cổng dữ liệu mở của {dv} đạt ít nhất {v} bộ",
        &[30, 50, 80, 120],
        ">=",
        "bộ dữ liệu mở được công bố",
        true,
        false,
    ),
    t(
        5,
        Percent,
        "Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ qua Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) của {dv} đạt {v}%",
        &[70, 80, 90, 100],
        ">=",
        "cơ sở dữ liệu chuyên ngành kết nối qua LGSP",
        true,
        false,
    ),
    t(
        5,
        Percent,
        "Tỷ lệ hồ sơ hộ tịch, đất đai trên địa bàn {dv} được số hóa, cập nhật vào cơ sở dữ liệu đạt {v}%",
        &[90, 95, 100],
        ">=",
        "hồ sơ hộ tịch, đất đai được số hóa",
        false,
        true,
    ),
    t(
        6,
        Percent,
        "{v}% cơ quan, đơn vị sử dụng nền tảng họp trực tuyến, phòng họp không giấy dùng chung của {dv}",
        &[90, 100],
        ">=",
        "cơ quan sử dụng phòng họp không giấy",
        true,
        true,
    ),
    t(
        6,
        Percent,
        "{v}% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật) dưới dạng điện tử, được ký số",
        &[95, 98, 100],
        ">=",
        "văn bản điện tử được ký số",
        true,
        true,
    ),
    t(
        7,
        Percent,
        "{v}% hệ thống thông tin của cơ quan nhà nước trên địa bàn {dv} được phê duyệt cấp độ và triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ",
        &[90, 100],
        ">=",
        "hệ thống thông tin được phê duyệt cấp độ an toàn",
        true,
        true,
    ),
    t(
        7,
        Count,
        "Tổ chức ít nhất {v} cuộc diễn tập thực chiến bảo đảm an toàn thông tin mạng trong năm 2025",
        &[1, 2, 3],
        ">=",
        "cuộc diễn tập an toàn thông tin",
        true,
        false,
    ),
    t(
        8,
        Percent,
        "Cung cấp dịch vụ công trực tuyến toàn trình đạt tỷ lệ {v}% thủ tục hành chính có đủ điều kiện",
        &[80, 90, 95, 100],
        ">=",
        "thủ tục hành chính cung cấp trực tuyến toàn trình",
        true,
        true,
    ),
    t(
        8,
        Percent,
        "Hồ sơ trực tuyến toàn trình của các dịch vụ công trực tuyến đạt tỷ lệ trung bình tối thiểu {v}%",
        &[50, 60, 70, 80],
        ">=",
        "hồ sơ trực tuyến toàn trình",
        true,
        true,
    ),
    t(
        8,
        Percent,
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước) đạt {v}%",
        &[70, 80, 90],
        ">=",
        "hồ sơ công việc xử lý trên môi trường mạng",
        true,
        true,
    ),
    t(
        8,
        Percent,
        "Tỷ lệ người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính đạt trên {v}%",
        &[85, 90, 95],
        ">",
        "mức độ hài lòng của người dân, doanh nghiệp",
        true,
        true,
    ),
    t(
        8,
        Percent,
        "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt {v}%",
        &[100],
        "=",
        "cấp kết quả giải quyết TTHC điện tử",
        true,
        true,
    ),
    t(
        9,
        Percent,
        "Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP) của {dv} đạt tối thiểu {v}%",
        &[10, 12, 15, 18, 20],
        ">=",
        "tỷ trọng kinh tế số trong GRDP",
        true,
        false,
    ),
    t(
        9,
        Percent,
        "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt trên {v}%",
        &[40, 50, 60],
        ">",
        "doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
        true,
        true,
    ),
    t(
        9,
        Count,
        "Số hộ sản xuất, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử đạt ít nhất {v} hộ, hợp tác xã",
        &[20, 30, 50, 80],
        ">=",
        "hộ, hợp tác xã bán hàng trên sàn thương mại điện tử",
        false,
        true,
    ),
    t(
        10,
        Percent,
        "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt {v}%",
        &[75, 80, 85, 90],
        ">=",
        "dân số trưởng thành có tài khoản thanh toán điện tử",
        true,
        true,
    ),
    t(
        10,
        Percent,
        "Tỷ lệ dân số trưởng thành được cấp chứng thư chữ ký số, chứng thư chữ ký điện tử đạt trên {v}%",
        &[40, 50, 60],
        ">",
        "dân số trưởng thành có chữ ký số",
        true,
        true,
    ),
    t(
        10,
        Percent,
        "Tỷ lệ người dân có hồ sơ sức khỏe điện tử, tích hợp trên ứng dụng VNeID đạt {v}%",
        &[90, 95, 100],
        ">=",
        "người dân có hồ sơ sức khỏe điện tử",
        true,
        true,
    ),
    t(
        10,
        Percent,
        "Tỷ lệ cơ sở giáo dục công lập triển khai thu học phí không dùng tiền mặt đạt {v}%",
        &[100],
        "=",
        "trường học thu học phí không dùng tiền mặt",
        true,
        true,
    ),
    t(
        11,
        Count,
        "Triển khai thí điểm ít nhất {v} mô hình ứng dụng trí tuệ nhân tạo (AI) trong hoạt động của cơ quan nhà nước",
        &[2, 3, 5],
        ">=",
        "mô hình ứng dụng trí tuệ nhân tạo",
        true,
        false,
    ),
    t(
        12,
        Percent,
        "{v}% cơ quan, đơn vị ban hành kế hoạch chuyển đổi số năm 2025 và bố trí kinh phí thực hiện",
        &[100],
        "=",
        "cơ quan ban hành kế hoạch chuyển đổi số",
        true,
        false,
    ),
];

/// A task template: the lead is a department role (see `DEPARTMENTS`) at province level; at commune
/// level the commune leads. `timeframes` are (value, words of the document).
pub struct TaskT {
    pub area: usize,
    pub title: &'static str,
    pub lead: &'static str,
    pub coord: &'static [&'static str],
    pub province: bool,
    pub commune: bool,
}

const fn k(
    area: usize,
    title: &'static str,
    lead: &'static str,
    coord: &'static [&'static str],
    province: bool,
    commune: bool,
) -> TaskT {
    TaskT {
        area,
        title,
        lead,
        coord,
        province,
        commune,
    }
}

pub const TASKS: &[TaskT] = &[
    k(
        0,
        "Kiện toàn Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của {dv}; ban hành quy chế hoạt động và phân công nhiệm vụ cho các thành viên",
        "vp",
        &["khcn", "nv"],
        true,
        true,
    ),
    k(
        0,
        "Tổ chức kiểm tra, đánh giá việc thực hiện nhiệm vụ chuyển đổi số tại các cơ quan, đơn vị; công bố kết quả đánh giá mức độ chuyển đổi số năm 2025",
        "khcn",
        &["vp", "sbn"],
        true,
        true,
    ),
    k(
        0,
        "Đưa chỉ tiêu chuyển đổi số vào đánh giá, xếp loại thi đua, khen thưởng hằng năm của cơ quan, đơn vị và người đứng đầu",
        "nv",
        &["khcn", "sbn"],
        true,
        true,
    ),
    k(
        0,
        "Định kỳ hằng quý báo cáo kết quả thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương trên Hệ thống thông tin báo cáo",
        "vp",
        &["khcn"],
        true,
        true,
    ),
    k(
        1,
        "Tổ chức tuyên truyền về chuyển đổi số trên Cổng thông tin điện tử, trang mạng xã hội chính thức và hệ thống truyền thanh cơ sở của {dv}",
        "vh",
        &["khcn", "xa"],
        true,
        true,
    ),
    k(
        1,
        "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 với các hoạt động trải nghiệm dịch vụ công trực tuyến, thanh toán số, chữ ký số cho người dân",
        "khcn",
        &["vh", "xa", "dn"],
        true,
        true,
    ),
    k(
        1,
        "Triển khai phong trào “Bình dân học vụ số”, phổ cập kỹ năng số cơ bản cho người dân tại thôn, tổ dân phố",
        "gd",
        &["khcn", "xa"],
        true,
        true,
    ),
    k(
        1,
        "Xây dựng chuyên mục chuyển đổi số trên Báo và Phát thanh, Truyền hình; phát hành cẩm nang kỹ năng số cho cán bộ cấp xã",
        "vh",
        &["khcn"],
        true,
        false,
    ),
    k(
        2,
        "Rà soát, sửa đổi các quy chế quản lý, vận hành hệ thống thông tin dùng chung cho phù hợp mô hình chính quyền địa phương hai cấp",
        "khcn",
        &["vp", "sbn"],
        true,
        true,
    ),
    k(
        2,
        "Ban hành danh mục cơ sở dữ liệu dùng chung, cơ sở dữ liệu chuyên ngành và kế hoạch xây dựng, cập nhật dữ liệu của {dv}",
        "khcn",
        &["sbn"],
        true,
        false,
    ),
    k(
        2,
        "Cắt giảm các chế độ báo cáo đã được thay thế bằng dữ liệu số sẵn có trên các hệ thống thông tin, cơ sở dữ liệu",
        "vp",
        &["sbn", "xa"],
        true,
        true,
    ),
    k(
        2,
        "Ban hành quy định về quản lý, chia sẻ, khai thác dữ liệu mở của cơ quan nhà nước trên địa bàn {dv}",
        "khcn",
        &["tc", "sbn"],
        true,
        false,
    ),
    k(
        3,
        "Phối hợp các doanh nghiệp viễn thông phủ sóng di động 4G/5G tại các thôn, bản còn vùng lõm sóng",
        "khcn",
        &["dn", "xa"],
        true,
        true,
    ),
    k(
        3,
        "Nâng cấp đường truyền mạng chuyên dùng thế hệ mới đến Trung tâm Phục vụ hành chính công cấp xã",
        "khcn",
        &["dn", "xa"],
        true,
        true,
    ),
    k(
        3,
        "Mua sắm, thay thế máy tính, máy quét, thiết bị đầu cuối cho bộ phận một cửa theo tiêu chuẩn của Nghị định số 61/2018/NĐ-CP",
        "tc",
        &["vp", "xa"],
        true,
        true,
    ),
    k(
        3,
        "Mở rộng năng lực Trung tâm dữ liệu của {dv}; triển khai hạ tầng điện toán đám mây phục vụ các hệ thống thông tin dùng chung",
        "khcn",
        &["tc"],
        true,
        false,
    ),
    k(
        4,
        "Tổ chức bồi dưỡng kỹ năng số, kỹ năng khai thác hệ thống thông tin cho cán bộ, công chức cấp xã sau sắp xếp",
        "nv",
        &["khcn", "xa"],
        true,
        true,
    ),
    k(
        4,
        "Kiện toàn và tập huấn cho Tổ công nghệ số cộng đồng tại thôn, tổ dân phố",
        "khcn",
        &["xa"],
        true,
        true,
    ),
    k(
        4,
        "Đào tạo chuyên sâu về an toàn thông tin, phân tích dữ liệu cho cán bộ chuyên trách công nghệ thông tin",
        "khcn",
        &["nv", "ca"],
        true,
        false,
    ),
    k(
        4,
        "Bố trí công chức phụ trách chuyển đổi số tại Văn phòng HĐND và UBND {dv}",
        "nv",
        &["xa"],
        false,
        true,
    ),
    k(
        5,
        "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực theo Nghị định số 45/2020/NĐ-CP; cập nhật vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
        "vp",
        &["sbn", "xa"],
        true,
        true,
    ),
    k(
        5,
        "Làm sạch, đồng bộ cơ sở dữ liệu hộ tịch, đất đai, dân cư phục vụ giải quyết thủ tục hành chính “chỉ kê khai một lần”",
        "ca",
        &["nn", "xa"],
        true,
        true,
    ),
    k(
        5,
        "Xây dựng, công bố các bộ dữ liệu mở về y tế, giáo dục, nông nghiệp, du lịch trên Cổng dữ liệu mở",
        "khcn",
        &["yt", "gd", "nn", "vh"],
        true,
        false,
    ),
    k(
        5,
        "Hoàn thành cơ sở dữ liệu đất đai và kết nối với cơ sở dữ liệu quốc gia về đất đai",
        "nn",
        &["khcn", "xa"],
        true,
        true,
    ),
    k(
        6,
        "Vận hành Nền tảng tích hợp, chia sẻ dữ liệu (LGSP), kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
        "khcn",
        &["sbn"],
        true,
        false,
    ),
    k(
        6,
        "Triển khai Hệ thống quản lý văn bản và điều hành, phòng họp không giấy thống nhất từ {dv} đến thôn, tổ dân phố",
        "vp",
        &["khcn", "xa"],
        true,
        true,
    ),
    k(
        6,
        "Triển khai Hệ thống thông tin báo cáo, kết nối với Hệ thống thông tin báo cáo Chính phủ",
        "vp",
        &["tc", "sbn"],
        true,
        false,
    ),
    k(
        6,
        "Sử dụng thống nhất hệ thống thư điện tử công vụ và chữ ký số chuyên dùng cho toàn bộ cán bộ, công chức",
        "khcn",
        &["ca", "xa"],
        true,
        true,
    ),
    k(
        7,
        "Phê duyệt hồ sơ đề xuất cấp độ và triển khai phương án bảo đảm an toàn hệ thống thông tin theo cấp độ",
        "ca",
        &["khcn", "sbn"],
        true,
        true,
    ),
    k(
        7,
        "Tổ chức diễn tập thực chiến ứng cứu sự cố an toàn thông tin mạng",
        "ca",
        &["khcn", "dn"],
        true,
        false,
    ),
    k(
        7,
        "Rà soát, khắc phục lỗ hổng bảo mật; kết nối hệ thống giám sát an toàn thông tin với Trung tâm Giám sát an toàn không gian mạng quốc gia",
        "khcn",
        &["ca"],
        true,
        false,
    ),
    k(
        7,
        "Hướng dẫn người dân nhận biết, phòng tránh lừa đảo trực tuyến qua Tổ công nghệ số cộng đồng",
        "ca",
        &["vh", "xa"],
        true,
        true,
    ),
    k(
        8,
        "Rà soát, tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện",
        "vp",
        &["sbn", "xa"],
        true,
        true,
    ),
    k(
        8,
        "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính đáp ứng Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        "vp",
        &["khcn"],
        true,
        false,
    ),
    k(
        8,
        "Triển khai thu phí, lệ phí và thanh toán trực tuyến trong giải quyết thủ tục hành chính",
        "tc",
        &["vp", "xa"],
        true,
        true,
    ),
    k(
        8,
        "Hướng dẫn, hỗ trợ người dân sử dụng dịch vụ công trực tuyến tại Trung tâm Phục vụ hành chính công",
        "vp",
        &["ca", "xa"],
        true,
        true,
    ),
    k(
        9,
        "Hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã chuyển đổi số, sử dụng nền tảng số phục vụ sản xuất, kinh doanh",
        "ct",
        &["khcn", "dn"],
        true,
        true,
    ),
    k(
        9,
        "Đưa sản phẩm OCOP, nông sản chủ lực lên các sàn thương mại điện tử; cấp mã số vùng trồng, truy xuất nguồn gốc",
        "nn",
        &["ct", "xa"],
        true,
        true,
    ),
    k(
        9,
        "Thúc đẩy sử dụng hóa đơn điện tử, hợp đồng điện tử trong doanh nghiệp và hộ kinh doanh",
        "tc",
        &["ct"],
        true,
        false,
    ),
    k(
        9,
        "Xây dựng chợ, điểm du lịch thanh toán không dùng tiền mặt",
        "ct",
        &["vh", "xa"],
        true,
        true,
    ),
    k(
        10,
        "Đẩy mạnh cấp chữ ký số cá nhân, tài khoản thanh toán số cho người dân trưởng thành",
        "ca",
        &["dn", "xa"],
        true,
        true,
    ),
    k(
        10,
        "Triển khai hồ sơ sức khỏe điện tử, sổ sức khỏe điện tử trên ứng dụng VNeID; liên thông giấy chuyển tuyến, hẹn khám lại",
        "yt",
        &["ca", "xa"],
        true,
        true,
    ),
    k(
        10,
        "Triển khai học bạ số, thanh toán học phí không dùng tiền mặt tại các cơ sở giáo dục",
        "gd",
        &["tc"],
        true,
        true,
    ),
    k(
        10,
        "Chi trả an sinh xã hội, trợ cấp qua tài khoản thanh toán của người thụ hưởng",
        "nv",
        &["tc", "xa"],
        true,
        true,
    ),
    k(
        11,
        "Thí điểm ứng dụng trí tuệ nhân tạo (trợ lý ảo) hỗ trợ cán bộ, công chức trong xử lý văn bản và trả lời người dân",
        "khcn",
        &["vp"],
        true,
        false,
    ),
    k(
        11,
        "Hợp tác với các trường đại học, doanh nghiệp công nghệ số trong đào tạo nhân lực và phát triển giải pháp số",
        "khcn",
        &["gd", "dn"],
        true,
        false,
    ),
    k(
        11,
        "Tham gia các chương trình đổi mới sáng tạo, khởi nghiệp sáng tạo về chuyển đổi số",
        "khcn",
        &["ct"],
        true,
        false,
    ),
    k(
        12,
        "Bố trí kinh phí chi thường xuyên, chi đầu tư cho các nhiệm vụ chuyển đổi số năm 2025 theo quy định của Luật Ngân sách nhà nước",
        "tc",
        &["khcn", "sbn"],
        true,
        true,
    ),
    k(
        12,
        "Tổng hợp, báo cáo sơ kết 6 tháng, tổng kết năm về kết quả thực hiện Kế hoạch",
        "khcn",
        &["sbn", "xa"],
        true,
        true,
    ),
    k(
        12,
        "Lồng ghép nhiệm vụ chuyển đổi số vào các chương trình mục tiêu quốc gia và dự án đầu tư công",
        "tc",
        &["nn", "sbn"],
        true,
        true,
    ),
    k(
        12,
        "Huy động nguồn lực xã hội hóa, hợp tác với doanh nghiệp viễn thông trong đầu tư hạ tầng số",
        "khcn",
        &["dn"],
        true,
        false,
    ),
    k(
        12,
        "Rà soát, đề xuất điều chỉnh, bổ sung Kế hoạch cho phù hợp với chỉ đạo của cấp trên",
        "vp",
        &["khcn"],
        true,
        true,
    ),
];

/// Timeframes a task may carry: (value of `timeframe`, words of the document).
pub const TIMEFRAMES: &[(&str, &str)] = &[
    ("2025-Q3", "Quý III năm 2025"),
    ("2025-Q4", "Quý IV năm 2025"),
    ("2025-09", "Tháng 9 năm 2025"),
    ("2025-10", "Tháng 10 năm 2025"),
    ("2025-11", "Tháng 11 năm 2025"),
    ("2025-12", "Tháng 12 năm 2025"),
    ("2025-12-31", "Trước ngày 31/12/2025"),
    ("2025", "Năm 2025"),
    ("ongoing", "Thường xuyên"),
    ("ongoing", "Thường xuyên"),
    ("2026-Q1", "Quý I năm 2026"),
];

/// Province departments and collectives: (role, name pattern, short name, kind). `{dv}` is
/// "tỉnh" or "thành phố".
pub const DEPARTMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "vp",
        "Văn phòng Ủy ban nhân dân {dv}",
        "Văn phòng UBND {dv}",
        "department",
    ),
    ("khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", "department"),
    ("nv", "Sở Nội vụ", "", "department"),
    ("tc", "Sở Tài chính", "", "department"),
    ("yt", "Sở Y tế", "", "department"),
    ("gd", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "department"),
    (
        "nn",
        "Sở Nông nghiệp và Môi trường",
        "Sở NN&MT",
        "department",
    ),
    (
        "vh",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở VHTTDL",
        "department",
    ),
    ("ct", "Sở Công Thương", "", "department"),
    ("ca", "Công an {dv}", "", "agency"),
];

pub const COLLECTIVES: &[(&str, &str)] = &[
    ("sbn", "Các sở, ban, ngành {dv}"),
    ("xa", "UBND các xã, phường, đặc khu"),
    ("dn", "Các doanh nghiệp viễn thông trên địa bàn"),
];

/// Budget item titles of a department at province level.
pub const PROVINCE_ITEMS: &[&str] = &[
    "Duy trì, vận hành Cổng thông tin điện tử và trang thông tin thành phần",
    "Thuê dịch vụ công nghệ thông tin Hệ thống quản lý văn bản và điều hành",
    "Thuê chỗ đặt máy chủ, dịch vụ điện toán đám mây cho hệ thống thông tin chuyên ngành",
    "Nâng cấp phần mềm quản lý chuyên ngành đáp ứng mô hình chính quyền địa phương hai cấp",
    "Mua sắm máy tính, máy quét, thiết bị mạng thay thế thiết bị hết khấu hao",
    "Bảo đảm an toàn thông tin theo cấp độ; đánh giá, kiểm tra an toàn thông tin định kỳ",
    "Mua sắm, gia hạn bản quyền phần mềm phòng, chống mã độc",
    "Số hóa hồ sơ, tài liệu lưu trữ và kết quả giải quyết thủ tục hành chính",
    "Xây dựng, cập nhật cơ sở dữ liệu chuyên ngành và kết nối với LGSP",
    "Tập huấn, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức",
    "Tuyên truyền, phổ biến về chuyển đổi số trên các phương tiện thông tin đại chúng",
    "Duy trì đường truyền Internet, mạng truyền số liệu chuyên dùng",
    "Thuê dịch vụ phòng họp không giấy, hội nghị truyền hình trực tuyến",
    "Thuê dịch vụ chữ ký số, chứng thư số cho cơ quan và cá nhân",
    "Xây dựng bộ dữ liệu mở và công bố trên Cổng dữ liệu mở",
    "Triển khai ứng dụng trí tuệ nhân tạo hỗ trợ xử lý văn bản",
    "Nâng cấp Hệ thống thông tin báo cáo và kết nối Hệ thống thông tin báo cáo Chính phủ",
    "Duy trì Hệ thống thư điện tử công vụ",
    "Kiểm tra, đánh giá mức độ chuyển đổi số của cơ quan, đơn vị",
    "Hỗ trợ hoạt động của Tổ công nghệ số cộng đồng",
    "Thuê phần mềm quản lý tài sản, kế toán, ngân sách dùng chung",
    "Xây dựng kho dữ liệu dùng chung và công cụ phân tích dữ liệu phục vụ điều hành",
    "Diễn tập, ứng cứu sự cố an toàn thông tin mạng",
    "Triển khai nền tảng học trực tuyến mở cho cán bộ, công chức",
    "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia",
    "Số hóa dữ liệu hộ tịch, đất đai phục vụ giải quyết thủ tục hành chính",
    "Đầu tư thiết bị cho Trung tâm Phục vụ hành chính công",
    "Thuê dịch vụ giám sát an toàn thông tin (SOC)",
];

/// Investment projects of group III (each split into parts).
pub const PROJECTS: &[&str] = &[
    "Dự án nâng cấp Trung tâm dữ liệu của {dv}",
    "Dự án xây dựng Trung tâm giám sát, điều hành thông minh (IOC)",
    "Dự án đầu tư hạ tầng mạng truyền số liệu chuyên dùng đến cấp xã",
    "Dự án xây dựng cơ sở dữ liệu đất đai và hệ thống thông tin đất đai",
    "Dự án chuyển đổi số trong y tế: bệnh án điện tử tại các bệnh viện công lập",
    "Dự án chuyển đổi số trong giáo dục: hạ tầng và học liệu số",
    "Dự án hệ thống camera giám sát an ninh, trật tự và giao thông",
];

pub const PROJECT_PARTS: &[(&str, &str)] = &[
    (
        "dau-tu-ha-tang",
        "Đầu tư hạ tầng, trang thiết bị công nghệ thông tin",
    ),
    ("phan-mem", "Xây dựng phần mềm, cơ sở dữ liệu"),
    ("tu-van-giam-sat", "Tư vấn, giám sát và chi phí khác"),
];

/// Budget items of a commune plan.
pub const COMMUNE_ITEMS: &[&str] = &[
    "Duy trì hoạt động Trang thông tin điện tử của {dv}",
    "Bảo đảm an toàn thông tin đối với hệ thống thông tin cấp độ 1, cấp độ 2 đã được phê duyệt",
    "Tập huấn chuyển đổi số cho Tổ công nghệ số cộng đồng của {dv} và các thôn, tổ dân phố",
    "Hoạt động truyền thông và hoạt động của Ban Chỉ đạo chuyển đổi số {dv}",
    "Phổ cập kiến thức chuyển đổi số, chữ ký số, thanh toán số cho người dân trên địa bàn",
    "Mua sắm máy quét, thiết bị đầu cuối cho bộ phận một cửa",
    "Duy trì đường truyền Internet và mạng truyền số liệu chuyên dùng",
    "Số hóa sổ hộ tịch, hồ sơ đất đai lưu trữ tại {dv}",
];

/// Legal bases every plan cites (real documents).
pub const LEGAL_BASES: &[&str] = &[
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030",
    "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử",
    "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
    "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Chỉ thị số 09/CT-TTg ngày 23/02/2024 của Thủ tướng Chính phủ về việc tuân thủ quy định pháp luật và tăng cường bảo đảm an toàn hệ thống thông tin theo cấp độ",
];

/// Narrative paragraphs by area: what the plan says about each area before the tasks.
pub const AREA_PARAGRAPHS: [&[&str]; 13] = [
    &[
        "Phát huy vai trò và trách nhiệm của người đứng đầu; phối hợp đồng bộ, chặt chẽ, xuyên suốt giữa các cơ quan, đơn vị và địa phương, nhất là đối với các nhiệm vụ phối hợp có quy mô lớn, liên ngành. Thường xuyên kiểm tra, đôn đốc, tháo gỡ vướng mắc cho cơ sở; lấy người dân, doanh nghiệp làm trung tâm, minh bạch hóa và tăng cường sự tham gia của người dân trong giám sát việc thực hiện.",
        "Gắn kết hoạt động của Ban Chỉ đạo chuyển đổi số với Ban Chỉ đạo cải cách hành chính và Đề án 06; đánh giá kết quả thực hiện bằng dữ liệu số, sử dụng kết quả đánh giá trong xếp loại thi đua, khen thưởng hằng năm của tập thể và cá nhân.",
    ],
    &[
        "Đẩy mạnh truyền thông về chuyển đổi số trên môi trường đa nền tảng; lấy hoạt động của Tổ công nghệ số cộng đồng làm hạt nhân, nòng cốt trong truyền thông và nâng cao kỹ năng số, kỹ năng bảo đảm an toàn thông tin trong cộng đồng. Tiếp tục tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia bằng phương thức mới, cách làm mới, thiết thực, hiệu quả.",
        "Triển khai sâu rộng phong trào “Bình dân học vụ số”, phổ cập kỹ năng số cơ bản cho người dân, ưu tiên người cao tuổi, người dân tộc thiểu số, người dân ở vùng sâu, vùng xa; nội dung tuyên truyền ngắn gọn, dễ hiểu, phù hợp với từng nhóm đối tượng.",
    ],
    &[
        "Rà soát, sửa đổi, bổ sung các quy chế, quy định về quản lý, vận hành, khai thác hệ thống thông tin, cơ sở dữ liệu cho phù hợp với mô hình chính quyền địa phương hai cấp; cắt giảm các chế độ báo cáo đã được thay thế bằng dữ liệu số có sẵn từ các hệ thống thông tin.",
    ],
    &[
        "Tiếp tục phối hợp với các doanh nghiệp viễn thông phủ sóng di động tại các thôn, bản, cụm dân cư còn vùng lõm sóng; phát triển kết nối Internet băng rộng cố định đến hộ gia đình; ưu tiên phủ sóng 5G tại trung tâm hành chính, khu công nghiệp, khu du lịch.",
        "Bảo đảm hạ tầng công nghệ thông tin cho Trung tâm Phục vụ hành chính công và bộ phận một cửa sau sắp xếp đơn vị hành chính: máy tính, máy quét, thiết bị mạng, đường truyền số liệu chuyên dùng, đáp ứng yêu cầu giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính.",
    ],
    &[
        "Nâng cao chất lượng đội ngũ cán bộ làm công tác công nghệ thông tin, chuyển đổi số; tổ chức đào tạo, bồi dưỡng chuyên sâu để hình thành đội ngũ chuyên viên nòng cốt tham mưu cho cấp ủy, chính quyền về chuyển đổi số. Phát huy vai trò xung kích của đoàn viên thanh niên và Tổ công nghệ số cộng đồng.",
    ],
    &[
        "Hoàn thành số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực theo Nghị định số 45/2020/NĐ-CP; thúc đẩy tái sử dụng kết quả đã số hóa, bảo đảm người dân, doanh nghiệp chỉ phải cung cấp thông tin một lần cho cơ quan nhà nước.",
        "Phát triển, làm giàu, làm sạch dữ liệu trong các cơ sở dữ liệu chuyên ngành bảo đảm “đúng, đủ, sạch, sống, thống nhất, dùng chung”; kết nối, chia sẻ với cơ sở dữ liệu quốc gia; từng bước đưa hoạt động của cơ quan nhà nước dựa trên dữ liệu.",
    ],
    &[
        "Khai thác hiệu quả các nền tảng số dùng chung: Hệ thống quản lý văn bản và điều hành, thư điện tử công vụ, phòng họp không giấy, Hệ thống thông tin báo cáo, Nền tảng tích hợp, chia sẻ dữ liệu; bảo đảm kết nối thông suốt giữa cấp tỉnh và cấp xã.",
    ],
    &[
        "Rà soát, hoàn thành các nhiệm vụ tại Chỉ thị số 09/CT-TTg ngày 23/02/2024 của Thủ tướng Chính phủ; triển khai đầy đủ, kịp thời các khuyến cáo, cảnh báo của cơ quan chức năng; tăng cường truyền thông nâng cao nhận thức về an toàn trên không gian mạng, phòng, chống lừa đảo trực tuyến.",
        "Tham gia đầy đủ các hoạt động diễn tập thực chiến, ứng cứu sự cố do cơ quan trong nước tổ chức; kiểm tra định kỳ, đột xuất việc bảo đảm an toàn thông tin mạng tại các cơ quan, đơn vị.",
    ],
    &[
        "Tiếp tục tái cấu trúc quy trình, nâng cao chất lượng dịch vụ công trực tuyến toàn trình; ưu tiên các dịch vụ công thiết yếu liên quan đến đời sống người dân và hoạt động sản xuất, kinh doanh của doanh nghiệp; thực hiện cắt giảm các bước trung gian, loại bỏ thành phần hồ sơ đã có trong cơ sở dữ liệu của cơ quan nhà nước.",
        "Tăng cường kỷ luật, kỷ cương hành chính; công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính theo thời gian thực trên Cổng Dịch vụ công.",
    ],
    &[
        "Thúc đẩy chuyển đổi số trong doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh; hỗ trợ đưa sản phẩm OCOP, nông sản chủ lực lên sàn thương mại điện tử; phát triển thanh toán không dùng tiền mặt tại chợ, điểm du lịch, cơ sở dịch vụ.",
    ],
    &[
        "Phấn đấu mỗi người dân có một danh tính số để tham gia vào các dịch vụ trên môi trường số; mỗi người dân trưởng thành có một tài khoản thanh toán số, một chữ ký số cá nhân và kỹ năng số cơ bản. Đẩy mạnh ứng dụng số trong y tế, giáo dục, an sinh xã hội.",
    ],
    &[
        "Tăng cường hợp tác với các trường đại học, viện nghiên cứu, doanh nghiệp công nghệ số; thí điểm ứng dụng trí tuệ nhân tạo, dữ liệu lớn trong hoạt động chỉ đạo, điều hành và phục vụ người dân.",
    ],
    &[
        "Bố trí, sử dụng nguồn lực tài chính từ ngân sách nhà nước, lồng ghép sử dụng các nguồn hợp pháp khác cho chuyển đổi số như nguồn vốn từ các chương trình mục tiêu quốc gia; bố trí các hạng mục hạ tầng số trong các dự án đầu tư xây dựng; kiểm tra việc sử dụng nguồn vốn bảo đảm đúng quy định, hiệu quả.",
    ],
];

/// General aims, before the targets.
pub const AIMS: &[&str] = &[
    "Hoàn thành phát triển chính quyền điện tử, sẵn sàng chuyển sang phát triển chính quyền số vận hành theo mô hình chính quyền địa phương hai cấp; tập trung vào dữ liệu đất đai, tư pháp - hộ tịch, y tế, giáo dục, kết nối các hệ thống thông tin để cung cấp dịch vụ trên VNeID.",
    "Phát triển kinh tế số, xã hội số; thúc đẩy chuyển đổi số trong doanh nghiệp, khu vực nông thôn theo tiêu chí nông thôn mới thông minh; triển khai đầy đủ các yêu cầu cơ bản về bảo đảm an toàn thông tin mạng.",
    "Nâng cao năng lực thể chế hóa chính sách, lãnh đạo, chỉ đạo triển khai nhiệm vụ chuyển đổi số; kiện toàn, phát triển nhân lực chuyển đổi số trong cơ quan nhà nước; phát triển mạng lưới Tổ công nghệ số cộng đồng.",
];

/// Organisation (tổ chức thực hiện) paragraphs.
pub const ORGANISATION: &[&str] = &[
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm tổ chức triển khai nhiệm vụ được giao tại Kế hoạch này; chủ động xây dựng kế hoạch triển khai tại cơ quan, đơn vị; định kỳ hằng quý báo cáo kết quả thực hiện về cơ quan thường trực trước ngày 15 của tháng cuối quý.",
    "Cơ quan thường trực theo dõi, đôn đốc các cơ quan, đơn vị thực hiện theo danh mục nhiệm vụ chi tiết; tổng hợp, tham mưu báo cáo sơ kết, tổng kết; đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
    "Cơ quan tài chính chủ trì, phối hợp cân đối, bố trí kinh phí thực hiện các nhiệm vụ tại Kế hoạch theo phân cấp ngân sách hiện hành; hướng dẫn thanh toán, quyết toán theo quy định của Luật Ngân sách nhà nước.",
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội phối hợp tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tích cực tham gia chuyển đổi số, sử dụng dịch vụ công trực tuyến, thanh toán số.",
    "Trong quá trình tổ chức thực hiện, nếu có phát sinh vướng mắc hoặc cần điều chỉnh, bổ sung cho phù hợp với thực tiễn, các cơ quan, đơn vị kịp thời báo cáo (qua cơ quan thường trực) để xem xét, chỉ đạo thực hiện./.",
];

/// Results sentences of a progress report, by status.
pub const RESULT_DONE: &[&str] = &[
    "Đã hoàn thành; văn bản triển khai đã ban hành và gửi các cơ quan, đơn vị thực hiện.",
    "Đã hoàn thành đúng thời hạn; kết quả được cập nhật trên Hệ thống thông tin báo cáo.",
    "Hoàn thành; các cơ quan, đơn vị đã triển khai thống nhất từ cấp tỉnh đến cấp xã.",
];
pub const RESULT_IN_PROGRESS: &[&str] = &[
    "Đang triển khai; đã hoàn thành khảo sát, lập dự toán, dự kiến hoàn thành trong quý IV năm 2025.",
    "Đang thực hiện; một số xã, phường còn chậm do thiếu nhân lực chuyên trách sau sắp xếp.",
    "Đang triển khai theo kế hoạch; đã tổ chức nhiều lớp tập huấn, hội nghị hướng dẫn.",
    "Đang thực hiện; kinh phí đã được bố trí, đang hoàn thiện thủ tục lựa chọn nhà thầu.",
];
pub const RESULT_NOT_STARTED: &[&str] = &[
    "Chưa triển khai do chưa được bố trí kinh phí; đề nghị chuyển sang năm 2026.",
    "Chưa thực hiện; đang chờ hướng dẫn của bộ, ngành Trung ương.",
];

pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai",
];
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Hoàng", "Công", "Thu",
    "Đình", "Kim",
];
pub const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Phong",
    "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Yến", "Hà", "Khánh", "Phúc", "Thắng",
];

/// What a plan says about the previous year, by area (section I of a plan).
pub const ASSESSMENT: &[&str] = &[
    "Về lãnh đạo, chỉ đạo: cấp ủy, chính quyền {dv} đã quan tâm chỉ đạo công tác chuyển đổi số; Ban Chỉ đạo được kiện toàn, ban hành kế hoạch hoạt động và phân công nhiệm vụ cụ thể cho từng thành viên; công tác kiểm tra, đôn đốc được thực hiện thường xuyên hơn so với năm trước.",
    "Về nhận thức số: công tác tuyên truyền được đẩy mạnh trên Cổng/Trang thông tin điện tử, mạng xã hội, hệ thống truyền thanh cơ sở; nhiều hội nghị, lớp tập huấn được tổ chức cho cán bộ, công chức và người dân; nhận thức về vai trò của chuyển đổi số từng bước được nâng lên.",
    "Về hạ tầng số: mạng cáp quang, sóng di động 4G đã phủ đến hầu hết các thôn, tổ dân phố; trang thiết bị của bộ phận một cửa được bổ sung; một số nơi còn vùng lõm sóng, thiết bị đã cũ, cấu hình thấp chưa đáp ứng yêu cầu vận hành các hệ thống thông tin mới.",
    "Về dữ liệu số: việc số hóa kết quả giải quyết thủ tục hành chính, dữ liệu hộ tịch, đất đai được triển khai nhưng tiến độ chưa đồng đều; dữ liệu giữa các hệ thống còn trùng lặp, chưa được làm sạch, chưa kết nối, chia sẻ thông suốt.",
    "Về chính quyền số: tỷ lệ hồ sơ xử lý trên môi trường mạng, văn bản điện tử được ký số tăng so với năm trước; dịch vụ công trực tuyến toàn trình được cung cấp đối với phần lớn thủ tục đủ điều kiện, song tỷ lệ hồ sơ nộp trực tuyến ở một số lĩnh vực còn thấp.",
    "Về kinh tế số và xã hội số: thanh toán không dùng tiền mặt phát triển nhanh trong thu học phí, viện phí, chi trả an sinh xã hội; nhiều hộ sản xuất, hợp tác xã đã đưa sản phẩm lên sàn thương mại điện tử; kỹ năng số của một bộ phận người dân, nhất là người cao tuổi, còn hạn chế.",
    "Về an toàn thông tin: các hệ thống thông tin dùng chung được bảo vệ theo mô hình bốn lớp; công tác phê duyệt cấp độ an toàn hệ thống thông tin được quan tâm; vẫn còn tình trạng cán bộ sử dụng thư điện tử cá nhân, thiết bị cá nhân để xử lý công việc.",
    "Về nhân lực số: đội ngũ cán bộ phụ trách công nghệ thông tin, chuyển đổi số còn mỏng, chủ yếu kiêm nhiệm; Tổ công nghệ số cộng đồng đã được thành lập ở các thôn, tổ dân phố nhưng hoạt động chưa đều.",
];

/// Solutions (giải pháp) of a plan: (heading, paragraph).
pub const SOLUTIONS: &[(&str, &str)] = &[
    (
        "Nâng cao năng lực lãnh đạo, điều hành chuyển đổi số",
        "Người đứng đầu trực tiếp chỉ đạo, chịu trách nhiệm về kết quả chuyển đổi số của cơ quan, đơn vị; đưa nhiệm vụ chuyển đổi số vào chương trình công tác hằng tháng, hằng quý; thực hiện đánh giá mức độ chuyển đổi số và sử dụng kết quả trong đánh giá, xếp loại hằng năm.",
    ),
    (
        "Đẩy mạnh truyền thông, bồi dưỡng kỹ năng số",
        "Xây dựng nội dung, chương trình truyền thông, đào tạo, bồi dưỡng đa dạng, phù hợp từng đối tượng với thời lượng, hình thức hiệu quả, thực chất; phát huy vai trò của Tổ công nghệ số cộng đồng, đoàn viên thanh niên trong hướng dẫn người dân sử dụng dịch vụ số.",
    ),
    (
        "Phát triển nguồn nhân lực chuyển đổi số",
        "Bố trí công chức phụ trách chuyển đổi số; cử cán bộ tham gia các lớp bồi dưỡng chuyên sâu; thực hiện chính sách khen thưởng kịp thời đối với tập thể, cá nhân có sáng kiến, cách làm hay trong chuyển đổi số.",
    ),
    (
        "Bảo đảm nguồn lực tài chính",
        "Bố trí kinh phí chi thường xuyên, chi đầu tư cho chuyển đổi số theo khả năng cân đối ngân sách; lồng ghép nguồn vốn các chương trình mục tiêu quốc gia; ưu tiên thuê dịch vụ công nghệ thông tin thay cho đầu tư khi phù hợp; huy động nguồn lực xã hội hóa.",
    ),
    (
        "Tăng cường hợp tác, phối hợp",
        "Phối hợp chặt chẽ với các sở, ngành cấp tỉnh, doanh nghiệp viễn thông, doanh nghiệp công nghệ số trong triển khai hạ tầng, nền tảng, ứng dụng; học tập kinh nghiệm của các địa phương làm tốt.",
    ),
];

/// Responsibilities in a commune: (office, duties).
pub const COMMUNE_OFFICES: &[(&str, &[&str])] = &[
    (
        "Văn phòng HĐND và UBND {dv}",
        &[
            "Là cơ quan thường trực, tham mưu UBND {dv} theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo kết quả định kỳ hằng quý, 6 tháng và cả năm.",
            "Chủ trì vận hành Hệ thống quản lý văn bản và điều hành, thư điện tử công vụ, chữ ký số; bảo đảm an toàn thông tin cho các hệ thống thông tin của {dv}.",
            "Phối hợp với Trung tâm Phục vụ hành chính công hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình.",
        ],
    ),
    (
        "Phòng Kinh tế",
        &[
            "Hỗ trợ hộ sản xuất, hợp tác xã, hộ kinh doanh ứng dụng nền tảng số, đưa sản phẩm lên sàn thương mại điện tử; vận động các chợ, cửa hàng thanh toán không dùng tiền mặt.",
            "Phối hợp cập nhật cơ sở dữ liệu đất đai, nông nghiệp; thực hiện nhiệm vụ chuyển đổi số trong xây dựng nông thôn mới thông minh.",
        ],
    ),
    (
        "Phòng Văn hóa - Xã hội",
        &[
            "Chủ trì công tác tuyên truyền về chuyển đổi số trên hệ thống truyền thanh cơ sở và Trang thông tin điện tử; hướng dẫn hoạt động của Tổ công nghệ số cộng đồng.",
            "Phối hợp triển khai chi trả an sinh xã hội qua tài khoản, học bạ số và thanh toán học phí không dùng tiền mặt tại các trường học.",
        ],
    ),
    (
        "Trung tâm Phục vụ hành chính công {dv}",
        &[
            "Tiếp nhận, giải quyết thủ tục hành chính trên môi trường điện tử; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ngay khi tiếp nhận và trả kết quả.",
            "Công khai kết quả đánh giá mức độ hài lòng của người dân, doanh nghiệp; hướng dẫn, hỗ trợ người dân thực hiện dịch vụ công trực tuyến.",
        ],
    ),
    (
        "Công an {dv}",
        &[
            "Đẩy mạnh cấp, kích hoạt tài khoản định danh điện tử, làm sạch dữ liệu dân cư; phối hợp tuyên truyền phòng, chống lừa đảo trên không gian mạng.",
        ],
    ),
    (
        "Trạm Y tế {dv}",
        &[
            "Triển khai hồ sơ sức khỏe điện tử, liên thông dữ liệu khám chữa bệnh; hướng dẫn người dân sử dụng Sổ sức khỏe điện tử trên ứng dụng VNeID.",
        ],
    ),
    (
        "Các trường học trên địa bàn",
        &[
            "Triển khai học bạ số, sổ điểm điện tử, thu học phí không dùng tiền mặt; lồng ghép nội dung kỹ năng số, an toàn thông tin trong hoạt động giáo dục.",
        ],
    ),
];

/// What each province department is charged with (section V of a province plan).
pub const DEPARTMENT_DUTIES: &[(&str, &str)] = &[
    (
        "khcn",
        "Là cơ quan thường trực, chủ trì theo dõi, đôn đốc, hướng dẫn các cơ quan, đơn vị, địa phương triển khai Kế hoạch; vận hành các nền tảng số dùng chung, Trung tâm dữ liệu và Nền tảng tích hợp, chia sẻ dữ liệu; tổng hợp báo cáo UBND {dv} và Bộ Khoa học và Công nghệ theo quy định.",
    ),
    (
        "vp",
        "Chủ trì triển khai Hệ thống quản lý văn bản và điều hành, Hệ thống thông tin báo cáo, Hệ thống thông tin giải quyết thủ tục hành chính; theo dõi, đánh giá việc cung cấp dịch vụ công trực tuyến và mức độ hài lòng của người dân, doanh nghiệp.",
    ),
    (
        "nv",
        "Đưa kết quả thực hiện nhiệm vụ chuyển đổi số vào tiêu chí đánh giá, xếp loại cơ quan, đơn vị và người đứng đầu; tham mưu bố trí biên chế, bồi dưỡng nhân lực chuyển đổi số, nhất là ở cấp xã.",
    ),
    (
        "tc",
        "Tham mưu UBND {dv} cân đối, bố trí kinh phí chi thường xuyên, chi đầu tư thực hiện Kế hoạch; hướng dẫn các cơ quan, đơn vị, địa phương lập dự toán, thanh toán, quyết toán kinh phí theo quy định.",
    ),
    (
        "ca",
        "Chủ trì bảo đảm an ninh mạng, an toàn thông tin; đẩy mạnh triển khai Đề án 06, làm sạch dữ liệu dân cư, cấp và kích hoạt tài khoản định danh điện tử; phối hợp xử lý các hành vi lừa đảo trên không gian mạng.",
    ),
    (
        "yt",
        "Triển khai bệnh án điện tử, hồ sơ sức khỏe điện tử, thanh toán viện phí không dùng tiền mặt tại các cơ sở khám, chữa bệnh.",
    ),
    (
        "gd",
        "Triển khai học bạ số, cơ sở dữ liệu ngành giáo dục, thu học phí không dùng tiền mặt; chủ trì phong trào “Bình dân học vụ số”.",
    ),
    (
        "nn",
        "Hoàn thành cơ sở dữ liệu đất đai; thúc đẩy chuyển đổi số trong nông nghiệp, truy xuất nguồn gốc, mã số vùng trồng.",
    ),
    (
        "vh",
        "Chủ trì công tác thông tin, tuyên truyền về chuyển đổi số; số hóa di sản văn hóa, phát triển du lịch thông minh.",
    ),
    (
        "ct",
        "Phát triển thương mại điện tử, hỗ trợ doanh nghiệp, hộ kinh doanh chuyển đổi số và thanh toán không dùng tiền mặt.",
    ),
];

/// What each task asks for in detail (one or two are added under a task in the document).
pub const TASK_DETAILS: &[&str] = &[
    "Yêu cầu: xác định rõ người thực hiện, thời gian hoàn thành và sản phẩm cụ thể; kết quả được cập nhật trên Hệ thống theo dõi nhiệm vụ.",
    "Sản phẩm: văn bản triển khai, báo cáo kết quả gửi cơ quan thường trực trước ngày 15 của tháng cuối quý.",
    "Nội dung thực hiện bảo đảm đồng bộ với các hệ thống thông tin dùng chung, không đầu tư trùng lặp; ưu tiên thuê dịch vụ khi phù hợp.",
    "Trong quá trình thực hiện, lồng ghép với nhiệm vụ cải cách hành chính và Đề án 06; chú trọng hiệu quả thực chất, lấy sự hài lòng của người dân làm thước đo.",
    "Kinh phí thực hiện từ nguồn chi thường xuyên được giao trong dự toán năm 2025 của cơ quan, đơn vị và các nguồn hợp pháp khác.",
    "Kết quả thực hiện là một tiêu chí đánh giá mức độ hoàn thành nhiệm vụ năm 2025 của cơ quan, đơn vị và người đứng đầu.",
];
