//! The regulation's scales, which the data is written in: the four rating levels, a criterion's
//! self-assessed level, points of a score, and whom a self-review is for. They sit with the
//! regulation (not the data) so that the regulation, pure data, imports nothing above it.

/// Points of a score in tenths (27,5 points = 275), so that sums never round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Points(pub u32);

impl Points {
    /// Whole points.
    pub const fn whole(n: u32) -> Points {
        Points(n * 10)
    }
    /// As a clerk writes it: "27", "27,5".
    pub fn text(self) -> String {
        match self.0 % 10 {
            0 => (self.0 / 10).to_string(),
            t => format!("{},{t}", self.0 / 10),
        }
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, o: Points) -> Points {
        Points(self.0 + o.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(it: I) -> Points {
        Points(it.map(|p| p.0).sum())
    }
}

/// Whom a 2025 self-review is for (HD 43 §2.1 b): the form 2A, 2B or 2C.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Subject {
    /// Holds a leadership or management post (2A).
    Leader,
    /// Holds none (2B).
    #[default]
    Member,
    /// Works outside the political system: retired, student, private firm (2C).
    Outside,
}

/// A self-assessed level of a criterion ("cấp độ thực hiện").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Xuất sắc.
    Excellent,
    /// Tốt.
    Good,
    /// Trung bình.
    Average,
    /// Kém.
    Poor,
}

/// A rating level, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Done,
    /// Không hoàn thành nhiệm vụ.
    NotDone,
}

impl Rating {
    /// The four levels, best first.
    pub const ALL: [Rating; 4] = [
        Rating::Excellent,
        Rating::Good,
        Rating::Done,
        Rating::NotDone,
    ];

    /// The level as the data file writes it ("hoan_thanh_tot").
    pub const fn key(self) -> &'static str {
        match self {
            Rating::Excellent => "hoan_thanh_xuat_sac",
            Rating::Good => "hoan_thanh_tot",
            Rating::Done => "hoan_thanh",
            Rating::NotDone => "khong_hoan_thanh",
        }
    }

    /// The level's name ("Hoàn thành tốt nhiệm vụ").
    pub const fn name(self) -> &'static str {
        match self {
            Rating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Rating::Good => "Hoàn thành tốt nhiệm vụ",
            Rating::Done => "Hoàn thành nhiệm vụ",
            Rating::NotDone => "Không hoàn thành nhiệm vụ",
        }
    }

    /// The usual abbreviation ("HTTNV").
    pub fn short(self) -> &'static str {
        match self {
            Rating::Excellent => "HTXSNV",
            Rating::Good => "HTTNV",
            Rating::Done => "HTNV",
            Rating::NotDone => "KHTNV",
        }
    }
}
