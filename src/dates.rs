//! Dates with the precision a document gives ("2025-09" when the day is blank), and task
//! timeframes (a date, a month, a quarter, a year, or ongoing — "thường xuyên").

use std::fmt;

/// The years a plan, report, unit or document can speak of. Plans cite laws back to the
/// 1940s and set horizons to 2045–2050; a year outside this range is a typing error
/// (`0001`, `9999`), and refusing it keeps every timeline and workbook sane.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn year_error(text: &str, year: i32) -> DateError {
    DateError {
        message: format!(
            "năm {year} trong `{text}` nằm ngoài khoảng {}–{} mà kế hoạch có thể nói tới",
            YEARS.start(),
            YEARS.end()
        ),
        hint: "kiểm tra lại năm trong văn bản gốc (viết đủ bốn chữ số, ví dụ \"2025\")".into(),
    }
}

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// Why a date string was refused, in Vietnamese, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub hint: String,
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let shape_error = || {
            DateError {
            message: format!("`{text}` không phải là ngày hợp lệ"),
            hint: "viết ngày theo dạng năm-tháng-ngày: \"2024-11-15\"; nếu văn bản chỉ ghi tháng thì \"2025-09\", chỉ ghi năm thì \"2025\"".into(),
        }
        };
        let parts: Vec<&str> = text.trim().split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(shape_error());
        }
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = number(parts[0], 4).ok_or_else(shape_error)? as i32;
        if !YEARS.contains(&year) {
            return Err(year_error(text, year));
        }
        let month = match parts.get(1) {
            Some(m) => Some(number(m, 2).ok_or_else(shape_error)?),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => Some(number(d, 2).ok_or_else(shape_error)?),
            None => None,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError {
                    message: format!("ngày `{text}` không tồn tại: không có tháng {m}"),
                    hint: "tháng phải từ 01 đến 12".into(),
                });
            }
            if let Some(d) = day {
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(DateError {
                        message: format!(
                            "ngày `{text}` không tồn tại: tháng {m}/{year} chỉ có {max} ngày"
                        ),
                        hint: "kiểm tra lại ngày trong văn bản gốc".into(),
                    });
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// ISO form with the known precision: `2024-11-15`, `2025-09`, `2025`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Vietnamese form: `15/11/2024`, `tháng 9/2025`, `năm 2025`.
    pub fn vietnamese(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("tháng {m}/{}", self.year),
            _ => format!("năm {}", self.year),
        }
    }

    /// The first day this date can mean (`2025-09` → 1/9/2025).
    pub fn first_day(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean (`2025-09` → 30/9/2025).
    pub fn last_day(&self) -> (i32, u32, u32) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or_else(|| days_in_month(self.year, m)),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// When a task is due, in every spelling plans use: a day, a month or a year ("2025"); a
/// quarter ("quý I/2025"); a half-year ("6 tháng đầu năm 2025"); a span of years ("2025–2030");
/// every year ("hằng năm"); from a year on ("từ năm 2026"); or ongoing ("thường xuyên").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeframe {
    /// A date, month or year.
    By(PartialDate),
    /// A quarter of a year (1–4).
    Quarter { year: i32, quarter: u32 },
    /// A half of a year (1: January–June, 2: July–December).
    Half { year: i32, half: u32 },
    /// A span of whole years, both included ("2025–2030").
    Years { from: i32, to: i32 },
    /// "Hằng năm": every year, no final deadline.
    Yearly,
    /// "Từ năm 2026": from a year on, no final deadline.
    From(i32),
    /// "Thường xuyên": no deadline.
    Ongoing,
}

/// The spellings content writes, for hints and for the data package's schema.
pub const TIMEFRAME_FORMS: &str = "ngày, tháng hoặc năm: \"2025-12-31\", \"2025-08\", \"2025\"; quý: \"2025-Q1\"; nửa năm: \"2025-H1\"; nhiều năm: \"2025/2030\"; hằng năm: \"yearly\"; từ năm: \"from-2026\"; thường xuyên: \"ongoing\"";

impl Timeframe {
    pub fn parse(text: &str) -> Result<Timeframe, DateError> {
        let t = text.trim();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let year = |s: &str| -> Result<i32, DateError> {
            let y = s
                .parse::<i32>()
                .ok()
                .filter(|_| digits(s, 4))
                .ok_or_else(|| DateError {
                    message: format!("`{text}` không phải là thời hạn hợp lệ"),
                    hint: format!("viết thời hạn theo một trong các dạng: {TIMEFRAME_FORMS}"),
                })?;
            if YEARS.contains(&y) {
                Ok(y)
            } else {
                Err(year_error(text, y))
            }
        };
        match t {
            "ongoing" => return Ok(Timeframe::Ongoing),
            "yearly" => return Ok(Timeframe::Yearly),
            _ => {}
        }
        if let Some(y) = t.strip_prefix("from-") {
            return Ok(Timeframe::From(year(y)?));
        }
        if let Some((a, b)) = t.split_once('/') {
            let (from, to) = (year(a)?, year(b)?);
            if from >= to {
                return Err(DateError {
                    message: format!("`{text}`: năm đầu phải trước năm cuối"),
                    hint: "viết khoảng năm theo dạng \"2025/2030\"; một năm thì chỉ ghi \"2025\""
                        .into(),
                });
            }
            return Ok(Timeframe::Years { from, to });
        }
        if let Some((y, h)) = t.split_once("-H") {
            let y = year(y)?;
            return match h {
                "1" | "2" => Ok(Timeframe::Half {
                    year: y,
                    half: h.parse().unwrap_or(1),
                }),
                _ => Err(DateError {
                    message: format!("`{text}` không phải là nửa năm hợp lệ"),
                    hint: "viết nửa năm theo dạng \"2025-H1\" (6 tháng đầu năm) hoặc \"2025-H2\" (6 tháng cuối năm)".into(),
                }),
            };
        }
        if let Some((y, q)) = t.split_once("-Q") {
            let year = y.parse::<i32>().ok().filter(|_| digits(y, 4));
            let quarter = q
                .parse::<u32>()
                .ok()
                .filter(|n| digits(q, 1) && (1..=4).contains(n));
            return match (year, quarter) {
                (Some(year), _) if !YEARS.contains(&year) => Err(year_error(text, year)),
                (Some(year), Some(quarter)) => Ok(Timeframe::Quarter { year, quarter }),
                _ => Err(DateError {
                    message: format!("`{text}` không phải là quý hợp lệ"),
                    hint: "viết quý theo dạng \"2025-Q1\" … \"2025-Q4\"".into(),
                }),
            };
        }
        PartialDate::parse(t)
            .map(Timeframe::By)
            .map_err(|e| DateError {
                hint: format!("{}; các dạng khác: {TIMEFRAME_FORMS}", e.hint),
                ..e
            })
    }

    /// The last day by which the task is due, if it has one: tasks every year, from a year on
    /// or ongoing have none (their status comes only from what reports say).
    pub fn deadline(&self) -> Option<(i32, u32, u32)> {
        match self {
            Timeframe::By(d) => Some(d.last_day()),
            Timeframe::Quarter { year, quarter } => {
                let m = quarter * 3;
                Some((*year, m, days_in_month(*year, m)))
            }
            Timeframe::Half { year, half } => Some(if *half == 1 {
                (*year, 6, 30)
            } else {
                (*year, 12, 31)
            }),
            Timeframe::Years { to, .. } => Some((*to, 12, 31)),
            Timeframe::Yearly | Timeframe::From(_) | Timeframe::Ongoing => None,
        }
    }

    /// The first day the timeframe covers, when it has one (for sorting and timelines).
    pub fn start(&self) -> Option<(i32, u32, u32)> {
        match self {
            Timeframe::By(d) => Some(d.first_day()),
            Timeframe::Quarter { year, quarter } => Some((*year, quarter * 3 - 2, 1)),
            Timeframe::Half { year, half } => Some((*year, if *half == 1 { 1 } else { 7 }, 1)),
            Timeframe::Years { from, .. } | Timeframe::From(from) => Some((*from, 1, 1)),
            Timeframe::Yearly | Timeframe::Ongoing => None,
        }
    }

    /// The kind of timeframe, as the data package names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Timeframe::By(PartialDate { day: Some(_), .. }) => "day",
            Timeframe::By(PartialDate { month: Some(_), .. }) => "month",
            Timeframe::By(_) => "year",
            Timeframe::Quarter { .. } => "quarter",
            Timeframe::Half { .. } => "half-year",
            Timeframe::Years { .. } => "years",
            Timeframe::Yearly => "yearly",
            Timeframe::From(_) => "from-year",
            Timeframe::Ongoing => "ongoing",
        }
    }

    pub fn iso(&self) -> String {
        match self {
            Timeframe::By(d) => d.iso(),
            Timeframe::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Timeframe::Half { year, half } => format!("{year}-H{half}"),
            Timeframe::Years { from, to } => format!("{from}/{to}"),
            Timeframe::Yearly => "yearly".into(),
            Timeframe::From(y) => format!("from-{y}"),
            Timeframe::Ongoing => "ongoing".into(),
        }
    }

    pub fn vietnamese(&self) -> String {
        match self {
            Timeframe::By(d) => d.vietnamese(),
            Timeframe::Quarter { year, quarter } => {
                let roman = ["I", "II", "III", "IV"][(*quarter as usize).saturating_sub(1).min(3)];
                format!("quý {roman}/{year}")
            }
            Timeframe::Half { year, half: 1 } => format!("6 tháng đầu năm {year}"),
            Timeframe::Half { year, .. } => format!("6 tháng cuối năm {year}"),
            Timeframe::Years { from, to } => format!("{from}–{to}"),
            Timeframe::Yearly => "hằng năm".into(),
            Timeframe::From(y) => format!("từ năm {y}"),
            Timeframe::Ongoing => "thường xuyên".into(),
        }
    }
}

/// Formats a `(year, month, day)` triple as `dd/mm/yyyy`.
pub fn vietnamese_day((y, m, d): (i32, u32, u32)) -> String {
    format!("{d:02}/{m:02}/{y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_precision_the_document_gives() {
        assert_eq!(
            PartialDate::parse("2024-11-15").unwrap().vietnamese(),
            "15/11/2024"
        );
        assert_eq!(
            PartialDate::parse("2025-09").unwrap().vietnamese(),
            "tháng 9/2025"
        );
        assert_eq!(PartialDate::parse("2025").unwrap().iso(), "2025");
    }

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        assert!(PartialDate::parse("2025-02-29").is_err());
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2025-13").is_err());
        assert!(
            PartialDate::parse("2025-04-31")
                .unwrap_err()
                .message
                .contains("30 ngày")
        );
        assert!(PartialDate::parse("15/11/2024").is_err());
    }

    #[test]
    fn a_quarter_is_due_on_its_last_day_and_ongoing_never() {
        assert_eq!(
            Timeframe::parse("2025-Q1").unwrap().deadline(),
            Some((2025, 3, 31))
        );
        assert_eq!(
            Timeframe::parse("2025-Q4").unwrap().deadline(),
            Some((2025, 12, 31))
        );
        assert_eq!(
            Timeframe::parse("2025").unwrap().deadline(),
            Some((2025, 12, 31))
        );
        assert_eq!(
            Timeframe::parse("2025-08").unwrap().deadline(),
            Some((2025, 8, 31))
        );
        assert_eq!(Timeframe::parse("ongoing").unwrap().deadline(), None);
        assert!(Timeframe::parse("2025-Q5").is_err());
    }

    #[test]
    fn multi_year_and_recurring_timeframes_keep_their_shape() {
        let span = Timeframe::parse("2025/2030").unwrap();
        assert_eq!(span.deadline(), Some((2030, 12, 31)));
        assert_eq!(span.start(), Some((2025, 1, 1)));
        assert_eq!(span.vietnamese(), "2025–2030");
        assert_eq!(span.kind(), "years");
        let half = Timeframe::parse("2026-H1").unwrap();
        assert_eq!(half.deadline(), Some((2026, 6, 30)));
        assert_eq!(half.vietnamese(), "6 tháng đầu năm 2026");
        assert_eq!(Timeframe::parse("yearly").unwrap().deadline(), None);
        assert_eq!(Timeframe::parse("yearly").unwrap().vietnamese(), "hằng năm");
        let from = Timeframe::parse("from-2026").unwrap();
        assert_eq!(from.deadline(), None);
        assert_eq!(from.start(), Some((2026, 1, 1)));
        assert_eq!(from.vietnamese(), "từ năm 2026");
        for form in [
            "2025",
            "2025-08",
            "2025-08-31",
            "2025-Q3",
            "2025-H2",
            "2025/2030",
            "yearly",
            "from-2026",
            "ongoing",
        ] {
            assert_eq!(Timeframe::parse(form).unwrap().iso(), form);
        }
        for bad in [
            "2030/2025",
            "2025/2025",
            "2025-H3",
            "from-25",
            "2025/30",
            "hằng năm",
        ] {
            assert!(Timeframe::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn years_a_plan_cannot_speak_of_are_refused() {
        for bad in [
            "-001-Q1",
            "+202-Q1",
            "2025-Q+1",
            "2025-Q01",
            "0001",
            "9999-12",
            "0000-01-01",
            "1899",
            "2101-Q1",
            " 2025-Q1x",
        ] {
            assert!(Timeframe::parse(bad).is_err(), "{bad}");
        }
        assert!(PartialDate::parse("0000-01-01").is_err());
        assert!(PartialDate::parse("1945-09-02").is_ok());
        assert!(Timeframe::parse("2045").is_ok());
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl serde::Serialize for Timeframe {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}
