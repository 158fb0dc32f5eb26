//! `minhbach`: publish provincial plans as a static site. The library does the work; this file
//! only reads the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minhbach::build::{self, Options};

#[derive(Parser)]
#[command(
    name = "minhbach",
    version,
    about = "Công bố kế hoạch, chỉ tiêu, kinh phí và tiến độ thành trang web tĩnh và gói dữ liệu mở"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Đọc và kiểm tra toàn bộ nội dung, báo mọi lỗi cùng lúc (không ghi gì ra đĩa).
    Check {
        /// Thư mục nội dung.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Coi cảnh báo (ví dụ tổng văn bản ghi khác tổng các mục) là lỗi.
        #[arg(long)]
        strict: bool,
    },
    /// Kiểm tra rồi xuất trang web vào thư mục đầu ra (mặc định `public/`).
    Build {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Thư mục đầu ra; được thay thế trọn vẹn khi dựng xong.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        #[arg(long)]
        strict: bool,
    },
    /// Xem trước: dựng trang trong bộ nhớ, phục vụ tại 127.0.0.1, tự dựng lại và tải lại trang
    /// khi bạn lưu một tệp. Không ghi gì ra `public/`.
    Serve {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Địa chỉ và cổng; mặc định chỉ máy này xem được.
        #[arg(long, default_value = "127.0.0.1:8080")]
        address: String,
    },
    /// Tạo tệp mẫu (có chú thích tiếng Việt) cho một kế hoạch, báo cáo hoặc đơn vị mới.
    New {
        /// plan (kế hoạch) | report (báo cáo) | unit (đơn vị)
        what: NewKind,
        /// Mã mới: chữ thường không dấu, số, gạch ngang (ví dụ kh-15-ubnd-2026).
        id: String,
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Tên văn bản (kế hoạch, báo cáo).
        #[arg(long, default_value = "")]
        title: String,
        /// Mã đơn vị ban hành.
        #[arg(long, default_value = "")]
        issuer: String,
        /// Mã văn bản gốc trong content/documents/.
        #[arg(long, default_value = "")]
        document: String,
        /// Báo cáo: mã kế hoạch được báo cáo (có thể ghi nhiều lần).
        #[arg(long = "plan")]
        plans: Vec<String>,
        /// Đơn vị: tên chính thức, có dấu.
        #[arg(long, default_value = "")]
        name: String,
        /// Đơn vị: loại (department, commune, ...).
        #[arg(long, default_value = "")]
        kind: String,
        /// Đơn vị: mã đơn vị cấp trên.
        #[arg(long, default_value = "")]
        parent: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum NewKind {
    Plan,
    Report,
    Unit,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (opts, out) = match cli.command {
        Command::New {
            what,
            id,
            content,
            title,
            issuer,
            document,
            plans,
            name,
            kind,
            parent,
        } => {
            use minhbach::scaffold::{Fields, Kind, create};
            let (what, title) = match what {
                NewKind::Plan => (Kind::Plan, title),
                NewKind::Report => (Kind::Report, title),
                NewKind::Unit => (Kind::Unit, name),
            };
            let fields = Fields {
                title,
                issuer,
                document,
                plans,
                kind,
                parent,
            };
            return match create(&content, what, &id, &fields) {
                Ok(files) => {
                    for f in files {
                        eprintln!("Đã tạo {}", f.display());
                    }
                    eprintln!(
                        "Điền các chỗ trống rồi chạy `minhbach check --content {}`: lệnh chỉ ra từng chỗ còn thiếu.",
                        content.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("lỗi: {e:#}");
                    ExitCode::from(1)
                }
            };
        }
        Command::Serve { content, address } => {
            return match minhbach::serve::serve(&minhbach::serve::ServeOptions { content, address })
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("lỗi: {e:#}");
                    ExitCode::from(1)
                }
            };
        }
        Command::Check { content, strict } => (Options { content, strict }, None),
        Command::Build {
            content,
            out,
            strict,
        } => (Options { content, strict }, Some(out)),
    };
    let checked = build::check(&opts);
    let report = checked.diagnostics.render();
    eprint!("{report}");
    if !checked.ok {
        if opts.strict && !checked.diagnostics.has_errors() {
            eprintln!("Có cảnh báo và đang dùng --strict: dừng lại.");
        }
        if out.is_some() {
            eprintln!("Không dựng trang: hãy sửa các lỗi trên. Thư mục đầu ra được giữ nguyên.");
        }
        return ExitCode::from(1);
    }
    let Some(out) = out else {
        eprintln!("Nội dung hợp lệ.");
        return ExitCode::SUCCESS;
    };
    let site = checked.site.as_ref().expect("ok implies a site");
    match build::build(site, &checked.theme, &opts.content, &out) {
        Ok(n) => {
            eprintln!("Đã dựng {n} tệp vào `{}`.", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            eprintln!("Thư mục đầu ra được giữ nguyên.");
            ExitCode::from(1)
        }
    }
}

/// A build makes millions of small strings and JSON values from two threads: mimalloc does it
/// with 40 % less CPU than the system allocator (national benchmark, docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
