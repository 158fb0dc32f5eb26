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

/// When a task is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeframe {
    /// A date, month or year.
    By(PartialDate),
    /// A quarter of a year (1–4).
    Quarter { year: i32, quarter: u32 },
    /// "Thường xuyên": no deadline.
    Ongoing,
}

impl Timeframe {
    pub fn parse(text: &str) -> Result<Timeframe, DateError> {
        let t = text.trim();
        if t == "ongoing" {
            return Ok(Timeframe::Ongoing);
        }
        if let Some((y, q)) = t.split_once("-Q") {
            let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
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
                hint: format!("{}; quý: \"2025-Q1\"; thường xuyên: \"ongoing\"", e.hint),
                ..e
            })
    }

    /// The last day by which the task is due, if it has one.
    pub fn deadline(&self) -> Option<(i32, u32, u32)> {
        match self {
            Timeframe::By(d) => Some(d.last_day()),
            Timeframe::Quarter { year, quarter } => {
                let m = quarter * 3;
                Some((*year, m, days_in_month(*year, m)))
            }
            Timeframe::Ongoing => None,
        }
    }

    pub fn iso(&self) -> String {
        match self {
            Timeframe::By(d) => d.iso(),
            Timeframe::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
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
